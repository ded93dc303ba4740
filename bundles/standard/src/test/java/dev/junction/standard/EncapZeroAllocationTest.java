package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.Element;
import org.junit.jupiter.api.Test;

/**
 * Zero allocation per packet through chains of the header elements, in the shapes of the benchmark workloads:
 * strip, mark and rewrite IP addresses, unstrip; and a VXLAN-style encapsulation with the UDP checksum on.
 */
class EncapZeroAllocationTest {
    private static final int ROUNDS = 20_000;
    private static final int BURST = 32;
    /** Ethernet, IPv4 10.0.0.1 -> 10.0.0.2, UDP 1234 -> 5678 with a checksum, 8 payload bytes: 50 bytes. */
    private static final String FRAME = "\\<020000000002 020000000001 0800"
            + " 4500 0024 0000 0000 4011 0000 0a000001 0a000002"
            + " 04d2 162e 0010 1234 0001020304050607>";

    @Test
    void anIPRewritingChainAllocatesNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, FRAME + ", BURST " + BURST);
            Element[] chain = {
                router.add(new Strip(), "strip", 1, 1, "14"),
                router.add(new MarkIPHeader(), "mark", 1, 1, ""),
                router.add(new GetIPAddress(), "get", 1, 1, "IP dst"),
                router.add(new SetIPAddress(), "set", 1, 1, "10.0.0.9"),
                router.add(new StoreIPAddress(), "storesrc", 1, 1, "src"),
                router.add(new StoreIPAddress(), "store", 1, 1, "10.9.9.9, 16"),
                router.add(new Unstrip(), "unstrip", 1, 1, "14"),
                router.add(new CheckLength(), "check", 1, 1, "1500"),
                router.add(new Truncate(), "truncate", 1, 1, "40"),
                router.add(new Pad(), "pad", 1, 1, ""),
            };
            assertZeroAllocation(router, source, chain);
        }
    }

    @Test
    void aVxlanStyleEncapsulationChainAllocatesNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, FRAME + ", BURST " + BURST);
            Element[] chain = {
                router.add(new Unstrip(), "unstrip", 1, 1, "8"),
                router.add(new StoreData(), "vxlan", 1, 1, "0, \\<08000000 00002a00>"),
                router.add(new UDPIPEncap(), "udp", 1, 1, "192.168.0.1, 4789, 192.168.0.2, 4789"),
                router.add(new EtherEncap(), "ether", 1, 1, "0x0800, 1:1:1:1:1:1, 2:2:2:2:2:2"),
                router.add(new Strip(), "strip", 1, 1, "14"),
                router.add(new IPEncap(), "ipip", 1, 1, "ipip, 1.0.0.1, 1.0.0.2"),
            };
            assertZeroAllocation(router, source, chain);
        }
    }

    private static void assertZeroAllocation(TestRouter router, InfiniteSource source, Element[] chain)
            throws Exception {
        Discard discard = router.add(new Discard(), "d", 1, 0, "");
        Element previous = source;
        for (Element element : chain) {
            connect(previous, 0, element, 0);
            previous = element;
        }
        connect(previous, 0, discard, 0);
        router.initialize(source);
        router.initialize(chain);
        router.initialize(discard);

        int runs = AllocationMeter.assertNoAllocationPerPacket(() -> run(router, ROUNDS), discard::count);

        long packets = (long) runs * ROUNDS * BURST;
        assertEquals(packets, discard.count(), "every packet went through the chain");
        assertEquals(1024, router.pool.available(), "every packet went back to the pool");
    }

    private static void run(TestRouter router, int rounds) {
        for (int i = 0; i < rounds; i++) {
            router.runTasks();
        }
    }
}
