package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatedUnqueueTest {
    @Test
    void startsWithAFullBucketThenMovesRatePacketsPerSecond() throws Exception {
        try (TestRouter router = new TestRouter()) {
            // bucket: 1000 x 20ms = 20 packets
            QueuePath<RatedUnqueue> path = QueuePath.of(router, new RatedUnqueue(), "RATE 1000");
            path.fill(100, 10);
            router.runTasks();
            assertEquals(20, path.sink().packets(), "the full bucket's burst");
            router.runTasks();
            assertEquals(20, path.sink().packets());
            assertFalse(router.anyTaskScheduled(), "asleep until the next token");
            path.step(1_000_000);
            assertEquals(21, path.sink().packets(), "one token per millisecond");
            path.step(10_000_000);
            assertEquals(31, path.sink().packets());
            assertEquals("1000", router.handlers(path.unqueue()).read("rate"));
            assertTrue(router.handlers(path.unqueue()).read("calls").contains("31 pushes\n"));
        }
    }

    @Test
    void burstSizeAndActive() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<RatedUnqueue> path = QueuePath.of(router, new RatedUnqueue(), "10, BURST_SIZE 3");
            path.fill(10, 10);
            router.handlers(path.unqueue()).write("active", "false");
            router.runTasks();
            assertEquals(0, path.sink().packets());
            router.handlers(path.unqueue()).write("active", "true");
            router.runTasks();
            assertEquals(3, path.sink().packets());
            path.step(100_000_000);
            assertEquals(4, path.sink().packets());
        }
    }

    @Test
    void sleepsOnAnEmptyQueue() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<RatedUnqueue> path = QueuePath.of(router, new RatedUnqueue(), "1000");
            router.runTasks(12);
            assertFalse(router.anyTaskScheduled(), "asleep once the queue's notifier went inactive");
            path.fill(2, 10);
            assertTrue(router.anyTaskScheduled());
            router.runTasks();
            assertEquals(2, path.sink().packets());
        }
    }

    @Test
    void bandwidthVersionChargesBytesAndNeedsTheThreshold() throws Exception {
        try (TestRouter router = new TestRouter()) {
            // 1000 bytes of burst + Click's 131072 threshold: 11 packets of 100 bytes leave at once.
            QueuePath<BandwidthRatedUnqueue> path =
                    QueuePath.of(router, new BandwidthRatedUnqueue(), "1MBps, BURST_BYTES 1000");
            path.fill(100, 100);
            router.runTasks();
            assertEquals(11, path.sink().packets());
            assertEquals(89, path.queue().length(), "packets not allowed stay upstream");
            router.runTasks();
            assertEquals(11, path.sink().packets());
            path.step(1_000_000); // 1000 bytes: the bucket is back over the threshold for 10 more
            assertEquals(21, path.sink().packets());
            assertEquals("8Mbps", router.handlers(path.unqueue()).read("rate"));
            router.handlers(path.unqueue()).write("rate", "1Gbps");
            assertEquals("1Gbps", router.handlers(path.unqueue()).read("config"));
        }
    }

    @Test
    void configurationErrors() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("cannot specify both BURST_DURATION and BURST_SIZE"),
                    assertThrows(ConfigurationException.class, () -> router.add(new RatedUnqueue(), "a", 1, 1,
                            "10, BURST_DURATION 1s, BURST_SIZE 4")).errors());
            assertEquals(List.of("RATE: required argument missing"),
                    assertThrows(ConfigurationException.class,
                            () -> router.add(new RatedUnqueue(), "b", 1, 1, "")).errors());
            assertThrows(ConfigurationException.class,
                    () -> router.add(new BandwidthRatedUnqueue(), "c", 1, 1, "10, BURST_SIZE 4"));
        }
    }
}
