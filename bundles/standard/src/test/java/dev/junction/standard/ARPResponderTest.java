package dev.junction.standard;

import static dev.junction.standard.TestPackets.hex;
import static dev.junction.standard.TestPackets.packet;
import static dev.junction.standard.TestPackets.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.HandlerException;
import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ARPResponderTest {
    /** An ARP request from 00-00-00-00-00-09 / 18.26.4.9 for {@code target}. */
    static byte[] request(String target) {
        return hex("ffffffffffff 000000000009 0806 0001 0800 06 04 0001 000000000009 121a0409 000000000000"
                + String.format("%08x", IPv4.parse(target)));
    }

    private record Wired(ARPResponder ar, Sink out, Sink other) {
    }

    private static Wired wire(TestRouter router, String config) throws Exception {
        ARPResponder ar = router.add(new ARPResponder(), "ar", 1, 2, config);
        Sink[] wired = Sink.wire(router, ar);
        Sink out = wired[0];
        Sink other = wired[1];
        return new Wired(ar, out, other);
    }

    @Test
    void answersForAddressesAndProxyPrefixes() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, "18.26.4.24 00:00:C0:AE:67:EF, 18.26.7.0/24 00:00:C0:AE:67:EE, 18.26.7.5 2:2:2:2:2:2");
            Packet query = packet(router.pool, request("18.26.4.24"));
            query.setInputPort(3);
            push(w.ar(), 0, query);
            Packet reply = w.out().only();
            assertEquals(42, reply.length());
            assertEquals(0x000000000009L, reply.getUnsigned48(0));
            assertEquals(0x0000C0AE67EFL, reply.getUnsigned48(6));
            assertEquals(0x0806, reply.getUnsignedShort(12));
            assertEquals(2, reply.getUnsignedShort(20));
            assertEquals(0x0000C0AE67EFL, reply.getUnsigned48(22));
            assertEquals(IPv4.parse("18.26.4.24"), reply.getInt(28));
            assertEquals(0x000000000009L, reply.getUnsigned48(32));
            assertEquals(IPv4.parse("18.26.4.9"), reply.getInt(38));
            assertEquals(3, reply.inputPort());
            w.out().clear();

            push(w.ar(), 0, packet(router.pool, request("18.26.7.77")));
            assertEquals(0x0000C0AE67EEL, w.out().only().getUnsigned48(22), "proxy ARP for the prefix");
            w.out().clear();
            push(w.ar(), 0, packet(router.pool, request("18.26.7.5")));
            assertEquals(0x020202020202L, w.out().only().getUnsigned48(22), "the more specific entry wins");
            w.out().clear();

            push(w.ar(), 0, packet(router.pool, request("10.0.0.1")));
            byte[] reply2 = request("18.26.4.24");
            reply2[21] = 2;
            push(w.ar(), 0, packet(router.pool, reply2));
            push(w.ar(), 0, packet(router.pool, new byte[20]));
            assertEquals(3, w.other().packets.size());
            w.other().clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void tableAddAndRemoveHandlers() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, "18.26.4.24 18.26.5.0/24 00:00:C0:AE:67:EF");
            TestRouter.Handlers handlers = router.handlers(w.ar());
            assertEquals("18.26.4.24/32 00-00-C0-AE-67-EF\n18.26.5.0/24 00-00-C0-AE-67-EF\n", handlers.read("table"));
            handlers.write("add", "18.26.5.3 1:2:3:4:5:6");
            assertEquals(0x010203040506L, w.ar().lookup(IPv4.parse("18.26.5.3")));
            handlers.write("remove", "18.26.5.0/24");
            assertEquals(-1, w.ar().lookup(IPv4.parse("18.26.5.4")));
            assertEquals("18.26.5.0/24 not found",
                    assertThrows(HandlerException.class, () -> handlers.write("remove", "18.26.5.0/24")).getMessage());
            assertEquals("missing ETH", assertThrows(HandlerException.class, () -> handlers.write("add", "1.2.3.4")).getMessage());
            assertEquals(EtherAddress.parse("00:00:C0:AE:67:EF"), w.ar().lookup(IPv4.parse("18.26.4.24")));
            assertEquals("01-02-03-04-05-06", handlers.read("lookup", "18.26.5.3"));
            assertEquals("", handlers.read("lookup", "18.26.6.1"));
            assertEquals("expected IP address",
                    assertThrows(HandlerException.class, () -> handlers.read("lookup", "x")).getMessage());
        }
    }

    @Test
    void configurationErrors() {
        assertEquals(List.of("argument 0: missing ETH"), errors("1.2.3.4"));
        assertEquals(List.of("argument 1: missing IP/MASK"), errors("1.2.3.4 1:2:3:4:5:6, 1:2:3:4:5:6"));
        assertEquals(List.of("argument 0: more than one ETH"), errors("1.2.3.4 1:2:3:4:5:6 1:2:3:4:5:7"));
        assertEquals(List.of("argument 0: expected IP/MASK ETH"), errors("1.2.3.4 bogus 1:2:3:4:5:6"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new ARPResponder(), 1, 1, config);
    }
}
