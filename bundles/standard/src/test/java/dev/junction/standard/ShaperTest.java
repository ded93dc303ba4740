package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShaperTest {
    private static Queue filledQueue(TestRouter router, int packets, int length) throws ConfigurationException {
        Queue queue = router.add(new Queue(), "q", 1, 1, "");
        queue.initialize();
        queue.push(0, router.batch(packets, length));
        return queue;
    }

    private static int pull(ShaperBase shaper, int port) {
        PacketBatch out = new PacketBatch();
        int pulled = shaper.pull(port, out, out.capacity());
        out.killAll();
        return pulled;
    }

    @Test
    void shaperLetsRatePacketsThroughPerSecondEvenly() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = filledQueue(router, 100, 10);
            Shaper shaper = router.add(new Shaper(), "s", 1, 2, "1000");
            connect(queue, 0, shaper, 0);
            router.initialize(shaper);
            assertEquals(1, pull(shaper, 0), "a packet may go right after a start");
            assertEquals(0, pull(shaper, 0));
            router.clock.advance(1_000_000);
            assertEquals(1, pull(shaper, 0));
            router.clock.advance(10_000_000);
            assertEquals(10, pull(shaper, 0), "a batch pull takes all that is due");
            assertEquals(5, Math.min(5, pull(shaper, 1)), "output 1 gets unshaped packets when 0 gets none");
            router.handlers(shaper).write("reset", "");
            assertEquals(1, pull(shaper, 0));
            assertEquals("1000", router.handlers(shaper).read("rate"));
        }
    }

    @Test
    void atANewSecondTheCountDropsByTheRate() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = filledQueue(router, 250, 10);
            Shaper shaper = router.add(new Shaper(), "s", 1, 1, "100");
            connect(queue, 0, shaper, 0);
            router.initialize(shaper);
            pull(shaper, 0);
            // The count (1) drops by RATE at the next second, whenever that comes: -99, so 100 packets may go at
            // once, then 99 more paced over the second (Click's GapRate).
            router.clock.advance(5_000_000_000L);
            assertEquals(100, pull(shaper, 0) + pull(shaper, 0) + pull(shaper, 0) + pull(shaper, 0));
            int total = 0;
            for (int ms = 0; ms < 1000; ms += 10) {
                total += pull(shaper, 0);
                router.clock.advance(10_000_000);
            }
            assertEquals(99, total);
        }
    }

    @Test
    void bandwidthShaperCountsBytes() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = filledQueue(router, 100, 100);
            BandwidthShaper shaper = router.add(new BandwidthShaper(), "s", 1, 1, "1MBps");
            connect(queue, 0, shaper, 0);
            router.initialize(shaper);
            assertEquals(1, pull(shaper, 0));
            assertEquals(0, pull(shaper, 0));
            router.clock.advance(1_000_000); // 1000 bytes due by now
            assertEquals(10, pull(shaper, 0), "bytes gone (100, 200, ... 1000) at most the 1000 due");
            assertEquals(89, queue.length(), "the rest stays upstream");
            assertEquals("8Mbps", router.handlers(shaper).read("rate"));
            router.handlers(shaper).write("rate", "32Gbps");
            assertEquals("4000MBps", router.handlers(shaper).read("config"));
        }
    }

    @Test
    void rateErrors() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Shaper fast = router.add(new Shaper(), "a", 1, 1, "4100000000");
            assertEquals("4096000000", router.handlers(fast).read("rate"), "lowered to GapRate's limit, as Click");
            assertEquals(List.of("RATE: required argument missing"),
                    assertThrows(ConfigurationException.class, () -> router.add(new Shaper(), "b", 1, 1, "")).errors());
            BandwidthShaper shaper = router.add(new BandwidthShaper(), "c", 1, 1, "1Mbps");
            assertThrows(HandlerException.class, () -> router.handlers(shaper).write("rate", "fast"));
        }
    }
}
