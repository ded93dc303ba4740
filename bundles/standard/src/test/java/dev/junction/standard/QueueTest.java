package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueTest {
    /** Pushes {@code count} fresh packets painted 0, 1, 2, ... into {@code queue}. */
    private static void pushPackets(TestRouter router, Queue queue, int count) {
        queue.push(0, router.painted(count, 0, 0));
    }

    private static Queue queue(TestRouter router, String config, int outputs) throws ConfigurationException {
        Queue queue = router.add(new Queue(), "q", 1, outputs, config);
        queue.initialize();
        return queue;
    }

    @Test
    void keepsOrderAcrossTheRingBoundary() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "5", 1);
            PacketBatch out = new PacketBatch();
            for (int round = 0; round < 4; round++) {
                pushPackets(router, queue, 3);
                assertEquals(3, queue.pull(0, out, 32));
                for (int i = 0; i < 3; i++) {
                    assertEquals(i, out.get(i).paint());
                }
                out.killAll();
            }
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void dropsAtTheTailWhenFullAndFreesThem() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "CAPACITY 3", 1);
            pushPackets(router, queue, 5);
            TestRouter.Handlers handlers = router.handlers(queue);
            assertEquals("3", handlers.read("length"));
            assertEquals("2", handlers.read("drops"));
            assertEquals("3", handlers.read("highwater_length"));
            assertEquals("3", handlers.read("capacity"));
            assertEquals(253, router.pool.available(), "dropped packets went back to the pool");
            PacketBatch out = new PacketBatch();
            queue.pull(0, out, 32);
            assertEquals(List.of(0, 1, 2), List.of(out.get(0).paint(), out.get(1).paint(), out.get(2).paint()));
            out.killAll();

            handlers.write("reset_counts", "");
            assertEquals("0", handlers.read("drops"));
            assertEquals("0", handlers.read("highwater_length"));
        }
    }

    @Test
    void droppedPacketsLeaveThroughOutputOneWhenConnected() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 2, "2");
            Sink drops = router.add(new Sink(), "d", 1, 0, "");
            connect(queue, 1, drops, 0);
            router.initialize(queue, drops);
            pushPackets(router, queue, 5);
            assertEquals(3, drops.packets());
            router.handlers(queue).write("reset", "");
            assertEquals(5, drops.packets(), "reset sends the queued packets out of output 1 too");
            assertEquals(0, queue.length());
        }
    }

    @Test
    void defaultCapacityAndArgumentErrors() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(1000, queue(router, "", 1).capacity());
            assertEquals(List.of("CAPACITY: invalid number"),
                    assertThrows(ConfigurationException.class, () -> queue(router, "-1", 1)).errors());
            assertEquals(List.of("CAPACITY: invalid number", "too many arguments"),
                    assertThrows(ConfigurationException.class, () -> queue(router, "x, 2", 1)).errors());
        }
    }

    @Test
    void capacityHandlerResizesKeepingTheOldestPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "10", 1);
            pushPackets(router, queue, 8);
            TestRouter.Handlers handlers = router.handlers(queue);
            handlers.write("capacity", "4");
            assertEquals("4", handlers.read("capacity"));
            assertEquals(4, queue.length());
            assertEquals(252, router.pool.available());
            PacketBatch out = new PacketBatch();
            queue.pull(0, out, 32);
            assertEquals(0, out.get(0).paint());
            assertEquals(3, out.get(3).paint());
            out.killAll();
            assertEquals("CAPACITY: invalid number",
                    assertThrows(HandlerException.class, () -> handlers.write("capacity", "big")).getMessage());
        }
    }

    @Test
    void resetFreesPacketsWithoutADropOutput() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "", 1);
            pushPackets(router, queue, 40);
            router.handlers(queue).write("reset", "");
            assertEquals(0, queue.length());
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void notifiersFollowEmptyAndFullAndWakeListeners() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "2", 1);
            StandaloneContext tasks = new StandaloneContext("listener", router.pool, router.clock);
            Task puller = tasks.createTask(() -> false);
            Task pusher = tasks.createTask(() -> false);
            queue.notifier(NotifierKind.EMPTY).addListener(puller);
            queue.notifier(NotifierKind.FULL).addListener(pusher);
            NotifierSignal nonEmpty = NotifierSignal.anyOf(List.of(queue.notifier(NotifierKind.EMPTY)));

            PacketBatch out = new PacketBatch();
            for (int i = 0; i < 9; i++) {
                assertEquals(0, queue.pull(0, out, 32));
                assertTrue(nonEmpty.isActive(), "the empty notifier waits before it sleeps");
            }
            assertEquals(0, queue.pull(0, out, 32));
            assertFalse(nonEmpty.isActive(), "asleep after ten empty pulls in a row");

            pushPackets(router, queue, 1);
            assertTrue(nonEmpty.isActive());
            assertTrue(puller.isScheduled(), "a push wakes the pulling task");

            pushPackets(router, queue, 1);
            assertFalse(queue.notifier(NotifierKind.FULL).isActive(), "full");
            queue.pull(0, out, 1);
            assertTrue(queue.notifier(NotifierKind.FULL).isActive());
            assertTrue(pusher.isScheduled(), "a pull wakes the pushing task");
            out.killAll();
            queue.cleanup();
        }
    }

    @Test
    void stateMovesPacketsAndCountersIntoAFreshQueue() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue old = queue(router, "10", 1);
            pushPackets(router, old, 12);
            ElementState state = new ElementState();
            old.saveState(state);
            assertEquals(0, old.length(), "the old queue gave its packets away");
            old.cleanup();

            Queue replacement = queue(router, "6", 1);
            replacement.takeState(state);
            TestRouter.Handlers handlers = router.handlers(replacement);
            assertEquals("6", handlers.read("length"));
            assertEquals("2", handlers.read("drops"));
            assertEquals("10", handlers.read("highwater_length"));
            assertEquals(250, router.pool.available(), "packets beyond the new capacity were freed");
            assertFalse(replacement.notifier(NotifierKind.FULL).isActive());

            PacketBatch out = new PacketBatch();
            replacement.pull(0, out, 32);
            assertEquals(0, out.get(0).paint());
            assertEquals(5, out.get(5).paint());
            out.killAll();
        }
    }

    @Test
    void cleanupFreesHeldPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "", 1);
            pushPackets(router, queue, 20);
            queue.cleanup();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void capacityZeroDropsEverything() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "0", 1);
            pushPackets(router, queue, 3);
            assertEquals(3, queue.drops());
            assertEquals(0, queue.pull(0, new PacketBatch(), 32));
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void notifierKinds() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = queue(router, "", 1);
            assertSame(NotifierKind.EMPTY, queue.notifier(NotifierKind.EMPTY).kind());
            assertSame(NotifierKind.FULL, queue.notifier(NotifierKind.FULL).kind());
            assertNull(new Idle().notifier(NotifierKind.FULL));
        }
    }
}
