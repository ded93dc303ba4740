package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkUnqueueTest {
    @Test
    void delaysByLatencyPlusTransmissionBackToBack() throws Exception {
        try (TestRouter router = new TestRouter()) {
            // 1 MB/s: 100 bytes take 100 us on the wire; 1 ms of latency.
            QueuePath<LinkUnqueue> path = QueuePath.of(router, new LinkUnqueue(), "1ms, 8Mbps");
            path.fill(5, 100);
            router.runTasks();
            assertEquals(1, path.unqueue().size(), "the link takes a packet only when there is room on it");
            assertEquals(4, path.queue().length());
            for (int step = 0; step < 100; step++) {
                router.clock.advance(50_000);
                router.runTimers();
                router.runTasks();
            }
            assertEquals(List.of(0, 1, 2, 3, 4), path.sink().paints());
            long origin = router.clock.epochNanos() - router.clock.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertEquals(origin + 1_100_000 + i * 100_000L, path.sink().timestamps().get(i),
                        "packet " + i + " arrives after the latency and its own and earlier transmissions");
            }
            assertEquals("0", router.handlers(path.unqueue()).read("size"));
            assertEquals("1ms", router.handlers(path.unqueue()).read("latency"));
            assertEquals("1000000", router.handlers(path.unqueue()).read("bandwidth"));
        }
    }

    @Test
    void aFastLinkWithoutLatencyMovesWholeBatchesAtOnce() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<LinkUnqueue> path = QueuePath.of(router, new LinkUnqueue(), "0us, 32Gbps");
            path.fill(100, 64);
            router.runTasks();
            assertEquals(100, path.sink().paints().size());
            assertEquals(0, path.unqueue().size());
            router.runTasks(12);
            assertFalse(router.anyTaskScheduled(), "asleep on the queue's notifier");
        }
    }

    @Test
    void resetFreesThePacketsInFlight() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<LinkUnqueue> path = QueuePath.of(router, new LinkUnqueue(), "1s, 1Gbps");
            path.fill(100, 100); // more than the link's ring starts with
            router.runTasks();
            assertEquals(100, path.unqueue().size());
            assertEquals("100", router.handlers(path.unqueue()).read("size"));
            router.handlers(path.unqueue()).write("reset", "");
            assertEquals(0, path.unqueue().size());
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
