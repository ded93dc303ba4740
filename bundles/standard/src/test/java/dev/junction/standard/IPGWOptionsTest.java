package dev.junction.standard;

import static dev.junction.standard.TestPackets.checksumOk;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.marked;
import static dev.junction.standard.TestPackets.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IPGWOptionsTest {
    private static final int ME = IPv4.parse("18.26.4.24");

    private record Wired(IPGWOptions gw, Sink out, Sink bad) {
    }

    private static Wired wire(TestRouter router) throws Exception {
        IPGWOptions gw = router.add(new IPGWOptions(), "gw", 1, 2, "18.26.4.24, 10.0.0.1 10.0.0.2");
        Sink[] wired = Sink.wire(router, gw);
        Sink out = wired[0];
        Sink bad = wired[1];
        return new Wired(gw, out, bad);
    }

    @Test
    void recordRouteAndTimestampsAreFilledIn() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router);
            // NOP, record route with room for two addresses, then EOL padding.
            byte[] rr = {1, 7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0};
            push(w.gw(), 0, marked(router.pool, ip(1, 2, 17, 9, 0, rr), 0));
            Packet p = w.out().only();
            assertEquals(ME, p.getInt(24));
            assertEquals(8, p.getUnsignedByte(23), "pointer advanced");
            assertTrue(checksumOk(p));
            w.out().clear();

            // Timestamp with addresses (flag 1), room for one pair.
            byte[] ts = {68, 12, 5, 1, 0, 0, 0, 0, 0, 0, 0, 0};
            push(w.gw(), 0, marked(router.pool, ip(1, 2, 17, 9, 0, ts), 0));
            p = w.out().only();
            assertEquals(ME, p.getInt(24));
            long millis = (router.clock.epochNanos() / 1_000_000L) % 86_400_000L;
            assertEquals(millis, p.getInt(28));
            assertEquals(13, p.getUnsignedByte(22));
            w.out().clear();

            // Full timestamp option: the overflow count goes up.
            byte[] full = {68, 4, 5, 0};
            push(w.gw(), 0, marked(router.pool, ip(1, 2, 17, 9, 0, full), 0));
            assertEquals(0x10, w.out().only().getUnsignedByte(23));
            assertTrue(checksumOk(w.out().only()));
            w.out().clear();
        }
    }

    @Test
    void badOptionsAreParameterProblems() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router);
            byte[] badLength = {1, 7, 40, 4};
            push(w.gw(), 0, marked(router.pool, ip(1, 2, 17, 9, 0, badLength), 0));
            byte[] badPointer = {7, 7, 2, 0, 0, 0, 0, 0};
            push(w.gw(), 0, marked(router.pool, ip(1, 2, 17, 9, 0, badPointer), 0));
            assertEquals(2, w.bad().packets.size());
            assertEquals(22, IPHeaders.paramProblem(w.bad().packets.get(0)), "points at the length");
            assertEquals(22, IPHeaders.paramProblem(w.bad().packets.get(1)), "points at the pointer");
            assertEquals("2", router.handlers(w.gw()).read("drops"));
            w.bad().clear();
        }
    }

    @Test
    void randomOptionsNeverThrow() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router);
            Random random = new Random(3);
            for (int i = 0; i < 3000; i++) {
                byte[] options = new byte[4 * (1 + random.nextInt(10))];
                random.nextBytes(options);
                if (random.nextBoolean()) {
                    options[0] = (byte) (random.nextBoolean() ? 7 : 68);
                }
                push(w.gw(), 0, marked(router.pool, ip(1, 2, 17, 9, random.nextInt(3), options), 0));
                w.out().clear();
                w.bad().clear();
            }
            assertEquals(256, router.pool.available());
        }
    }
}
