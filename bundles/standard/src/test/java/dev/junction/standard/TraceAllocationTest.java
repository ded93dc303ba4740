package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import org.junit.jupiter.api.Test;

/**
 * The dump writers allocate nothing per packet in steady state: InfiniteSource -> (mark the IP header) ->
 * ToIPSummaryDump (numeric fields) -> ToDump -> Discard, writing to /dev/null through their buffers.
 */
class TraceAllocationTest {
    private static final int ROUNDS = 20_000;
    private static final int BURST = 32;

    @Test
    void dumpWritersAllocateNothingPerPacket() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            // a 40-byte IPv4/TCP packet, so that the IP and TCP fields are printed
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "BURST " + BURST
                    + ", DATA \\<45000028 00010000 40060000 0a000001 0a000002 04d20050 000003e8 000007d0 "
                    + "50122000 00000000>");
            MarkIp mark = router.add(new MarkIp(), "m", 1, 1, "");
            ToIPSummaryDump summary = router.add(new ToIPSummaryDump(), "t", 1, 1, "/dev/null, FIELDS timestamp "
                    + "ts_sec ts_usec link wire_len ip_len ip_proto ip_ttl ip_id ip_frag ip_fragoff tcp_flags "
                    + "tcp_seq tcp_ack tcp_window payload_len count");
            ToDump dump = router.add(new ToDump(), "p", 1, 1, "/dev/null, ENCAP IP");
            Discard discard = router.add(new Discard(), "d", 1, 0, "");
            connect(source, 0, mark, 0);
            connect(mark, 0, summary, 0);
            connect(summary, 0, dump, 0);
            connect(dump, 0, discard, 0);
            router.initialize(source, mark, summary, dump, discard);

            int runs = AllocationMeter.assertNoAllocationPerPacket(() -> run(router, ROUNDS), discard::count);
            summary.cleanup();
            dump.cleanup();

            long packets = (long) runs * ROUNDS * BURST;
            assertEquals(packets, discard.count());
            assertEquals(packets, summary.lines());
        }
    }

    /** Marks a 20-byte IP header at the front, as MarkIPHeader would. */
    private static final class MarkIp extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setNetworkHeader(0, 20);
            return packet;
        }
    }

    private static void run(TestRouter router, int rounds) {
        for (int i = 0; i < rounds; i++) {
            router.runTasks();
        }
    }
}
