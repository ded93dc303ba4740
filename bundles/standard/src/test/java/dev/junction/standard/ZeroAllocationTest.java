package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * "Zero allocation per packet in steady state" for a whole path of this bundle's elements: InfiniteSource ->
 * Counter -> Queue -> Unqueue -> Discard, driven by running the tasks, measured with {@link AllocationMeter}.
 */
class ZeroAllocationTest {
    private static final int ROUNDS = 40_000;
    private static final int BURST = 32;

    @Test
    void aSourceToSinkPathAllocatesNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "BURST " + BURST);
            Counter counter = router.add(new Counter(), "c", 1, 1, "");
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Unqueue unqueue = router.add(new Unqueue(), "u", 1, 1, "BURST " + BURST);
            Discard discard = router.add(new Discard(), "d", 1, 0, "");
            connect(source, 0, counter, 0);
            connect(counter, 0, queue, 0);
            connect(queue, 0, unqueue, 0);
            connect(unqueue, 0, discard, 0);
            router.initialize(source, counter, queue, unqueue, discard);

            int runs = AllocationMeter.assertNoAllocationPerPacket(() -> run(router, ROUNDS), discard::count);

            long packets = (long) runs * ROUNDS * BURST;
            assertEquals(packets, source.count());
            assertEquals(packets, counter.count());
            assertEquals(packets, discard.count());
            assertEquals(0, queue.drops());
            assertEquals(1024, router.pool.available(), "every packet went back to the pool");
        }
    }

    /**
     * The switches and the pull schedulers: InfiniteSource -> Counter(COUNT_CALL) -> RoundRobinSwitch -> two
     * Queues -> StrideSched -> Unqueue -> RatedSplitter -> Meter / PrioSched path -> Discard, and a push chain
     * Paint -> PaintTee -> CheckPaint -> HashSwitch -> RandomSwitch -> RandomSample -> PaintSwitch -> Switch.
     */
    @Test
    void switchesAndSchedulersAllocateNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(2048)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "BURST " + BURST);
            Counter counter = router.add(new Counter(), "c", 1, 1, "COUNT_CALL 1000000000 rr.nothing");
            RoundRobinSwitch rr = router.add(new RoundRobinSwitch(), "rr", 1, 2, "");
            Queue q0 = router.add(new Queue(), "q0", 1, 1, "");
            Queue q1 = router.add(new Queue(), "q1", 1, 1, "");
            StrideSched stride = router.add(new StrideSched(), "ss", 2, 1, "3, 1");
            Unqueue unqueue = router.add(new Unqueue(), "u", 1, 1, "BURST " + BURST);
            RatedSplitter splitter = router.add(new RatedSplitter(), "rs", 1, 2, "4000000000");
            Meter meter = router.add(new Meter(), "m", 1, 2, "10Bps");
            Paint paint = router.add(new Paint(), "p", 1, 1, "1");
            PaintTee tee = router.add(new PaintTee(), "pt", 1, 2, "1");
            CheckPaint check = router.add(new CheckPaint(), "cp", 1, 2, "1");
            HashSwitch hash = router.add(new HashSwitch(), "h", 1, 2, "0, 1");
            RandomSwitch random = router.add(new RandomSwitch(), "rw", 1, 2, "");
            RandomSample sample = router.add(new RandomSample(), "sa", 1, 2, "0.5");
            PaintSwitch paints = router.add(new PaintSwitch(), "ps", 1, 2, "");
            Switch sw = router.add(new Switch(), "sw", 1, 2, "1");
            Discard discard = router.add(new Discard(), "d", 1, 0, "");
            connect(source, 0, counter, 0);
            connect(counter, 0, rr, 0);
            connect(rr, 0, q0, 0);
            connect(rr, 1, q1, 0);
            connect(q0, 0, stride, 0);
            connect(q1, 0, stride, 1);
            connect(stride, 0, unqueue, 0);
            connect(unqueue, 0, splitter, 0);
            connect(splitter, 0, meter, 0);
            connect(splitter, 1, discard, 0);
            connect(meter, 0, discard, 0);
            connect(meter, 1, paint, 0);
            connect(paint, 0, tee, 0);
            connect(tee, 0, check, 0);
            connect(tee, 1, discard, 0);
            connect(check, 0, hash, 0);
            connect(check, 1, discard, 0);
            connect(hash, 0, random, 0);
            connect(hash, 1, random, 0);
            connect(random, 0, sample, 0);
            connect(random, 1, sample, 0);
            connect(sample, 0, paints, 0);
            connect(sample, 1, discard, 0);
            connect(paints, 0, discard, 0);
            connect(paints, 1, sw, 0);
            connect(sw, 0, discard, 0);
            connect(sw, 1, discard, 0);
            router.initialize(source, counter, rr, q0, q1, stride, unqueue, splitter, meter, paint, tee, check, hash,
                    random, sample, paints, sw, discard);

            int runs = AllocationMeter.assertNoAllocationPerPacket(() -> runTimed(router, ROUNDS), counter::count);

            assertEquals((long) runs * ROUNDS * BURST, counter.count());
            assertTrue(sample.drops() > ROUNDS, "packets went all the way: " + sample.drops());
            assertEquals(0, q0.drops() + q1.drops());
            assertEquals(2048 - q0.length() - q1.length(), router.pool.available(), "every packet went back");
        }
    }

    /** Runs the tasks with the clock a millisecond further each round, so that rates are measured. */
    private static void runTimed(TestRouter router, int rounds) {
        for (int i = 0; i < rounds; i++) {
            router.runTasks();
            router.clock.advance(1_000_000);
        }
    }

    private static void run(TestRouter router, int rounds) {
        for (int i = 0; i < rounds; i++) {
            router.runTasks();
        }
    }
}
