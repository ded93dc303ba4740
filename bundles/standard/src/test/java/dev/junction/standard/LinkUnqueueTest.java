package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkUnqueueTest {
    private record Path(TestRouter router, Queue queue, LinkUnqueue link, Sink sink) {
        static Path of(TestRouter router, String config) throws ConfigurationException {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            LinkUnqueue link = router.add(new LinkUnqueue(), "l", 1, 1, config);
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(queue, 0, link, 0);
            connect(link, 0, sink, 0);
            router.initialize(queue, link, sink);
            return new Path(router, queue, link, sink);
        }

        void fill(int packets, int length) {
            PacketBatch batch = new PacketBatch(packets);
            router.pool.allocate(batch, packets);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).put(length);
                batch.get(i).setPaint(i);
            }
            queue.push(0, batch);
        }
    }

    @Test
    void delaysByLatencyPlusTransmissionBackToBack() throws Exception {
        try (TestRouter router = new TestRouter()) {
            // 1 MB/s: 100 bytes take 100 us on the wire; 1 ms of latency.
            Path path = Path.of(router, "1ms, 8Mbps");
            path.fill(5, 100);
            router.runTasks();
            assertEquals(1, path.link.size(), "the link takes a packet only when there is room on it");
            assertEquals(4, path.queue.length());
            for (int step = 0; step < 100; step++) {
                router.clock.advance(50_000);
                router.runTimers();
                router.runTasks();
            }
            assertEquals(List.of(0, 1, 2, 3, 4), path.sink.paints());
            long origin = router.clock.epochNanos() - router.clock.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertEquals(origin + 1_100_000 + i * 100_000L, path.sink.timestamps().get(i),
                        "packet " + i + " arrives after the latency and its own and earlier transmissions");
            }
            assertEquals("0", router.handlers(path.link).read("size"));
            assertEquals("1ms", router.handlers(path.link).read("latency"));
            assertEquals("1000000", router.handlers(path.link).read("bandwidth"));
        }
    }

    @Test
    void aFastLinkWithoutLatencyMovesWholeBatchesAtOnce() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "0us, 32Gbps");
            path.fill(100, 64);
            router.runTasks();
            assertEquals(100, path.sink.paints().size());
            assertEquals(0, path.link.size());
            router.runTasks(12);
            assertFalse(router.anyTaskScheduled(), "asleep on the queue's notifier");
        }
    }

    @Test
    void resetFreesThePacketsInFlight() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "1s, 1Gbps");
            path.fill(100, 100); // more than the link's ring starts with
            router.runTasks();
            assertEquals(100, path.link.size());
            assertEquals("100", router.handlers(path.link).read("size"));
            router.handlers(path.link).write("reset", "");
            assertEquals(0, path.link.size());
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void configurationErrors() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("bandwidth too small, minimum 100Bps"), assertThrows(ConfigurationException.class,
                    () -> router.add(new LinkUnqueue(), "a", 1, 1, "1ms, 99Bps")).errors());
            assertEquals(List.of("BANDWIDTH: required argument missing"), assertThrows(
                    ConfigurationException.class, () -> router.add(new LinkUnqueue(), "b", 1, 1, "1ms")).errors());
        }
    }
}
