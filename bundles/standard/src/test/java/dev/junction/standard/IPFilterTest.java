package dev.junction.standard;

import static dev.junction.standard.TestPackets.ICMP;
import static dev.junction.standard.TestPackets.TCP;
import static dev.junction.standard.TestPackets.UDP;
import static dev.junction.standard.TestPackets.etherEncap;
import static dev.junction.standard.TestPackets.ipPacket;
import static dev.junction.standard.TestPackets.truncate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.standard.classify.ClassifyingElement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IPFilterTest {

    /** Runs packets made by {@code makers} through {@code element} configured with {@code config}; each one's output or -1. */
    @SafeVarargs
    static List<Integer> run(ClassifyingElement element, String config, int outputs,
            Function<PacketPool, Packet>... makers) throws Exception {
        try (TestRouter router = new TestRouter()) {
            router.add(element, "f", 1, outputs, config);
            Sink[] sinks = Sink.wire(router, element, Sink::new);
            PacketBatch batch = new PacketBatch();
            for (int i = 0; i < makers.length; i++) {
                Packet p = makers[i].apply(router.pool);
                p.setUserWord(0, i);
                batch.add(p);
            }
            element.push(0, batch);
            List<Integer> result = new ArrayList<>();
            for (int i = 0; i < makers.length; i++) {
                int found = -1;
                for (int o = 0; o < outputs; o++) {
                    if (sinks[o].userWords().contains((long) i)) {
                        found = o;
                    }
                }
                result.add(found);
            }
            for (Sink sink : sinks) {
                assertTrue(sink.batches <= 1, "one push per output per batch");
            }
            assertEquals(router.pool.capacity(), router.pool.available(), "every packet was freed");
            return result;
        }
    }

    static Function<PacketPool, Packet> udpFrom(int sport) {
        return pool -> TestPackets.udp(pool, sport, 53);
    }

    @Test
    void shortPacketsAreHandledAsClickDoes() throws Exception {
        // ip/IPFilter-01: full packets pass, with or without an Ethernet header in front; truncated ones do not.
        assertEquals(List.of(0, 0, -1, -1), run(new IPFilter(), "0 ip[19]&128==0", 1,
                udpFrom(0), pool -> etherEncap(TestPackets.udp(pool, 0, 53)),
                pool -> truncate(TestPackets.udp(pool, 0, 53), 19),
                pool -> etherEncap(truncate(TestPackets.udp(pool, 0, 53), 19))));
        assertEquals(List.of(0, 0, -1, -1), run(new IPFilter(), "0 transp[1]&128==0", 1,
                udpFrom(0), pool -> etherEncap(TestPackets.udp(pool, 0, 53)),
                pool -> truncate(TestPackets.udp(pool, 0, 53), 21),
                pool -> etherEncap(truncate(TestPackets.udp(pool, 0, 53), 21))));
        // A packet with exactly the bytes needed passes.
        assertEquals(List.of(0), run(new IPFilter(), "0 ip[19]&128==0", 1,
                pool -> truncate(TestPackets.udp(pool, 0, 53), 20)));
    }

    @Test
    void necessaryLengthChecksAreKept() throws Exception {
        // ip/IPFilter-03: '!=' fails on a short packet, 'not (... == ...)' passes it.
        List<Function<PacketPool, Packet>> packets = List.of(udpFrom(0), udpFrom(128),
                pool -> truncate(TestPackets.udp(pool, 0, 53), 21), pool -> truncate(TestPackets.udp(pool, 128, 53), 21));
        @SuppressWarnings("unchecked")
        Function<PacketPool, Packet>[] array = packets.toArray(new Function[0]);
        assertEquals(List.of(1, 0, 1, 1), run(new IPFilter(), "0 transp[1]&128!=0, 1 -", 2, array));
        assertEquals(List.of(-1, 0, 0, 0), run(new IPFilter(), "0 not (transp[1]&128==0)", 1, array));
        // Both in one filter: the second test must not be optimized into the first.
        assertEquals(List.of(2, 0, 1, 1), run(new IPFilter(),
                "0 transp[1]&128!=0, 1 not (transp[1]&128==0), 2 -", 3, array));
    }

    @Test
    void actions() throws Exception {
        assertEquals(List.of(0, -1), run(new IPFilter(), "allow udp, deny all", 1,
                udpFrom(1), pool -> ipPacket(pool, TCP, "1.1.1.1", "2.2.2.2", 1, 2)));
        assertEquals(List.of(-1, 1), run(new IPFilter(), "drop udp, 1 -", 2,
                udpFrom(1), pool -> ipPacket(pool, TCP, "1.1.1.1", "2.2.2.2", 1, 2)));
        assertEquals(List.of(-1), run(new IPFilter(), "0 tcp", 1, udpFrom(1)));
    }

    @Test
    void hostsNetsPortsAndProtocols() throws Exception {
        Function<PacketPool, Packet> a = pool -> ipPacket(pool, TCP, "10.0.0.5", "192.168.1.1", 1234, 80);
        Function<PacketPool, Packet> b = pool -> ipPacket(pool, UDP, "192.168.1.1", "10.0.0.5", 53, 1234);
        Function<PacketPool, Packet> c = pool -> ipPacket(pool, ICMP, "8.8.8.8", "9.9.9.9", 0x0800, 0);
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 host 10.0.0.5", 1, a, b, c));
        assertEquals(List.of(0, -1, -1), run(new IPFilter(), "0 src host 10.0.0.5", 1, a, b, c));
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 net 10.0.0.0/8", 1, a, b, c));
        assertEquals(List.of(-1, 0, -1), run(new IPFilter(), "0 dst net 10.0.0.0 mask 255.0.0.0", 1, a, b, c));
        assertEquals(List.of(-1, 0, -1), run(new IPFilter(), "0 dst 10.0.0.0/8", 1, a, b, c));
        assertEquals(List.of(0, -1, -1), run(new IPFilter(), "0 dst port www", 1, a, b, c));
        assertEquals(List.of(-1, 0, -1), run(new IPFilter(), "0 udp port 53", 1, a, b, c));
        assertEquals(List.of(-1, 0, -1), run(new IPFilter(), "0 src port 80 or 53", 1, a, b, c));
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 src port > 1023 or dst port > 1023", 1, a, b, c));
        assertEquals(List.of(0, -1, -1), run(new IPFilter(), "0 src port >= 1234 and src port <= 1234", 1, a, b, c));
        assertEquals(List.of(-1, 0, -1), run(new IPFilter(), "0 src port < 1000", 1, a, b, c));
        assertEquals(List.of(-1, -1, 0), run(new IPFilter(), "0 icmp type echo", 1, a, b, c));
        assertEquals(List.of(-1, -1, -1), run(new IPFilter(), "0 icmp type != echo", 1, a, b, c));
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 !icmp", 1, a, b, c));
        assertEquals(List.of(0, -1, -1), run(new IPFilter(), "0 ip proto 6", 1, a, b, c));
        assertEquals(List.of(0, 0, 0), run(new IPFilter(), "0 ip ttl 64 && ip vers 4 && ip hl 5", 1, a, b, c));
        assertEquals(List.of(-1, 0, -1), run(new IPFilter(), "0 src port != 1234", 1, a, b, c));
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 ip[9] < 20 && ip[9] > 2", 1, a, b, c));
        assertEquals(List.of(0, -1, -1), run(new IPFilter(), "0 tcp[2:2] == 80", 1, a, b, c));
        assertEquals(List.of(0, -1, 0), run(new IPFilter(), "0 udp ? false : true", 1, a, b, c));
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 src port & 0xff00 == 0x0400 || src port 53", 1, a, b, c));
    }

    @Test
    void tcpOptionsFragmentsAndEther() throws Exception {
        Function<PacketPool, Packet> syn = pool -> {
            Packet p = ipPacket(pool, TCP, "1.0.0.1", "1.0.0.2", 1, 2);
            p.setByte(33, 0x02);
            return p;
        };
        Function<PacketPool, Packet> synAck = pool -> {
            Packet p = ipPacket(pool, TCP, "1.0.0.1", "1.0.0.2", 1, 2);
            p.setByte(33, 0x12);
            return p;
        };
        Function<PacketPool, Packet> fragment = pool -> {
            Packet p = ipPacket(pool, TCP, "1.0.0.1", "1.0.0.2", 1, 2);
            p.setShort(6, 0x0010); // offset 16 * 8 bytes: a later fragment
            p.setByte(33, 0x02);
            return p;
        };
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 syn", 1, syn, synAck, fragment));
        assertEquals(List.of(-1, 0, -1), run(new IPFilter(), "0 tcp opt syn and ack", 1, syn, synAck, fragment));
        assertEquals(List.of(-1, -1, 0), run(new IPFilter(), "0 ip frag", 1, syn, synAck, fragment));
        assertEquals(List.of(0, 0, -1), run(new IPFilter(), "0 unfrag", 1, syn, synAck, fragment));
        Function<PacketPool, Packet> framed = pool -> etherEncap(ipPacket(pool, UDP, "1.0.0.1", "1.0.0.2", 1, 2));
        assertEquals(List.of(0, -1), run(new IPFilter(),
                "0 ether src host 1:1:1:1:1:1 && ether dst 2:2:2:2:2:2", 1, framed, syn));
        assertEquals(List.of(-1), run(new IPFilter(), "0 ether host 1:1:1:1:1:2", 1, framed));
    }

    @Test
    void badPatternsGetClicksMessages() {
        assertEquals(List.of("pattern 0: slot '2' out of range"), errors("2 tcp", 1));
        assertEquals(List.of("pattern 0: unknown slot ID 'foo'"), errors("foo tcp", 1));
        assertEquals(List.of("empty pattern 0"), errors("\"\"", 1));
        assertEquals(List.of("pattern 0: garbage after expression at ')'"), errors("0 tcp )", 1));
        assertEquals(List.of("pattern 0: missing ')'"), errors("0 (tcp", 1));
        assertEquals(List.of("pattern 0: 'port': out of range, bound 65535"), errors("0 port 70000", 1));
        // Click's own spacing (its unparse_word adds a space after an empty protocol).
        assertEquals(List.of("pattern 0: 'echo' is ambiguous; try 'port  echo', 'port  echo', 'icmp type  echo'"),
                errors("0 echo", 1));
        assertEquals(List.of("pattern 0: 'src ip host': address missing"), errors("0 src host", 1));
        assertEquals(List.of("pattern 0: specify header field or 'port'"), errors("0 80", 1));
        // As in Click, a bad field leaves the primitive without a type, which is reported too.
        assertEquals(List.of("pattern 0: LEN in '[POS:LEN]' out of range, should be between 1 and 4",
                "pattern 0: specify header field or 'port'"), errors("0 ip[2:5] 1", 1));
        assertEquals(List.of("pattern 0: field [2:4] does not fit in a single word",
                "pattern 0: specify header field or 'port'"), errors("0 ip[2:4] 1", 1));
        assertEquals(List.of("pattern 0: missing expression after 'not'"), errors("0 tcp and not", 1));
        assertEquals(List.of("pattern 0: missing ':' in ternary expression"), errors("0 tcp ? udp", 1));
        assertEquals(List.of("pattern 0: 'tcp opt': operator or mask not supported"), errors("0 tcp opt != syn", 1));
        assertEquals(List.of("pattern 0: 'ip host': operator not supported"), errors("0 host > 1.0.0.1", 1));
        assertEquals(List.of("pattern 0: dangling operator near ')'", "pattern 0: 'ip ttl': value missing"),
                errors("0 (ip ttl > )", 1));
        assertEquals(List.of("pattern 0: zero mask ignored"), errors("0 ip ttl & 0 == 1", 1));
    }

    private static List<String> errors(String config, int outputs) {
        return TestRouter.configErrors(new IPFilter(), 1, outputs, config);
    }

    @Test
    void longPortListsAreOneNode() throws Exception {
        StringBuilder ports = new StringBuilder("0 udp && (dst port 1");
        for (int port = 3; port <= 41; port += 2) {
            ports.append(" or ").append(port);
        }
        ports.append(')');
        try (TestRouter router = new TestRouter()) {
            IPFilter f = router.add(new IPFilter(), "f", 1, 1, ports.toString());
            // udp, first fragment, then 21 port values in one node (one line each in the program).
            assertEquals(23, f.tree().size(), router.handlers(f).read("program"));
            assertEquals(3, f.tree().nodeCount(), router.handlers(f).read("program"));
        }
        List<Integer> expected = new ArrayList<>();
        List<Function<PacketPool, Packet>> packets = new ArrayList<>();
        for (int port = 0; port <= 44; port++) {
            int p = port;
            packets.add(pool -> TestPackets.udp(pool, 7, p));
            expected.add(p % 2 == 1 && p <= 41 ? 0 : -1);
        }
        @SuppressWarnings("unchecked")
        Function<PacketPool, Packet>[] array = packets.subList(0, 30).toArray(new Function[0]);
        assertEquals(expected.subList(0, 30), run(new IPFilter(), ports.toString(), 1, array));
        @SuppressWarnings("unchecked")
        Function<PacketPool, Packet>[] rest = packets.subList(30, 45).toArray(new Function[0]);
        assertEquals(expected.subList(30, 45), run(new IPFilter(), ports.toString(), 1, rest));
    }

    @Test
    void programShowsClickOffsets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPFilter f = router.add(new IPFilter(), "f", 1, 2, "0 udp, 1 -");
            assertEquals(" 0 264/00110000%00ff0000  yes->[0]  no->[1]\nsafe length 266\nalignment offset 0\n",
                    router.handlers(f).read("program"));
        }
    }
}
