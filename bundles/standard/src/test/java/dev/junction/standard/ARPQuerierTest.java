package dev.junction.standard;

import static dev.junction.standard.TestPackets.hex;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.packet;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ARPQuerierTest {
    private static final long MY_ETHER = 0x0000C0AE67EFL;
    private static final long PEER_ETHER = 0x00163E000001L;
    private static final int PEER = IPv4.parse("18.26.4.1");

    private record Wired(ARPQuerier arp, Sink out, Sink queries) {
    }

    private static Wired wire(TestRouter router, String config) throws Exception {
        ARPQuerier arp = router.add(new ARPQuerier(), "arp", 2, 2, config);
        Sink[] wired = Sink.wire(router, arp);
        Sink out = wired[0];
        Sink queries = wired[1];
        return new Wired(arp, out, queries);
    }

    private static Packet ipTo(TestRouter router, int nextHop) {
        Packet packet = packet(router.pool, ip(IPv4.parse("1.0.0.1"), IPv4.parse("2.0.0.2"), 17, 64, 8, null));
        packet.setDstIp(nextHop);
        return packet;
    }

    private static Packet reply(TestRouter router, int ip, long ether) {
        return packet(router.pool, hex("0000c0ae67ef" + String.format("%012x", ether) + "0806 0001 0800 06 04 0002"
                + String.format("%012x%08x", ether, ip) + "0000c0ae67ef 121a0418"));
    }

    @Test
    void queriesHoldsPacketsAndSendsThemOnTheReply() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, "18.26.4.24/24, 00:00:C0:AE:67:EF");
            push(w.arp(), 0, ipTo(router, PEER));
            push(w.arp(), 0, ipTo(router, PEER));
            assertEquals(0, w.out().packets.size());
            Packet query = w.queries().only();
            assertEquals(0xFFFFFFFFFFFFL, query.getUnsigned48(0));
            assertEquals(MY_ETHER, query.getUnsigned48(6));
            assertEquals(0x0806, query.getUnsignedShort(12));
            assertEquals(1, query.getUnsignedShort(20));
            assertEquals(IPv4.parse("18.26.4.24"), query.getInt(28));
            assertEquals(PEER, query.getInt(38));
            w.queries().clear();
            TestRouter.Handlers handlers = router.handlers(w.arp());
            assertEquals("2", handlers.read("length"));
            assertEquals("1", handlers.read("count"));
            assertEquals("18.26.4.1 0 00-00-00-00-00-00 0.000000\n", handlers.read("table"));

            push(w.arp(), 1, reply(router, PEER, PEER_ETHER));
            assertEquals(2, w.out().packets.size(), "the waiting packets leave");
            for (Packet p : w.out().packets) {
                assertEquals(PEER_ETHER, p.getUnsigned48(0));
                assertEquals(MY_ETHER, p.getUnsigned48(6));
                assertEquals(0x0800, p.getUnsignedShort(12));
                assertEquals(0x45, p.getUnsignedByte(14));
            }
            w.out().clear();
            push(w.arp(), 0, ipTo(router, PEER));
            assertEquals(1, w.out().packets.size(), "now known: sent at once");
            w.out().clear();
            assertEquals("1", handlers.read("responses"));
            assertEquals("1", handlers.read("queries"));
            assertEquals("0 packets killed\n1 ARP queries sent\n", handlers.read("stats"));
            assertEquals("18.26.4.1 1 00-16-3E-00-00-01 0.000000\n", handlers.read("table"));
            assertEquals(256, router.pool.available());
        }
    }

    /** The table and the waiting packets move to a successor as portable values (ElementState refuses others). */
    @Test
    void aHotSwapCarriesTheTableAndTheWaitingPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired old = wire(router, "18.26.4.24/24, 00:00:C0:AE:67:EF");
            push(old.arp(), 1, reply(router, PEER, PEER_ETHER));
            int other = IPv4.parse("18.26.4.2");
            push(old.arp(), 0, ipTo(router, other));
            old.queries().clear();
            dev.junction.element.ElementState state = new dev.junction.element.ElementState();
            old.arp().saveState(state);
            assertEquals("", router.handlers(old.arp()).read("table"), "the old querier gave its entries away");

            Wired fresh = wire(router, "18.26.4.24/24, 00:00:C0:AE:67:EF");
            fresh.arp().takeState(state);
            String table = router.handlers(fresh.arp()).read("table");
            assertTrue(table.startsWith("18.26.4.1 1 00-16-3E-00-00-01 "), table);
            assertTrue(table.contains("18.26.4.2 0 "), table);
            push(fresh.arp(), 0, ipTo(router, PEER));
            assertEquals(1, fresh.out().packets.size(), "known after the swap: sent at once");
            push(fresh.arp(), 1, reply(router, other, PEER_ETHER + 1));
            assertEquals(2, fresh.out().packets.size(), "the packet that waited before the swap leaves now");
            fresh.out().clear();
            fresh.queries().clear();

            // A successor on another interface starts afresh and frees what waited.
            Wired third = wire(router, "18.26.4.24/24, 00:00:C0:AE:67:EF");
            push(third.arp(), 0, ipTo(router, IPv4.parse("18.26.4.3")));
            third.queries().clear();
            dev.junction.element.ElementState again = new dev.junction.element.ElementState();
            third.arp().saveState(again);
            Wired elsewhere = wire(router, "10.0.0.1/8, 00:00:C0:AE:67:F0");
            elsewhere.arp().takeState(again);
            assertEquals("", router.handlers(elsewhere.arp()).read("table"));
            assertEquals(256, router.pool.available(), "no packet lost or leaked");
        }
    }

    @Test
    void broadcastMulticastAndZeroDestinations() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, "18.26.4.24/24, 00:00:C0:AE:67:EF");
            push(w.arp(), 0, ipTo(router, -1));
            push(w.arp(), 0, ipTo(router, IPv4.parse("18.26.4.255")));
            push(w.arp(), 0, ipTo(router, IPv4.parse("224.129.2.3")));
            push(w.arp(), 0, ipTo(router, 0));
            assertEquals(3, w.out().packets.size());
            assertEquals(0xFFFFFFFFFFFFL, w.out().packets.get(0).getUnsigned48(0));
            assertEquals(0xFFFFFFFFFFFFL, w.out().packets.get(1).getUnsigned48(0));
            assertEquals(0x01005E010203L, w.out().packets.get(2).getUnsigned48(0));
            assertEquals(1, w.arp().drops());
            assertEquals("18.26.4.255", router.handlers(w.arp()).read("broadcast"));
            w.out().clear();
        }
    }

    @Test
    void queriesAreRateLimitedAndEntriesExpireAndArePolled() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, "18.26.4.24, 00:00:C0:AE:67:EF, TIMEOUT 10, POLL_TIMEOUT 5");
            push(w.arp(), 0, ipTo(router, PEER));
            push(w.arp(), 0, ipTo(router, PEER));
            assertEquals(1, w.queries().packets.size(), "at most one query per 100 ms");
            router.clock.advance(100_000_000L);
            push(w.arp(), 0, ipTo(router, PEER));
            assertEquals(2, w.queries().packets.size());
            w.queries().clear();

            TestRouter.Handlers handlers = router.handlers(w.arp());
            handlers.write("insert", "18.26.4.1 00:16:3E:00:00:01");
            assertEquals(3, w.out().packets.size(), "insert sends the waiting packets");
            w.out().clear();

            router.clock.advance(6_000_000_000L); // older than POLL_TIMEOUT: a unicast poll goes with the packet
            push(w.arp(), 0, ipTo(router, PEER));
            assertEquals(1, w.out().packets.size());
            assertEquals(PEER_ETHER, w.queries().only().getUnsigned48(0));
            w.out().clear();
            w.queries().clear();

            router.clock.advance(5_000_000_000L); // past TIMEOUT: the timer removes the entry
            router.runTimers();
            assertEquals("0", handlers.read("count"));

            push(w.arp(), 0, ipTo(router, PEER));
            handlers.write("clear", "");
            assertEquals("0", handlers.read("length"));
            assertEquals("0", handlers.read("queries"));
            w.queries().clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void capacityDropsTheOldestWaitingPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, "18.26.4.24, 00:00:C0:AE:67:EF, CAPACITY 4, ENTRY_PACKET_CAPACITY 3");
            for (int i = 0; i < 3; i++) {
                push(w.arp(), 0, ipTo(router, PEER));
            }
            push(w.arp(), 0, ipTo(router, PEER)); // over the entry's capacity: dropped
            push(w.arp(), 0, ipTo(router, PEER + 1));
            // The fifth is over 4: the oldest are dropped down to 4 - 4/2 (counting it), then it is added.
            push(w.arp(), 0, ipTo(router, PEER + 1));
            TestRouter.Handlers handlers = router.handlers(w.arp());
            assertEquals("2", handlers.read("length"));
            assertTrue(handlers.read("stats").startsWith("4 packets killed"), handlers.read("stats"));
            handlers.write("clear", "");
            w.queries().clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void anARPResponderWiredBackAnswersAtOnce() throws Exception {
        try (TestRouter router = new TestRouter()) {
            ARPQuerier arp = router.add(new ARPQuerier(), "arp", 2, 2, "18.26.4.24/24, 00:00:C0:AE:67:EF");
            ARPResponder responder = router.add(new ARPResponder(), "ar", 1, 1, "18.26.4.0/24 00:16:3E:00:00:01");
            Sink out = router.add(Sink.keeping(), "o", 1, 0, "");
            connect(arp, 0, out, 0);
            connect(arp, 1, responder, 0);
            connect(responder, 0, arp, 1);
            router.initialize(arp, responder, out);
            dev.junction.packet.PacketBatch batch = new dev.junction.packet.PacketBatch();
            for (int i = 0; i < 32; i++) {
                batch.add(ipTo(router, PEER + i % 3));
            }
            arp.push(0, batch);
            assertEquals(32, out.packets.size(), "queried, answered and sent within the push");
            assertEquals(3, arp.queries());
            assertEquals(3, arp.responses());
            out.clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void configurationErrors() {
        assertEquals(List.of("ETH: parse error"), errors("1.2.3.4"));
        assertEquals(List.of("IP: required argument missing"), errors(""));
        assertEquals(List.of("CAPACITY_SLIM_FACTOR cannot be zero"), errors("1.2.3.4, 0:1:2:3:4:5, CAPACITY_SLIM_FACTOR 0"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new ARPQuerier(), 2, 1, config);
    }
}
