package dev.junction.standard;

import static dev.junction.standard.TestPackets.counting;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.Sink.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.HandlerException;
import dev.junction.net.IPv4;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IPAddressElementsTest {
    /** A UDP packet 1.0.0.1:1000 -> 2.0.0.2:2000 with 6 payload bytes, made by UDPIPEncap (checksums right). */
    private static Packet udp(TestRouter router) throws Exception {
        UDPIPEncap encap = router.add(new UDPIPEncap(), "maker", 1, 1, "1.0.0.1, 1000, 2.0.0.2, 2000");
        Sink made = wire(router, encap)[0];
        push(encap, counting(router, 6));
        return made.packets.remove(0);
    }

    @Test
    void markIPHeaderMarksByTheHeaderLengthField() throws Exception {
        try (TestRouter router = new TestRouter()) {
            MarkIPHeader mark = router.add(new MarkIPHeader(), "m", 1, 1, "14");
            Sink out = wire(router, mark)[0];
            Packet packet = counting(router, 40);
            packet.setByte(14, 0x46);
            push(mark, packet, counting(router, 14));
            assertEquals(1, out.packets());
            assertEquals(14, out.get(0).networkHeaderOffset());
            assertEquals(24, out.get(0).networkHeaderLength());
            assertEquals(38, out.get(0).transportHeaderOffset());
            assertEquals("1", router.handlers(mark).read("drops"));
            out.clear();
        }
    }

    @Test
    void setIPAddressSetsTheAnnotation() throws Exception {
        try (TestRouter router = new TestRouter()) {
            SetIPAddress set = router.add(new SetIPAddress(), "s", 1, 1, "10.0.0.1, ANNO DST_IP");
            Sink out = wire(router, set)[0];
            push(set, counting(router, 4));
            assertEquals(IPv4.parse("10.0.0.1"), out.get(0).dstIp());
            TestRouter.Handlers handlers = router.handlers(set);
            assertEquals("10.0.0.1", handlers.read("addr"));
            handlers.write("addr", "10.0.0.2");
            push(set, counting(router, 4));
            assertEquals(IPv4.parse("10.0.0.2"), out.get(1).dstIp());
            assertEquals("expected IP address",
                    assertThrows(HandlerException.class, () -> handlers.write("addr", "10.0.0")).getMessage());
            assertEquals(List.of("ANNO: only the destination IP annotation (DST_IP, offset 0) is supported"),
                    StripUnstripTest.errors(new SetIPAddress(), "1.2.3.4, ANNO PAINT"));
            assertEquals(List.of("IPADDR: parse error"), StripUnstripTest.errors(new SetIPAddress(), "1.2.3"));
            out.clear();
        }
    }

    @Test
    void getIPAddressReadsAnOffsetOrTheMarkedHeader() throws Exception {
        try (TestRouter router = new TestRouter()) {
            GetIPAddress byOffset = router.add(new GetIPAddress(), "g", 1, 1, "16");
            Sink out = wire(router, byOffset)[0];
            Packet packet = udp(router);
            push(byOffset, packet, counting(router, 19));
            assertEquals(1, out.packets());
            assertEquals(IPv4.parse("2.0.0.2"), out.get(0).dstIp());
            assertEquals("1", router.handlers(byOffset).read("drops"));

            GetIPAddress source = router.add(new GetIPAddress(), "g2", 1, 1, "IP src");
            Sink out2 = wire(router, source)[0];
            push(source, udp(router), counting(router, 40));
            assertEquals(1, out2.packets(), "no IP header mark: dropped");
            assertEquals(IPv4.parse("1.0.0.1"), out2.get(0).dstIp());

            assertEquals(List.of("set one of OFFSET, IP"), StripUnstripTest.errors(new GetIPAddress(), ""));
            assertEquals(List.of("set one of OFFSET, IP"), StripUnstripTest.errors(new GetIPAddress(), "16, IP dst"));
            assertEquals(List.of("bad IP"), StripUnstripTest.errors(new GetIPAddress(), "IP both"));
            out.clear();
            out2.clear();
        }
    }

    @Test
    void storeIPAddressAtAnOffset() throws Exception {
        try (TestRouter router = new TestRouter()) {
            StoreIPAddress fromAnno = router.add(new StoreIPAddress(), "s", 1, 2, "4");
            Sink[] out = wire(router, fromAnno);
            Packet annotated = counting(router, 8);
            annotated.setDstIp(IPv4.parse("9.9.9.9"));
            Packet unannotated = counting(router, 8);
            Packet tooShort = counting(router, 7);
            tooShort.setDstIp(1);
            push(fromAnno, annotated, unannotated, tooShort);
            assertEquals(IPv4.parse("9.9.9.9"), out[0].get(0).getInt(4));
            assertEquals(0x04050607, out[0].get(1).getInt(4), "annotation 0: unchanged");
            assertEquals(1, out[1].packets());
            assertEquals(7, out[1].get(0).length());

            StoreIPAddress fixed = router.add(new StoreIPAddress(), "s2", 1, 1, "0.0.0.0, 0");
            Sink out2 = wire(router, fixed)[0];
            push(fixed, counting(router, 8));
            assertEquals(0, out2.get(0).getInt(0), "an explicit zero address is stored");
            out[0].clear();
            out[1].clear();
            out2.clear();
        }
    }

    @Test
    void storeIPAddressIntoTheHeaderUpdatesTheChecksums() throws Exception {
        try (TestRouter router = new TestRouter()) {
            StoreIPAddress store = router.add(new StoreIPAddress(), "s", 1, 2, "10.1.2.3, src");
            Sink[] out = wire(router, store);
            push(store, udp(router), counting(router, 40));
            assertEquals(1, out[1].packets(), "no IP header mark: output 1");
            Packet packet = out[0].get(0);
            assertEquals(IPv4.parse("10.1.2.3"), packet.getInt(12));
            assertEquals(0, Checksums.internet(packet, 0, 20), "IP checksum still verifies");
            long sum = Checksums.ipv4PseudoHeader(IPv4.parse("10.1.2.3"), IPv4.parse("2.0.0.2"), 17, 14)
                    + Checksums.partial(packet, 20, 14);
            assertEquals(0, Checksums.finish(sum), "UDP checksum still verifies");

            StoreIPAddress destination = router.add(new StoreIPAddress(), "s2", 1, 1, "DST");
            Sink out2 = wire(router, destination)[0];
            Packet annotated = udp(router);
            annotated.setDstIp(IPv4.parse("3.3.3.3"));
            push(destination, annotated);
            assertEquals(IPv4.parse("3.3.3.3"), out2.get(0).getInt(16));
            assertEquals(0, Checksums.internet(out2.get(0), 0, 20));

            assertEquals(List.of("type mismatch: OFFSET requires integer"),
                    StripUnstripTest.errors(new StoreIPAddress(), "-4"));
            assertEquals(List.of("ADDR: parse error"), StripUnstripTest.errors(new StoreIPAddress(), "1.2, 4"));
            assertEquals(List.of("OFFSET: required argument missing"), StripUnstripTest.errors(new StoreIPAddress(), ""));
            out[0].clear();
            out[1].clear();
            out2.clear();
        }
    }
}
