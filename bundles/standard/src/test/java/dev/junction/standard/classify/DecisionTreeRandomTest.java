package dev.junction.standard.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random rule lists against random packets: the compiled, optimized decision tree must give every packet the
 * output that a direct interpretation of the same expressions gives.
 */
class DecisionTreeRandomTest {
    private static final int[] OFFSETS = {0, 4, 8};
    private static final int[] MASKS = {0xFF000000, 0x00FF0000, 0x0000FFFF, 0xFFFF0000, 0xFFFFFFFF, 0x000000F0,
        0x00F00000, 0x80000000};

    /** The output of the first rule {@code p} matches by direct interpretation, or DROP: what the tree must say. */
    static int expectedOutput(PacketWords reference, Packet p, List<DecisionTree.Rule> rules) {
        reference.load(p);
        for (DecisionTree.Rule rule : rules) {
            if (reference.evaluate(rule.expr())) {
                return rule.output();
            }
        }
        return DecisionTree.DROP;
    }

    @Test
    void treeAgreesWithTheReferenceOnRandomExpressions() {
        Random random = new Random(20261122);
        try (PacketPool pool = PacketPool.create("random", 4, 256, 64)) {
            PacketWords reference = new PacketWords();
            int searched = 0;
            for (int round = 0; round < 3000; round++) {
                List<DecisionTree.Rule> rules = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    int output = random.nextInt(5) == 0 ? DecisionTree.DROP : random.nextInt(4);
                    rules.add(new DecisionTree.Rule(expr(random, 3), output));
                }
                DecisionTree tree = DecisionTree.compile(rules);
                if (tree.size() - tree.nodeCount() >= 8) {
                    searched++;
                }
                int[] values = {0, 0x12345678, 0xFFFFFFFF, 0x80808080};
                for (int k = 0; k < 40; k++) {
                    Packet p = packet(pool, random, values);
                    int expected = expectedOutput(reference, p, rules);
                    assertEquals(expected, tree.classify(p), () -> rules + "\n" + tree.unparse() + "\n" + p);
                    p.kill();
                }
            }
            assertTrue(searched > 50, "trees with long value lists: " + searched);
        }
    }

    @Test
    void threadingShrinksRepeatedTests() {
        Expr udp = new Expr.Test(Expr.Base.NET, 8, 0x00FF0000, 17 << 16, false);
        Expr port = new Expr.Test(Expr.Base.TRANSP, 0, 0xFFFF0000, 53 << 16, false);
        DecisionTree tree = DecisionTree.compile(List.of(
                new DecisionTree.Rule(new Expr.And(udp, new Expr.And(udp, port)), 0),
                new DecisionTree.Rule(udp, 1)));
        // udp? then port? (the repeated udp test and the second rule's udp test are threaded away)
        assertEquals(2, tree.size(), tree.unparse());
    }

    static Expr expr(Random random, int depth) {
        int choice = depth == 0 ? 0 : random.nextInt(8);
        return switch (choice) {
            case 0, 1, 2 -> test(random);
            case 3 -> new Expr.And(expr(random, depth - 1), expr(random, depth - 1));
            case 4 -> new Expr.Or(expr(random, depth - 1), expr(random, depth - 1));
            case 5 -> random.nextBoolean() ? new Expr.Not(expr(random, depth - 1))
                    : Expr.negateKeepingShort(expr(random, depth - 1));
            case 6 -> random.nextInt(4) == 0 ? new Expr.Const(random.nextBoolean())
                    : new Expr.Ternary(expr(random, depth - 1), expr(random, depth - 1), expr(random, depth - 1));
            default -> valueList(random);
        };
    }

    /** One word compared with many values: compiled into a node with a value list (searched by halves past 8). */
    static Expr valueList(Random random) {
        Expr.Test first = test(random);
        Expr e = first;
        int count = 1 + random.nextInt(14);
        for (int i = 1; i < count; i++) {
            int value = random.nextInt(3) == 0 ? VALUES[random.nextInt(VALUES.length)] : random.nextInt(16) * 0x01010101;
            e = new Expr.Or(e, new Expr.Test(first.base(), first.offset(), first.mask(), value, first.shortYes()));
        }
        return e;
    }

    private static final int[] VALUES = {0, 0x12345678, 0xFFFFFFFF, 0x80808080};

    static Expr.Test test(Random random) {
        Expr.Base base = Expr.Base.values()[random.nextInt(4)];
        int mask = MASKS[random.nextInt(MASKS.length)];
        int[] values = {0, 0x12345678, 0xFFFFFFFF, 0x80808080};
        int value = values[random.nextInt(values.length)];
        return new Expr.Test(base, OFFSETS[random.nextInt(OFFSETS.length)], mask, value, random.nextBoolean());
    }

    /** A packet of 0-24 bytes, words drawn from {@code values}, with random header annotations. */
    static Packet packet(PacketPool pool, Random random, int[] values) {
        Packet p = pool.allocate();
        int length = random.nextInt(25);
        p.setWindow(64, 24);
        for (int at = 0; at < 24; at += 4) {
            int r = random.nextInt(6);
            p.setInt(at, r == 0 ? random.nextInt() : r == 1 ? random.nextInt(16) * 0x01010101
                    : values[random.nextInt(values.length)]);
        }
        p.take(24 - length);
        if (random.nextBoolean()) {
            p.setMacHeader(random.nextInt(6) - 3);
        }
        int net = random.nextInt(8);
        if (random.nextBoolean()) {
            p.setNetworkHeader(net, random.nextInt(12));
        } else if (random.nextBoolean()) {
            p.setNetworkHeader(net, 0);
            p.setTransportHeader(random.nextInt(30));
        }
        return p;
    }

    @Test
    void mostPacketsAreNotShortForTheFirstTests() {
        // Keeps the random test honest: both short and full packets occur.
        Random random = new Random(1);
        int shortOnes = 0;
        try (PacketPool pool = PacketPool.create("random", 4, 256, 64)) {
            for (int i = 0; i < 200; i++) {
                Packet p = packet(pool, random, new int[] {0});
                if (p.length() < 12) {
                    shortOnes++;
                }
                p.kill();
            }
        }
        assertTrue(shortOnes > 20 && shortOnes < 180, "short packets: " + shortOnes);
    }
}
