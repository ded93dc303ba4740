package dev.junction.standard;

import static dev.junction.standard.TestPackets.counting;
import static dev.junction.standard.TestPackets.hex;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.Sink.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.HandlerException;
import dev.junction.net.IPv4;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncapTest {
    @Test
    void etherEncapAddsTheHeaderAndMarksIt() throws Exception {
        try (TestRouter router = new TestRouter()) {
            EtherEncap encap = router.add(new EtherEncap(), "e", 1, 1, "0x0800, 1:2:3:4:5:6, 0a:0b:0c:0d:0e:0f");
            Sink out = wire(router, encap)[0];
            push(encap, counting(router, 3));
            Packet packet = out.get(0);
            assertArrayEquals(hex("0a0b0c0d0e0f 010203040506 0800 000102"), packet.toByteArray());
            assertEquals(0, packet.macHeaderOffset());

            TestRouter.Handlers handlers = router.handlers(encap);
            assertEquals("01-02-03-04-05-06", handlers.read("src"));
            assertEquals("0A-0B-0C-0D-0E-0F", handlers.read("dst"));
            assertEquals("2048", handlers.read("ethertype"));
            handlers.write("dst", "ff:ff:ff:ff:ff:ff");
            handlers.write("etht", "0x86DD");
            assertEquals("34525", handlers.read("ethertype"));
            push(encap, counting(router, 1));
            assertArrayEquals(hex("ffffffffffff 010203040506 86dd 00"), out.get(1).toByteArray());
            assertThrows(HandlerException.class, () -> handlers.write("src", "nope"));
            assertThrows(HandlerException.class, () -> handlers.write("ethertype", "65536"));
            out.clear();
        }
    }

    @Test
    void etherEncapArgumentErrors() {
        assertEquals(List.of("ETHERTYPE: out of range, bound 65535"),
                StripUnstripTest.errors(new EtherEncap(), "0x10000, 1:1:1:1:1:1, 2:2:2:2:2:2"));
        assertEquals(List.of("DST: parse error"), StripUnstripTest.errors(new EtherEncap(), "0x0800, 1:1:1:1:1:1, 2"));
        assertEquals(List.of("SRC: required argument missing", "DST: required argument missing"),
                StripUnstripTest.errors(new EtherEncap(), "0x0800"));
    }

    @Test
    void ipEncapWritesAChecksummedHeaderWithCountingIds() throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPEncap encap = router.add(new IPEncap(), "i", 1, 1, "ipip, 18.26.4.24, 140.247.60.147, TTL 64, DF true");
            Sink out = wire(router, encap)[0];
            push(encap, counting(router, 10), counting(router, 11));
            Packet first = out.get(0);
            assertEquals(30, first.length());
            assertArrayEquals(hex("4500 001e 0000 4000 4004"), Arrays.copyOf(first.toByteArray(), 10));
            assertEquals(IPv4.parse("18.26.4.24"), first.getInt(12));
            assertEquals(IPv4.parse("140.247.60.147"), first.getInt(16));
            assertEquals(0, Checksums.internet(first, 0, 20), "checksum verifies");
            assertEquals(IPv4.parse("140.247.60.147"), first.dstIp());
            assertEquals(0, first.networkHeaderOffset());
            assertEquals(20, first.transportHeaderOffset());
            Packet second = out.get(1);
            assertEquals(1, second.getUnsignedShort(4), "id counts up");
            assertEquals(31, second.getUnsignedShort(2));
            assertEquals(0, Checksums.internet(second, 0, 20));
            out.clear();
        }
    }

    @Test
    void ipEncapTakesTheDestinationFromTheAnnotationAndItsTosOptions() throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPEncap encap = router.add(new IPEncap(), "i", 1, 1, "17, 1.0.0.1, DST_ANNO, DSCP 10, ECT 2");
            Sink out = wire(router, encap)[0];
            TestRouter.Handlers handlers = router.handlers(encap);
            assertEquals("DST_ANNO", handlers.read("dst"));
            assertEquals("1.0.0.1", handlers.read("src"));
            Packet packet = counting(router, 4);
            packet.setDstIp(IPv4.parse("9.8.7.6"));
            push(encap, packet);
            assertEquals(IPv4.parse("9.8.7.6"), out.get(0).getInt(16));
            assertEquals(10 << 2 | 2, out.get(0).getUnsignedByte(1));
            assertEquals(17, out.get(0).getUnsignedByte(9));
            assertEquals(0, Checksums.internet(out.get(0), 0, 20));
            handlers.write("dst", "2.2.2.2");
            handlers.write("src", "3.3.3.3");
            push(encap, counting(router, 4));
            assertEquals(IPv4.parse("2.2.2.2"), out.get(1).getInt(16));
            assertEquals(IPv4.parse("3.3.3.3"), out.get(1).getInt(12));
            assertEquals(0, Checksums.internet(out.get(1), 0, 20));
            out.clear();
        }
    }

    @Test
    void ipEncapArgumentErrors() {
        assertEquals(List.of("bad IP protocol"), StripUnstripTest.errors(new IPEncap(), "256, 1.0.0.1, 2.0.0.2"));
        assertEquals(List.of("DST argument should be IP address or 'DST_ANNO'"),
                StripUnstripTest.errors(new IPEncap(), "4, 1.0.0.1, dst"));
        assertEquals(List.of("cannot set both TOS and DSCP"),
                StripUnstripTest.errors(new IPEncap(), "4, 1.0.0.1, 2.0.0.2, TOS 1, DSCP 2"));
        assertEquals(List.of("cannot set both TOS and ECN bits"),
                StripUnstripTest.errors(new IPEncap(), "4, 1.0.0.1, 2.0.0.2, TOS 1, CE true"));
        assertEquals(List.of("DSCP too large; max 63"),
                StripUnstripTest.errors(new IPEncap(), "4, 1.0.0.1, 2.0.0.2, DSCP 63"));
        assertEquals(List.of("bad ECT value '3'"), StripUnstripTest.errors(new IPEncap(), "4, 1.0.0.1, 2.0.0.2, ECT 3"));
        assertEquals(List.of("can set at most one ECN option"),
                StripUnstripTest.errors(new IPEncap(), "4, 1.0.0.1, 2.0.0.2, ECT true, CE true"));
    }

    @Test
    void udpIpEncapWritesBothHeadersWithVerifiableChecksums() throws Exception {
        try (TestRouter router = new TestRouter()) {
            UDPIPEncap encap = router.add(new UDPIPEncap(), "u", 1, 1, "1.0.0.1, 1234, 2.0.0.2, 4789");
            Sink out = wire(router, encap)[0];
            push(encap, counting(router, 21), counting(router, 64));
            for (int i = 0; i < 2; i++) {
                Packet packet = out.get(i);
                int length = i == 0 ? 21 : 64;
                assertEquals(28 + length, packet.length());
                assertEquals(28 + length, packet.getUnsignedShort(2));
                assertEquals(i, packet.getUnsignedShort(4), "id");
                assertEquals(250, packet.getUnsignedByte(8));
                assertEquals(17, packet.getUnsignedByte(9));
                assertEquals(0, Checksums.internet(packet, 0, 20), "IP checksum");
                assertEquals(1234, packet.getUnsignedShort(20));
                assertEquals(4789, packet.getUnsignedShort(22));
                assertEquals(8 + length, packet.getUnsignedShort(24));
                long sum = Checksums.ipv4PseudoHeader(IPv4.parse("1.0.0.1"), IPv4.parse("2.0.0.2"), 17, 8 + length)
                        + Checksums.partial(packet, 20, 8 + length);
                assertEquals(0, Checksums.finish(sum), "UDP checksum");
                assertEquals(0, packet.networkHeaderOffset());
                assertEquals(20, packet.transportHeaderOffset());
                assertEquals(IPv4.parse("2.0.0.2"), packet.dstIp());
            }
            out.clear();
        }
    }

    @Test
    void udpIpEncapWithoutChecksumFromTheAnnotationAndItsHandlers() throws Exception {
        try (TestRouter router = new TestRouter()) {
            UDPIPEncap encap = router.add(new UDPIPEncap(), "u", 1, 1, "1.0.0.1, 20, DST_ANNO, 30, false");
            Sink out = wire(router, encap)[0];
            Packet packet = counting(router, 5);
            packet.setDstIp(IPv4.parse("7.7.7.7"));
            push(encap, packet);
            assertEquals(IPv4.parse("7.7.7.7"), out.get(0).getInt(16));
            assertEquals(0, out.get(0).getUnsignedShort(26), "no UDP checksum");
            assertEquals(0, Checksums.internet(out.get(0), 0, 20));

            TestRouter.Handlers handlers = router.handlers(encap);
            assertEquals("1.0.0.1", handlers.read("src"));
            assertEquals("20", handlers.read("sport"));
            assertEquals("0.0.0.0", handlers.read("dst"));
            assertEquals("30", handlers.read("dport"));
            handlers.write("sport", "53");
            handlers.write("dst", "8.8.8.8");
            push(encap, counting(router, 5));
            assertEquals(53, out.get(1).getUnsignedShort(20));
            assertEquals(IPv4.parse("8.8.8.8"), out.get(1).getInt(16));
            assertEquals(1, out.get(1).getUnsignedShort(4), "ids continue");
            assertThrows(HandlerException.class, () -> handlers.write("dport", "65536"));
            out.clear();
        }
    }

    @Test
    void udpIpEncapArgumentErrors() {
        assertEquals(List.of("bad DST"), StripUnstripTest.errors(new UDPIPEncap(), "1.0.0.1, 1, nowhere, 2"));
        assertEquals(List.of("SPORT: out of range, bound 65535"),
                StripUnstripTest.errors(new UDPIPEncap(), "1.0.0.1, 65536, 1.0.0.2, 2"));
        assertEquals(List.of("CHECKSUM: parse error"),
                StripUnstripTest.errors(new UDPIPEncap(), "1.0.0.1, 1, 1.0.0.2, 2, perhaps"));
        assertEquals(List.of("DPORT: required argument missing"),
                StripUnstripTest.errors(new UDPIPEncap(), "1.0.0.1, 1, 1.0.0.2"));
    }
}
