package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DelayUnqueue and DelayShaper. */
class DelayTest {
    private static Queue queue(TestRouter router) throws ConfigurationException {
        return router.add(new Queue(), "q", 1, 1, "");
    }

    /** Pushes {@code count} packets painted from {@code first}, stamped {@code timestamp} (0: unset). */
    private static void fill(TestRouter router, Queue queue, int first, int count, long timestamp) {
        PacketBatch batch = router.painted(count, 0, first);
        for (int i = 0; i < count; i++) {
            batch.get(i).setTimestampNanos(timestamp);
        }
        queue.push(0, batch);
    }

    @Test
    void delayUnqueueHoldsPacketsUntilTheirTimestampPlusDelay() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router);
            DelayUnqueue delay = router.add(new DelayUnqueue(), "d", 1, 1, "10ms");
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(queue, 0, delay, 0);
            connect(delay, 0, sink, 0);
            router.initialize(queue, delay, sink);
            long start = router.clock.epochNanos();
            fill(router, queue, 0, 3, 0);
            router.runTasks();
            assertTrue(sink.paints().isEmpty());
            assertFalse(router.anyTaskScheduled(), "waiting on its timer");
            router.clock.advance(9_000_000);
            assertEquals(0, router.runTimers());
            router.clock.advance(1_000_000);
            assertEquals(1, router.runTimers());
            router.runTasks();
            assertEquals(List.of(0, 1, 2), sink.paints());
            assertEquals(start + 10_000_000, sink.timestamps().get(0), "stamped when pulled, plus DELAY");

            fill(router, queue, 3, 2, router.clock.epochNanos() - 20_000_000); // stamped long ago: due at once
            router.runTasks();
            assertEquals(List.of(0, 1, 2, 3, 4), sink.paints());
            assertEquals("10ms", router.handlers(delay).read("delay"));
            router.handlers(delay).write("delay", "1.5");
            assertEquals("1.500000s", router.handlers(delay).read("delay"));
        }
    }

    @Test
    void delayShaperSleepsItsNotifierUntilAPacketIsDue() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router);
            DelayShaper shaper = router.add(new DelayShaper(), "d", 1, 1, "5ms");
            connect(queue, 0, shaper, 0);
            router.initialize(queue, shaper);
            fill(router, queue, 0, 4, 0);
            PacketBatch out = new PacketBatch();
            assertEquals(0, shaper.pull(0, out, out.capacity()));
            assertFalse(shaper.notifier(NotifierKind.EMPTY).isActive(), "asleep until the packets are due");
            router.clock.advance(5_000_000);
            assertEquals(1, router.runTimers());
            assertTrue(shaper.notifier(NotifierKind.EMPTY).isActive());
            assertEquals(2, shaper.pull(0, out, 2));
            assertEquals(2, shaper.pull(0, out, 30));
            assertEquals(router.clock.epochNanos(), out.get(3).timestampNanos(), "stamped when handed out");
            out.killAll();
            shaper.cleanup();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void delayIsRequired() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("DELAY: required argument missing"), assertThrows(ConfigurationException.class,
                    () -> router.add(new DelayUnqueue(), "a", 1, 1, "")).errors());
            assertThrows(ConfigurationException.class, () -> router.add(new DelayShaper(), "b", 1, 1, "soon"));
        }
    }
}
