package dev.junction.standard.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random IPFilter patterns on random IP packets: compiled tree versus direct evaluation; and parser fuzzing. */
class IPFilterRandomTest {
    private static final String[] PRIMITIVES = {
        "tcp", "udp", "icmp", "src host 10.0.0.1", "dst host 10.0.0.2", "net 10.0.0.0/8", "src port 53",
        "dst port > 1023", "port 80 or 81", "ip ttl < 64", "ip tos & 3 == 1", "ip[9] == 17", "transp[1] & 128 != 0",
        "transp[0:2] > 1000", "tcp opt syn", "ack", "icmp type echo", "ip frag", "unfrag", "ip id != 5",
        "ip len >= 40", "ether src host 1:1:1:1:1:1", "true", "false", "ip vers 4", "ip hl > 5", "udp[2:2] == 53",
        "src and dst net 10.0.0.0/8", "src or dst port 53", "ip ect", "ip ce", "ip dscp 10", "tcp win < 100",
        "icmp type != 3", "dst port <= 80", "src port & 0xff00 == 0", "ip[8] >= 64", "dst 192.168.0.1",
        "udp port != 53", "tcp src port 1024", "ether dst host 2:2:2:2:2:2"
    };

    private final List<String> errors = new ArrayList<>();
    private final IPFilterParser.Diagnostics diagnostics = new IPFilterParser.Diagnostics() {
        @Override
        public void error(String message) {
            errors.add(message);
        }

        @Override
        public void warning(String message) {
        }
    };

    @Test
    void treeAgreesWithTheReferenceOnRandomPatterns() {
        Random random = new Random(5);
        try (PacketPool pool = PacketPool.create("random", 4, 256, 64)) {
            PacketWords reference = new PacketWords();
            int rejected = 0;
            for (int round = 0; round < 1500; round++) {
                List<String> conf = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    String action = random.nextInt(6) == 0 ? "drop" : Integer.toString(random.nextInt(3));
                    conf.add(action + " " + pattern(random, 3));
                }
                errors.clear();
                List<DecisionTree.Rule> rules = IPFilterParser.parse(conf, 3, diagnostics);
                if (!errors.isEmpty()) {
                    // Legitimate Click errors: an implicit operand after 'ether host' makes the next test 'ether'.
                    assertTrue(errors.getFirst().contains("ip only"), errors + " " + conf);
                    rejected++;
                    continue;
                }
                DecisionTree tree = DecisionTree.compile(rules);
                for (int k = 0; k < 30; k++) {
                    Packet p = packet(pool, random);
                    int expected = DecisionTreeRandomTest.expectedOutput(reference, p, rules);
                    assertEquals(expected, tree.classify(p), () -> conf + "\n" + tree.unparse());
                    p.kill();
                }
            }
            assertTrue(rejected < 300, "rejected " + rejected);
        }
    }

    static String pattern(Random random, int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(8);
        return switch (choice) {
            case 0, 1, 2 -> PRIMITIVES[random.nextInt(PRIMITIVES.length)];
            case 3 -> pattern(random, depth - 1) + (random.nextBoolean() ? " and " : " && ") + pattern(random, depth - 1);
            case 4 -> pattern(random, depth - 1) + (random.nextBoolean() ? " or " : " || ") + pattern(random, depth - 1);
            case 5 -> (random.nextBoolean() ? "not " : "!") + "(" + pattern(random, depth - 1) + ")";
            case 6 -> "(" + pattern(random, depth - 1) + " ? " + pattern(random, depth - 1) + " : "
                    + pattern(random, depth - 1) + ")";
            default -> "(" + pattern(random, depth - 1) + ")";
        };
    }

    private static int pick(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    /** A random IPv4 packet: fields from values the patterns test, maybe truncated, maybe with an Ethernet header. */
    static Packet packet(PacketPool pool, Random random) {
        Packet p = pool.allocate();
        int hl = random.nextInt(4) == 0 ? 6 : 5;
        p.setWindow(64, 60);
        p.fill(0, 60, 0);
        p.setByte(0, (random.nextInt(5) == 0 ? 6 : 4) << 4 | hl);
        p.setByte(1, pick(random, 0, 1, 2, 3, 0x28));
        p.setShort(2, pick(random, 20, 40, 60));
        p.setShort(4, pick(random, 5, 6));
        p.setShort(6, pick(random, 0, 0, 0x2000, 0x0010));
        p.setByte(8, pick(random, 1, 63, 64, 200));
        p.setByte(9, pick(random, 1, 6, 17, 47));
        int[] addresses = {0x0A000001, 0x0A000002, 0xC0A80001};
        p.setInt(12, addresses[random.nextInt(3)]);
        p.setInt(16, addresses[random.nextInt(3)]);
        int t = hl * 4;
        p.setShort(t, pick(random, 53, 80, 81, 1000, 1024, 0x8000, 0x0800));
        p.setShort(t + 2, pick(random, 53, 80, 81, 1000, 1024, 0x0300));
        p.setByte(t + 13, pick(random, 0, 2, 0x10, 0x12));
        p.setShort(t + 14, pick(random, 10, 1000));
        if (random.nextBoolean()) {
            p.take(60 - random.nextInt(60));
        }
        switch (random.nextInt(3)) {
            case 0 -> p.setNetworkHeader(0, hl * 4);
            case 1 -> {
                p.setNetworkHeader(0, hl * 4);
                p.push(14);
                p.setUnsigned48(0, pick(random, 0x020202, 0x010101) * 0x1000001L);
                p.setUnsigned48(6, pick(random, 0x020202, 0x010101) * 0x1000001L);
                p.setMacHeader(0);
            }
            default -> { } // no annotation: the network header is the data start
        }
        return p;
    }

    @Test
    void everyPrimitiveSurvivesGarbagePacketsAndAnnotations() {
        List<String> conf = new ArrayList<>();
        for (int i = 0; i < PRIMITIVES.length; i++) {
            conf.add(i % 3 + " " + PRIMITIVES[i]);
        }
        errors.clear();
        List<DecisionTree.Rule> rules = IPFilterParser.parse(conf, 3, diagnostics);
        assertEquals(List.of(), errors);
        DecisionTree tree = DecisionTree.compile(rules);
        PacketWords reference = new PacketWords();
        Random random = new Random(77);
        try (PacketPool pool = PacketPool.create("garbage", 4, 256, 64)) {
            for (int round = 0; round < 20000; round++) {
                Packet p = pool.allocate();
                int length = random.nextInt(80);
                p.setWindow(random.nextInt(128), length);
                for (int i = 0; i < length; i++) {
                    p.setByte(i, random.nextInt(256));
                }
                if (random.nextBoolean()) {
                    p.setMacHeader(random.nextInt(200) - 100);
                }
                if (random.nextBoolean()) {
                    p.setNetworkHeader(random.nextInt(200) - 100, random.nextInt(100));
                }
                if (random.nextInt(4) == 0) {
                    p.setTransportHeader(random.nextInt(300) - 100);
                }
                int expected = DecisionTreeRandomTest.expectedOutput(reference, p, rules);
                assertEquals(expected, tree.classify(p));
                p.kill();
            }
        }
    }

    @Test
    void relationsAreArithmetic() {
        Random random = new Random(3);
        String[] ops = {">", "<", ">=", "<=", "==", "!="};
        try (PacketPool pool = PacketPool.create("relations", 4, 256, 64)) {
            for (int round = 0; round < 400; round++) {
                int n = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(65536);
                int mask = random.nextBoolean() ? 0xFFFF : 1 + random.nextInt(0xFFFF);
                String op = ops[random.nextInt(ops.length)];
                String pattern = "0 src udp port" + (mask == 0xFFFF ? "" : " & " + mask) + " " + op + " " + n;
                errors.clear();
                DecisionTree tree = DecisionTree.compile(IPFilterParser.parse(List.of(pattern), 1, diagnostics));
                assertEquals(List.of(), errors, pattern);
                int[] ports = {0, 65535, n, n - 1 & 0xFFFF, n + 1 & 0xFFFF, random.nextInt(65536), random.nextInt(65536)};
                for (int port : ports) {
                    int v = port & mask;
                    boolean expected = switch (op) {
                        case ">" -> v > n;
                        case "<" -> v < n;
                        case ">=" -> v >= n;
                        case "<=" -> v <= n;
                        // As in Click, an equality compares the masked value with the masked constant.
                        case "==" -> v == (n & mask);
                        default -> v != (n & mask);
                    };
                    Packet p = pool.allocate();
                    p.setWindow(64, 28);
                    p.fill(0, 28, 0);
                    p.setByte(0, 0x45);
                    p.setByte(9, 17);
                    p.setShort(20, port);
                    p.setNetworkHeader(0, 20);
                    assertEquals(expected ? 0 : DecisionTree.DROP, tree.classify(p), pattern + " on port " + port);
                    p.kill();
                }
            }
        }
    }

    @Test
    void theParserNeverThrowsOnTokenSoup() {
        String[] vocabulary = {"tcp", "udp", "src", "dst", "and", "or", "not", "!", "(", ")", "?", ":", "[", "]",
            "ip", "ether", "host", "net", "port", "proto", "opt", "type", "==", "!=", "<", ">", "<=", ">=", "&",
            "10.0.0.1", "10.0.0.0/8", "1:2:3:4:5:6", "80", "0", "-1", "0x100000000", "www", "echo", "syn", "mask",
            "transp", "tcpudp", "9:2", "1,3", "frag", "unfrag", "win", "vers", "hl", "ect", "ce", "true", "false",
            "%", "@", "foo", "-", "all", "allow", "deny", "3", ";", ","};
        Random random = new Random(9);
        int clean = 0;
        for (int round = 0; round < 20000; round++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "0" : vocabulary[random.nextInt(vocabulary.length)]);
            int words = random.nextInt(8);
            for (int i = 0; i < words; i++) {
                sb.append(random.nextInt(3) == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            errors.clear();
            List<DecisionTree.Rule> rules = IPFilterParser.parse(List.of(sb.toString()), 2, diagnostics);
            if (errors.isEmpty()) {
                clean++;
                DecisionTree.compile(rules);
            }
        }
        assertTrue(clean > 100, "some soups are valid patterns: " + clean);
    }
}
