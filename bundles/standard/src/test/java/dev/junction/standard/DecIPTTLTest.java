package dev.junction.standard;

import static dev.junction.standard.TestPackets.checksumOk;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.marked;
import static dev.junction.standard.TestPackets.packet;
import static dev.junction.standard.TestPackets.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import org.junit.jupiter.api.Test;

class DecIPTTLTest {
    @Test
    void decrementsWithAnIncrementalChecksumAndDivertsExpired() throws Exception {
        try (TestRouter router = new TestRouter()) {
            DecIPTTL dt = router.add(new DecIPTTL(), "dt", 1, 2, "");
            Sink[] wired = Sink.wire(router, dt);
            Sink out = wired[0];
            Sink expired = wired[1];
            for (int ttl : new int[] {255, 64, 2}) {
                push(dt, 0, marked(router.pool, ip(IPv4.parse("1.2.3.4"), IPv4.parse("5.6.7.8"), 17, ttl, 10, null), 0));
                Packet p = out.only();
                assertEquals(ttl - 1, p.getUnsignedByte(8));
                assertTrue(checksumOk(p), "checksum still right at ttl " + ttl);
                out.clear();
            }
            push(dt, 0, marked(router.pool, ip(1, 2, 17, 1, 0, null), 0));
            push(dt, 0, marked(router.pool, ip(1, 2, 17, 0, 0, null), 0));
            assertEquals(2, expired.packets.size());
            assertEquals(1, expired.packets.get(0).getUnsignedByte(8), "expired packets are untouched");
            push(dt, 0, packet(router.pool, new byte[40])); // no network header: dropped
            assertEquals(3, dt.drops());
            assertEquals("3", router.handlers(dt).read("drops"));
            expired.clear();
        }
    }

    @Test
    void activeAndMulticastSwitches() throws Exception {
        try (TestRouter router = new TestRouter()) {
            DecIPTTL dt = router.add(new DecIPTTL(), "dt", 1, 1, "MULTICAST false");
            Sink out = Sink.wire(router, dt)[0];
            push(dt, 0, marked(router.pool, ip(1, IPv4.parse("224.0.0.5"), 17, 1, 0, null), 0));
            assertEquals(1, out.only().getUnsignedByte(8), "multicast left alone");
            out.clear();
            TestRouter.Handlers handlers = router.handlers(dt);
            assertEquals("true", handlers.read("active"));
            handlers.write("active", "false");
            push(dt, 0, marked(router.pool, ip(1, 2, 17, 1, 0, null), 0));
            assertEquals(1, out.packets.size(), "inactive: passes even when expired");
            assertEquals(0, dt.drops());
            out.clear();
        }
    }
}
