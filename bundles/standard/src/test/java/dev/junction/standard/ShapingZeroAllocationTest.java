package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Element;
import org.junit.jupiter.api.Test;

/**
 * The two shaping workloads of the benchmark table allocate nothing per packet: {@code InfiniteSource -> Queue
 * -> BandwidthShaper(rate out of reach) -> Discard} (Discard pulling) and {@code InfiniteSource -> Queue ->
 * LinkUnqueue(0us, 32Gbps) -> Discard}, with the clock moving 1 us per round.
 */
class ShapingZeroAllocationTest {
    private static final int ROUNDS = 40_000;
    private static final int BURST = 32;

    @Test
    void queueToBandwidthShaperToPullingDiscard() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "BURST " + BURST);
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            BandwidthShaper shaper = router.add(new BandwidthShaper(), "b", 1, 1, "32Gbps");
            Discard discard = router.add(new Discard(), "d", 1, 0, "BURST " + BURST);
            connect(source, 0, queue, 0);
            connect(queue, 0, shaper, 0);
            connect(shaper, 0, discard, 0);
            measure(router, discard, source, queue, shaper, discard);
        }
    }

    @Test
    void queueToLinkUnqueueToDiscard() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "BURST " + BURST);
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            LinkUnqueue link = router.add(new LinkUnqueue(), "l", 1, 1, "0us, 32Gbps");
            Discard discard = router.add(new Discard(), "d", 1, 0, "");
            connect(source, 0, queue, 0);
            connect(queue, 0, link, 0);
            connect(link, 0, discard, 0);
            measure(router, discard, source, queue, link, discard);
        }
    }

    private static void measure(TestRouter router, Discard discard, Element... elements) throws Exception {
        router.initialize(elements);
        int runs = AllocationMeter.assertNoAllocationPerPacket(() -> run(router, ROUNDS), discard::count);
        long packets = discard.count();
        assertTrue(packets >= (long) runs * (ROUNDS - 1) * BURST, "only " + packets + " packets went through");
    }

    private static void run(TestRouter router, int rounds) {
        for (int i = 0; i < rounds; i++) {
            router.clock.advance(1_000);
            // No timer is due on these paths (the link has no latency, the shaper has no timer), and
            // StandaloneContext.runTimers allocates an iterator per call, which would count here.
            router.runTasks();
        }
    }
}
