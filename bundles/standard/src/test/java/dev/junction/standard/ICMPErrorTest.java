package dev.junction.standard;

import static dev.junction.standard.TestPackets.checksumOk;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.marked;
import static dev.junction.standard.TestPackets.push;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.net.IPv4;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ICMPErrorTest {
    private static final int ME = IPv4.parse("18.26.4.24");
    private static final int SENDER = IPv4.parse("1.0.0.1");
    private static final int TARGET = IPv4.parse("2.0.0.2");

    private record Wired(ICMPError icmp, Sink out) {
    }

    private static Wired wire(TestRouter router, String config) throws Exception {
        ICMPError icmp = router.add(new ICMPError(), "e", 1, 1, config);
        Sink out = Sink.wire(router, icmp)[0];
        return new Wired(icmp, out);
    }

    @Test
    void timeExceededQuotesTheHeaderAndStartOfPayload() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "18.26.4.24, timeexceeded");
            byte[] original = ip(SENDER, TARGET, 17, 1, 600, null);
            push(w.icmp(), 0, marked(router.pool, original, 0));
            Packet error = w.out().only();
            assertEquals(576, error.length(), "at most MTU");
            assertEquals(576, error.getUnsignedShort(2));
            assertEquals(0x45, error.getUnsignedByte(0));
            assertEquals(1, error.getUnsignedByte(9));
            assertEquals(ME, error.getInt(12));
            assertEquals(SENDER, error.getInt(16));
            assertTrue(checksumOk(error));
            assertEquals(11, error.getUnsignedByte(20));
            assertEquals(0, error.getUnsignedByte(21));
            assertEquals(0, Checksums.internet(error, 20, 556), "ICMP checksum");
            assertArrayEquals(Arrays.copyOf(original, 548), Arrays.copyOfRange(error.toByteArray(), 28, 576));
            assertEquals(SENDER, error.dstIp());
            assertTrue(IPHeaders.fixIpSrc(error));
            assertEquals(0, error.networkHeaderOffset());
            w.out().clear();
            assertEquals(256, router.pool.available(), "the original was freed");
        }
    }

    @Test
    void needfragParamProblemAndRedirectParticulars() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "18.26.7.1, unreachable, needfrag, PMTU 1500, SET_FIX_ANNO false");
            push(w.icmp(), 0, marked(router.pool, ip(SENDER, TARGET, 17, 64, 10, null), 0));
            Packet error = w.out().only();
            assertEquals(3, error.getUnsignedByte(20));
            assertEquals(4, error.getUnsignedByte(21));
            assertEquals(1500, error.getUnsignedShort(26));
            assertEquals(28 + 30, error.length(), "short packets are quoted whole");
            assertTrue(!IPHeaders.fixIpSrc(error));
            w.out().clear();
        }
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "18.26.4.24, parameterproblem");
            Packet bad = marked(router.pool, ip(SENDER, TARGET, 17, 64, 10, null), 0);
            IPHeaders.setParamProblem(bad, 22);
            push(w.icmp(), 0, bad);
            assertEquals(22, w.out().only().getUnsignedByte(24));
            w.out().clear();
        }
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "18.26.4.24, redirect, host");
            Packet redirected = marked(router.pool, ip(SENDER, TARGET, 17, 64, 10, null), 0);
            redirected.setDstIp(IPv4.parse("18.26.4.1"));
            push(w.icmp(), 0, redirected);
            assertEquals(5, w.out().only().getUnsignedByte(20));
            assertEquals(1, w.out().only().getUnsignedByte(21));
            assertEquals(IPv4.parse("18.26.4.1"), w.out().only().getInt(24));
            w.out().clear();
        }
    }

    @Test
    void noErrorsAboutErrorsBroadcastsBadSourcesAndLaterFragments() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "18.26.4.24, 3, 1, 18.26.4.255");
            byte[] icmpError = ip(SENDER, TARGET, 1, 64, 8, null);
            icmpError[20] = 11;
            push(w.icmp(), 0, marked(router.pool, icmpError, 0));
            push(w.icmp(), 0, marked(router.pool, ip(SENDER, -1, 17, 64, 8, null), 0));
            push(w.icmp(), 0, marked(router.pool, ip(SENDER, IPv4.parse("18.26.4.255"), 17, 64, 8, null), 0));
            push(w.icmp(), 0, marked(router.pool, ip(SENDER, IPv4.parse("224.1.1.1"), 17, 64, 8, null), 0));
            push(w.icmp(), 0, marked(router.pool, ip(IPv4.parse("127.0.0.1"), TARGET, 17, 64, 8, null), 0));
            push(w.icmp(), 0, marked(router.pool, ip(0, TARGET, 17, 64, 8, null), 0));
            byte[] fragment = ip(SENDER, TARGET, 17, 64, 8, null);
            fragment[7] = 5;
            push(w.icmp(), 0, marked(router.pool, fragment, 0));
            Packet linkBroadcast = marked(router.pool, ip(SENDER, TARGET, 17, 64, 8, null), 0);
            linkBroadcast.setPacketType(PacketType.BROADCAST);
            push(w.icmp(), 0, linkBroadcast);
            push(w.icmp(), 0, TestPackets.packet(router.pool, ip(SENDER, TARGET, 17, 64, 8, null))); // no header
            assertEquals(0, w.out().packets.size());
            byte[] echo = ip(SENDER, TARGET, 1, 64, 8, null);
            echo[20] = 8;
            push(w.icmp(), 0, marked(router.pool, echo, 0));
            assertEquals(1, w.out().packets.size(), "an echo request may get an error");
            w.out().clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void sourceRoutesAreReversed() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "18.26.4.24, unreachable, host");
            // Loose source route, length 11 (two addresses), pointer 12 (both used), then EOL.
            byte[] route = {(byte) 131, 11, 12, 10, 0, 0, 1, 10, 0, 0, 2, 0};
            push(w.icmp(), 0, marked(router.pool, ip(SENDER, TARGET, 17, 64, 8, route), 0));
            Packet error = w.out().only();
            assertEquals(0x48, error.getUnsignedByte(0));
            assertEquals(131, error.getUnsignedByte(20));
            assertEquals(11, error.getUnsignedByte(21));
            assertEquals(4, error.getUnsignedByte(22));
            assertEquals(IPv4.parse("10.0.0.2"), error.getInt(23));
            assertEquals(IPv4.parse("10.0.0.1"), error.getInt(27));
            assertTrue(checksumOk(error));
            w.out().clear();
        }
    }

    @Test
    void handlersAndConfigurationErrors() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "18.26.4.24, 11, MTU 100");
            TestRouter.Handlers handlers = router.handlers(w.icmp());
            assertEquals("18.26.4.24", handlers.read("src"));
            assertEquals("100", handlers.read("mtu"));
            handlers.write("pmtu", "1400");
            assertEquals("1400", handlers.read("pmtu"));
            handlers.write("src", "1.2.3.4");
            assertEquals("1.2.3.4", handlers.read("src"));
        }
        assertEquals(List.of("ICMP type 8 is not an error type"), errors("1.2.3.4, echo"));
        assertEquals(List.of("ICMP type must be between 0 and 255"), errors("1.2.3.4, 300"));
        assertEquals(List.of("argument 2 takes ICMP code (integer between 0 and 255)"), errors("1.2.3.4, redirect, port"));
        assertEquals(List.of("TYPE: expected ICMP type"), errors("1.2.3.4, bogus"));
        assertEquals(List.of("TYPE: required argument missing"), errors("1.2.3.4"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new ICMPError(), 1, 1, config);
    }
}
