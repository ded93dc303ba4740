package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Zero allocation per packet on the IP forwarding path of this bundle: InfiniteSource (the iprouter-01 UDP
 * packet) -> CheckIPHeader -> DropBroadcasts -> IPGWOptions -> FixIPSrc -> DecIPTTL -> IPFragmenter ->
 * ARPQuerier (destination known) -> Discard, and the combination elements IPInputCombo -> IPOutputCombo.
 */
class IPZeroAllocationTest {
    private static final int ROUNDS = 20_000;
    private static final int BURST = 32;
    private static final String IP_PACKET = "DATA \\<45 00 00 28 00 00 00 00 40 11 77 c3 01 00 00 01 02 00 00 02"
            + " 13 69 13 69 00 14 d6 41 55 44 50 20 70 61 63 6b 65 74 21 0a>";
    private static final String FRAME = "DATA \\<00 00 c0 ae 67 ef 00 00 00 00 00 00 08 00"
            + " 45 00 00 28 00 00 00 00 40 11 77 c3 01 00 00 01 02 00 00 02"
            + " 13 69 13 69 00 14 d6 41 55 44 50 20 70 61 63 6b 65 74 21 0a>";

    @Test
    void theForwardingPathAllocatesNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, IP_PACKET + ", BURST " + BURST);
            CheckIPHeader check = router.add(new CheckIPHeader(), "chk", 1, 1, "INTERFACES 18.26.4.1/24 18.26.7.1/24");
            DropBroadcasts drop = router.add(new DropBroadcasts(), "db", 1, 1, "");
            IPGWOptions gw = router.add(new IPGWOptions(), "gw", 1, 1, "18.26.4.24");
            FixIPSrc fix = router.add(new FixIPSrc(), "fix", 1, 1, "18.26.4.24");
            DecIPTTL dt = router.add(new DecIPTTL(), "dt", 1, 1, "");
            IPFragmenter fr = router.add(new IPFragmenter(), "fr", 1, 1, "1500");
            ARPQuerier arp = router.add(new ARPQuerier(), "arp", 2, 1, "18.26.4.24, 00:00:C0:AE:67:EF");
            Discard discard = router.add(new Discard(), "d", 1, 0, "");
            InfiniteSource frames = router.add(new InfiniteSource(), "s2", 0, 1, FRAME + ", BURST " + BURST);
            IPInputCombo in = router.add(new IPInputCombo(), "ic", 1, 1, "1, INTERFACES 18.26.4.1/24 18.26.7.1/24");
            IPOutputCombo out = router.add(new IPOutputCombo(), "oc", 1, 5, "2, 18.26.4.24, 1500");
            Discard discard2 = router.add(new Discard(), "d2", 1, 0, "");
            connect(source, 0, check, 0);
            connect(check, 0, drop, 0);
            connect(drop, 0, gw, 0);
            connect(gw, 0, fix, 0);
            connect(fix, 0, dt, 0);
            connect(dt, 0, fr, 0);
            connect(fr, 0, arp, 0);
            connect(arp, 0, discard, 0);
            connect(frames, 0, in, 0);
            connect(in, 0, out, 0);
            for (int i = 0; i < 5; i++) {
                connect(out, i, discard2, 0);
            }
            router.initialize(source, check, drop, gw, fix, dt, fr, arp, discard, frames, in, out, discard2);
            router.handlers(arp).write("insert", "2.0.0.2 00:16:3E:00:00:01");

            int runs = AllocationMeter.assertNoAllocationPerPacket(() -> router.runTasks(ROUNDS),
                    () -> discard.count() + discard2.count());

            long packets = (long) runs * ROUNDS * BURST;
            assertEquals(packets, discard.count());
            assertEquals(packets, discard2.count());
            assertEquals(0, check.drops() + dt.drops() + arp.drops() + in.drops() + out.drops());
            assertEquals(1024, router.pool.available());
        }
    }
}
