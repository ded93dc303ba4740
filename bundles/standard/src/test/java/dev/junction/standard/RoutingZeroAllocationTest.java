package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Zero allocation per packet in steady state through the IP lookups, Tee and EtherSwitch (the latter as in
 * the benchmark workload: two sources with swapped Ethernet addresses, two sinks), measured with the thread's
 * {@link AllocationMeter}.
 */
class RoutingZeroAllocationTest {
    private static final int ROUNDS = 20_000;
    private static final int BURST = 32;

    @Test
    void teeAndTheLookupsAllocateNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "BURST " + BURST);
            Tee tee = router.add(new Tee(), "t", 1, 2, "");
            LinearIPLookup linear = router.add(new LinearIPLookup(), "l", 1, 2, "0/0 10.0.0.1 0, 10.0.0.0/8 1");
            RadixIPLookup radix = router.add(new RadixIPLookup(), "r", 1, 2, "0/0 10.0.0.2 0, 10.0.0.1/32 1");
            DirectIPLookup direct = router.add(new DirectIPLookup(), "x", 1, 2, "0/0 0, 10.0.0.1/32 10.9.9.9 1");
            Discard lost = router.add(new Discard(), "lost", 1, 0, "");
            Discard routed = router.add(new Discard(), "routed", 1, 0, "");
            Discard copies = router.add(new Discard(), "copies", 1, 0, "");
            connect(source, 0, tee, 0);
            connect(tee, 0, linear, 0);
            connect(tee, 1, copies, 0);
            connect(linear, 0, radix, 0);   // 0.0.0.0 -> gateway 10.0.0.1
            connect(linear, 1, lost, 0);
            connect(radix, 1, direct, 0);   // 10.0.0.1/32, no gateway
            connect(radix, 0, lost, 0);
            connect(direct, 0, lost, 0);
            connect(direct, 1, routed, 0);  // 10.0.0.1/32 -> gateway 10.9.9.9
            router.initialize(source, tee, linear, radix, direct, lost, routed, copies);

            int runs = AllocationMeter.assertNoAllocationPerPacket(() -> router.runTasks(ROUNDS), copies::count);
            long packets = (long) runs * ROUNDS * BURST;
            assertEquals(packets, copies.count());
            assertEquals(packets, routed.count(), "every packet took the path the routes give");
            assertEquals(0, lost.count());
            assertEquals(1024, router.pool.available());
        }
    }

    @Test
    void etherSwitchWithTwoSourcesAllocatesNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            String ab = "\\<00 00 00 00 00 0B 00 00 00 00 00 0A 08 00>";
            String ba = "\\<00 00 00 00 00 0A 00 00 00 00 00 0B 08 00>";
            InfiniteSource fromA = router.add(new InfiniteSource(), "a", 0, 1, "DATA " + ab + ", LENGTH 60, BURST " + BURST);
            InfiniteSource fromB = router.add(new InfiniteSource(), "b", 0, 1, "DATA " + ba + ", LENGTH 60, BURST " + BURST);
            EtherSwitch sw = router.add(new EtherSwitch(), "sw", 2, 2, "");
            Discard toA = router.add(new Discard(), "da", 1, 0, "");
            Discard toB = router.add(new Discard(), "db", 1, 0, "");
            connect(fromA, 0, sw, 0);
            connect(fromB, 0, sw, 1);
            connect(sw, 0, toA, 0);
            connect(sw, 1, toB, 0);
            router.initialize(fromA, fromB, sw, toA, toB);

            int runs = AllocationMeter.assertNoAllocationPerPacket(() -> router.runTasks(ROUNDS),
                    () -> toA.count() + toB.count());
            long packets = (long) runs * ROUNDS * BURST;
            assertEquals(packets, toA.count(), "B's frames reach A once A is learned");
            assertEquals(packets, toB.count());
            assertEquals(0, sw.portOf(0x0AL));
            assertEquals(1, sw.portOf(0x0BL));
            assertEquals(1024, router.pool.available());
        }
    }
}
