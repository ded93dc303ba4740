package dev.junction.standard;

import static dev.junction.standard.TestPackets.batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tee, PullTee, Hub and Suppressor. */
class DuplicatorsTest {
    @Test
    void teeCopiesToEveryOutputAndTheLastGetsTheOriginal() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Tee tee = router.add(new Tee(), "t", 1, 3, "3");
            Sink[] sinks = Sink.wire(router, tee);
            Packet first = TestPackets.zeros(router.pool, 10, 1);
            first.setByte(0, 42);
            Packet second = TestPackets.zeros(router.pool, 10, 2);
            tee.push(0, batch(first, second));
            for (Sink sink : sinks) {
                assertEquals(List.of(1, 2), sink.dstIps());
                assertEquals(42, sink.packets.get(0).getUnsignedByte(0));
                assertEquals(1, sink.batches);
            }
            assertNotSame(first, sinks[0].packets.get(0));
            assertSame(first, sinks[2].packets.get(0));
            for (Sink sink : sinks) {
                sink.clear();
            }
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void teeArgumentMustMatchOutputs() {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("2 outputs implies 2 arms"),
                    assertThrows(ConfigurationException.class, () -> router.add(new Tee(), "t", 1, 2, "3")).errors());
            assertEquals(List.of("2 outputs implies 2 arms"), assertThrows(ConfigurationException.class,
                    () -> router.add(new PullTee(), "t", 1, 2, "N 1")).errors());
            assertEquals(List.of("N: invalid number"), assertThrows(ConfigurationException.class,
                    () -> router.add(new Tee(), "t", 1, 2, "two")).errors());
        }
    }

    @Test
    void pullTeeCopiesWhatIsPulledToThePushOutputs() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            PullTee tee = router.add(new PullTee(), "t", 1, 3, "");
            TestRouter.connect(queue, 0, tee, 0);
            // Output 0 is pulled by the test itself: sinks on the push outputs 1 and 2 only.
            Sink[] sinks = {null, router.add(Sink.keeping(), "c1", 1, 0, ""),
                router.add(Sink.keeping(), "c2", 1, 0, "")};
            TestRouter.connect(tee, 1, sinks[1], 0);
            TestRouter.connect(tee, 2, sinks[2], 0);
            router.initialize(queue, tee);
            queue.push(0, batch(TestPackets.zeros(router.pool, 10, 1), TestPackets.zeros(router.pool, 10, 2)));
            PacketBatch into = new PacketBatch();
            into.add(TestPackets.zeros(router.pool, 10, 9)); // already there: not copied
            assertEquals(2, tee.pull(0, into, 5));
            assertEquals(3, into.size());
            assertEquals(List.of(1, 2), sinks[1].dstIps());
            assertEquals(List.of(1, 2), sinks[2].dstIps());
            assertEquals(0, tee.pull(0, into, 5));
            into.killAll();
            sinks[1].clear();
            sinks[2].clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void hubSendsEverywhereButBack() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Hub hub = router.add(new Hub(), "h", 3, 3, "");
            Sink[] sinks = Sink.wire(router, hub);
            Packet packet = TestPackets.zeros(router.pool, 10, 7);
            hub.push(2, batch(packet));
            hub.push(0, batch(TestPackets.zeros(router.pool, 10, 8)));
            assertEquals(List.of(7), sinks[0].dstIps());
            assertEquals(List.of(7, 8), sinks[1].dstIps());
            assertEquals(List.of(8), sinks[2].dstIps());
            assertSame(packet, sinks[1].packets.get(0), "the last other output gets the original");
            for (Sink sink : sinks) {
                sink.clear();
            }
            assertEquals(256, router.pool.available());

            Hub lonely = router.add(new Hub(), "h1", 1, 1, "");
            Sink only = Sink.wire(router, lonely)[0];
            lonely.push(0, batch(TestPackets.zeros(router.pool, 10, 1)));
            assertEquals(0, only.packets.size());
            assertEquals(256, router.pool.available(), "nowhere to go: freed");
        }
    }

    @Test
    void suppressorDropsSuppressedPorts() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Suppressor suppressor = router.add(new Suppressor(), "s", 2, 2, "");
            Sink[] sinks = Sink.wire(router, suppressor);
            TestRouter.Handlers handlers = router.handlers(suppressor);
            assertEquals("true", handlers.read("active1"));
            handlers.write("active1", "false");
            assertEquals("false", handlers.read("active1"));
            suppressor.push(0, batch(TestPackets.zeros(router.pool, 10, 1)));
            suppressor.push(1, batch(TestPackets.zeros(router.pool, 10, 2)));
            assertEquals(List.of(1), sinks[0].dstIps());
            assertEquals(List.of(), sinks[1].dstIps());
            assertEquals("type mismatch",
                    assertThrows(HandlerException.class, () -> handlers.write("active0", "maybe")).getMessage());
            handlers.write("reset", "");
            assertEquals("true", handlers.read("active1"));
            sinks[0].clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void suppressorIgnoresPullsOnSuppressedPorts() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Suppressor suppressor = router.add(new Suppressor(), "s", 1, 1, "");
            TestRouter.connect(queue, 0, suppressor, 0);
            router.initialize(queue, suppressor);
            queue.push(0, batch(TestPackets.zeros(router.pool, 10, 1)));
            suppressor.setSuppressed(0, true);
            PacketBatch into = new PacketBatch();
            assertEquals(0, suppressor.pull(0, into, 4));
            suppressor.setSuppressed(0, false);
            assertEquals(1, suppressor.pull(0, into, 4));
            assertArrayEquals(new int[] {1}, new int[] {into.get(0).dstIp()});
            into.killAll();
        }
    }
}
