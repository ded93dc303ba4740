package dev.junction.standard.classify;

import dev.junction.packet.Packet;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of (expression, output) rules compiled once into a decision tree of masked 32-bit word compares, as
 * Click's Classifier programs: the first rule whose expression matches gives the packet's output.
 *
 * <p>Compilation turns each rule into test nodes whose yes/no edges lead to other nodes or to outputs, shares
 * identical nodes, and threads edges past tests whose outcome an earlier test of the same word decides
 * (implied, contradicted or repeated); a second pass copies the result as a tree specialized by everything
 * known on each path (Click's dominator optimization), sharing subtrees where the relevant facts agree.
 * Length checks are kept exactly: a test is skipped only when it would have gone the same way for packets
 * too short for it. Finally a chain of tests of one word and mask with a common yes edge becomes one node with
 * several values ({@code port 80 or 81 or 82}), searched by halves when there are many.
 *
 * <p>The tree lives in one {@code int[]}, {@value #HEADER} ints per node followed by its values, and
 * {@link #classify} walks it with no allocation.
 */
public final class DecisionTree {
    /** Output code of a packet no rule matched (or matched by a drop rule). */
    public static final int DROP = Integer.MAX_VALUE;

    /** Builder nodes: {@value #STRIDE} ints. */
    static final int STRIDE = 8;
    /** Final nodes: {@value #HEADER} ints (the first value in VALUE, the number of values in COUNT), then the other values. */
    static final int HEADER = 9;
    private static final int COUNT = 8;
    /** Nodes with at least this many values keep them sorted and search them by halves. */
    private static final int BINARY_SEARCH = 8;
    private static final int BASE = 0;
    private static final int OFFSET = 1;
    private static final int MASK = 2;
    private static final int VALUE = 3;
    private static final int NEED = 4;
    private static final int YES = 5;
    private static final int NO = 6;
    private static final int SHORT = 7;

    /** A rule: packets matching {@code expr} go to {@code output} ({@link #DROP} to drop them). */
    public record Rule(Expr expr, int output) {
    }

    private final int[] code;
    /** Index of the first node in {@link #code}, or a leaf ({@code -1 - output}) if no test is needed. */
    private final int root;
    private final int safeLength;
    private static final int MAC_BASE = Expr.Base.MAC.ordinal();
    private static final int NET_BASE = Expr.Base.NET.ordinal();
    private static final int TRANSP_BASE = Expr.Base.TRANSP.ordinal();

    /** The bases the tree reads (bit {@code 1 << ordinal}), so that classifying finds only those. */
    private final int bases;

    private DecisionTree(int[] code, int root, int safeLength) {
        this.code = code;
        this.root = root;
        this.safeLength = safeLength;
        int used = 0;
        for (int at = 0; at < code.length; at += HEADER + code[at + COUNT] - 1) {
            used |= 1 << code[at + BASE];
        }
        bases = used;
    }

    // ---------------------------------------------------------------- compiling

    /** Compiles {@code rules}; a packet no rule matches is dropped. */
    public static DecisionTree compile(List<Rule> rules) {
        Builder builder = new Builder();
        int next = leaf(DROP);
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            next = builder.compile(rule.expr(), leaf(rule.output()), next);
        }
        next = builder.thread(next);
        Builder specialized = new Builder();
        int root = specialized.specialize(builder, next);
        if (root != Builder.TOO_BIG) {
            return specialized.finish(specialized.thread(root));
        }
        return builder.finish(next);
    }

    static int leaf(int output) {
        return -1 - output;
    }

    /** Nodes under construction: children are always created before their parents, so edges point backwards. */
    private static final class Builder {
        private final List<int[]> nodes = new ArrayList<>();
        private final Map<List<Integer>, Integer> shared = new HashMap<>();

        int compile(Expr e, int yes, int no) {
            return switch (e) {
                case Expr.Const c -> c.value() ? yes : no;
                case Expr.Test t -> t.mask() == 0 ? yes : node(t, yes, no);
                case Expr.Not n -> compile(n.operand(), no, yes);
                case Expr.And a -> compile(a.left(), compile(a.right(), yes, no), no);
                case Expr.Or o -> compile(o.left(), yes, compile(o.right(), yes, no));
                case Expr.Ternary t -> compile(t.condition(), compile(t.then(), yes, no), compile(t.otherwise(), yes, no));
            };
        }

        private int node(Expr.Test t, int yes, int no) {
            if (yes == no) {
                return yes;
            }
            int[] n = {t.base().ordinal(), t.offset(), t.mask(), t.value(), t.need(), yes, no, t.shortYes() ? 1 : 0};
            return intern(n);
        }

        private int intern(int[] n) {
            List<Integer> key = List.of(n[BASE], n[OFFSET], n[MASK], n[VALUE], n[YES], n[NO], n[SHORT]);
            Integer known = shared.get(key);
            if (known != null) {
                return known;
            }
            nodes.add(n);
            int id = nodes.size() - 1;
            shared.put(key, id);
            return id;
        }

        /** Threads every edge to a fixpoint; returns the (possibly threaded) root. */
        int thread(int root) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[] n : nodes) {
                    for (int edge = YES; edge <= NO; edge++) {
                        int target = follow(n, edge == YES, n[edge]);
                        if (target != n[edge]) {
                            n[edge] = target;
                            changed = true;
                        }
                    }
                }
            }
            // A node whose edges now agree is no test at all.
            while (root >= 0 && nodes.get(root)[YES] == nodes.get(root)[NO]) {
                root = nodes.get(root)[YES];
            }
            return root;
        }

        /** Where an edge of {@code from} taken when its test is {@code yes} can jump, skipping known outcomes. */
        private int follow(int[] from, boolean yes, int target) {
            while (target >= 0) {
                int[] s = nodes.get(target);
                if (s[YES] == s[NO]) {
                    target = s[YES];
                    continue;
                }
                int outcome = outcome(from, yes, s);
                if (outcome == 0) {
                    return target;
                }
                target = outcome > 0 ? s[YES] : s[NO];
            }
            return target;
        }

        /**
         * The outcome of test {@code s} (1 yes, -1 no, 0 unknown) for every packet that leaves test {@code t}
         * through its {@code yes} edge: the packets whose word matched (or not) and, if {@code t} sends short
         * packets that way, the packets too short for {@code t}.
         */
        private static int outcome(int[] t, boolean yes, int[] s) {
            if (t[BASE] != s[BASE] || t[OFFSET] != s[OFFSET]) {
                return 0;
            }
            int r;
            if (yes) {
                if ((s[MASK] & ~t[MASK]) == 0 && (t[VALUE] & s[MASK]) == s[VALUE]) {
                    r = 1;
                } else if (((t[VALUE] ^ s[VALUE]) & t[MASK] & s[MASK]) != 0) {
                    r = -1;
                } else {
                    return 0;
                }
            } else if ((t[MASK] & ~s[MASK]) == 0 && (s[VALUE] & t[MASK]) == t[VALUE]) {
                r = -1; // s implies t, and t failed
            } else {
                return 0;
            }
            int sShort = s[SHORT] == 1 ? 1 : -1;
            // Packets long enough for t but too short for s take s's short edge.
            if (s[NEED] > t[NEED] && r != sShort) {
                return 0;
            }
            boolean shortPackets = (t[SHORT] == 1) == yes;
            if (shortPackets && (s[NEED] < t[NEED] || r != sShort)) {
                return 0;
            }
            return r;
        }

        static final int TOO_BIG = Integer.MIN_VALUE + 1;
        private Builder source;
        private Map<Integer, java.util.Set<Long>> wordsBelow;
        private Map<List<Object>, Integer> specialized;
        private int budget;

        /**
         * Copies the tree of {@code from} at {@code root} into this builder, as a tree in which no test is made
         * whose outcome an earlier test on the path already decides (Click's dominator optimization). Nodes are
         * shared where the relevant facts agree. Returns {@link #TOO_BIG} if the copy would grow too large.
         */
        int specialize(Builder from, int root) {
            source = from;
            wordsBelow = new HashMap<>();
            specialized = new HashMap<>();
            budget = Math.max(4096, 8 * from.nodes.size());
            try {
                return specialize(root, new ArrayList<>());
            } catch (IllegalStateException tooBig) {
                return TOO_BIG;
            }
        }

        private record Fact(int[] test, boolean yes) {
        }

        private int specialize(int node, List<Fact> facts) {
            restart:
            while (node >= 0) {
                int[] s = source.nodes.get(node);
                for (int i = facts.size() - 1; i >= 0; i--) {
                    int outcome = outcome(facts.get(i).test(), facts.get(i).yes(), s);
                    if (outcome != 0) {
                        node = outcome > 0 ? s[YES] : s[NO];
                        continue restart;
                    }
                }
                break;
            }
            if (node < 0) {
                return node;
            }
            java.util.Set<Long> below = words(node);
            List<Object> key = new ArrayList<>();
            key.add(node);
            for (Fact f : facts) {
                if (below.contains(word(f.test()))) {
                    key.add(List.of(f.test()[BASE], f.test()[OFFSET], f.test()[MASK], f.test()[VALUE], f.test()[SHORT],
                            f.test()[NEED], f.yes()));
                }
            }
            Integer known = specialized.get(key);
            if (known != null) {
                return known;
            }
            if (--budget < 0) {
                throw new IllegalStateException("too big");
            }
            int[] s = source.nodes.get(node);
            facts.add(new Fact(s, true));
            int yes = specialize(s[YES], facts);
            facts.set(facts.size() - 1, new Fact(s, false));
            int no = specialize(s[NO], facts);
            facts.removeLast();
            int result;
            if (yes == no) {
                result = yes;
            } else {
                int[] copy = s.clone();
                copy[YES] = yes;
                copy[NO] = no;
                result = intern(copy);
            }
            specialized.put(key, result);
            return result;
        }

        private static long word(int[] n) {
            return (long) n[BASE] << 32 | n[OFFSET] & 0xFFFFFFFFL;
        }

        /** The words tested at or below {@code node} in the source tree. */
        private java.util.Set<Long> words(int node) {
            java.util.Set<Long> known = wordsBelow.get(node);
            if (known != null) {
                return known;
            }
            int[] n = source.nodes.get(node);
            java.util.Set<Long> set = new java.util.HashSet<>();
            set.add(word(n));
            if (n[YES] >= 0) {
                set.addAll(words(n[YES]));
            }
            if (n[NO] >= 0) {
                set.addAll(words(n[NO]));
            }
            wordsBelow.put(node, set);
            return set;
        }

        /** Keeps the nodes reachable from {@code root}, numbered in walk order, packed into the final array. */
        DecisionTree finish(int root) {
            if (root < 0) {
                return new DecisionTree(new int[0], root, 0);
            }
            int[] number = new int[nodes.size()];
            java.util.Arrays.fill(number, -1);
            List<Integer> order = new ArrayList<>();
            // Reverse creation order (parents before children) is a topological order.
            boolean[] reachable = new boolean[nodes.size()];
            reachable[root] = true;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                if (reachable[i]) {
                    number[i] = order.size();
                    order.add(i);
                    int[] n = nodes.get(i);
                    if (n[YES] >= 0) {
                        reachable[n[YES]] = true;
                    }
                    if (n[NO] >= 0) {
                        reachable[n[NO]] = true;
                    }
                }
            }
            // A chain of tests of one word and mask that share their yes edge, each reached only from the one
            // before (its no edge), is one node with several values: "port 80 or 81 or 82" is one look-up.
            int[] predecessors = new int[nodes.size()];
            for (int i : order) {
                int[] n = nodes.get(i);
                for (int edge = YES; edge <= NO; edge++) {
                    if (n[edge] >= 0) {
                        predecessors[n[edge]]++;
                    }
                }
            }
            int[] address = new int[nodes.size()];
            boolean[] absorbed = new boolean[nodes.size()];
            List<List<Integer>> groups = new ArrayList<>();
            int size = 0;
            for (int i : order) {
                if (absorbed[i]) {
                    continue;
                }
                int[] head = nodes.get(i);
                List<Integer> group = new ArrayList<>(List.of(i));
                int next = head[NO];
                while (next >= 0 && predecessors[next] == 1 && sameWord(head, nodes.get(next))
                        && nodes.get(next)[YES] == head[YES]) {
                    absorbed[next] = true;
                    group.add(next);
                    next = nodes.get(next)[NO];
                }
                address[i] = size;
                size += HEADER + group.size() - 1;
                groups.add(group);
            }
            int[] code = new int[size];
            int safe = 0;
            for (List<Integer> group : groups) {
                int[] n = nodes.get(group.getFirst());
                int at = address[group.getFirst()];
                int yes = n[YES];
                int no = nodes.get(group.getLast())[NO];
                code[at + BASE] = n[BASE];
                code[at + OFFSET] = n[OFFSET];
                code[at + MASK] = n[MASK];
                code[at + COUNT] = group.size();
                code[at + NEED] = n[NEED];
                code[at + YES] = yes >= 0 ? address[yes] : yes;
                code[at + NO] = no >= 0 ? address[no] : no;
                code[at + SHORT] = n[SHORT] == 1 ? code[at + YES] : code[at + NO];
                int[] values = new int[group.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = nodes.get(group.get(k))[VALUE];
                }
                code[at + VALUE] = values[0];
                if (values.length - 1 >= BINARY_SEARCH) {
                    java.util.Arrays.sort(values, 1, values.length);
                }
                System.arraycopy(values, 1, code, at + HEADER, values.length - 1);
                safe = Math.max(safe, clickOffset(n[BASE], n[OFFSET]) + n[NEED]);
            }
            return new DecisionTree(code, address[root], safe);
        }

        private static boolean sameWord(int[] a, int[] b) {
            return a[BASE] == b[BASE] && a[OFFSET] == b[OFFSET] && a[MASK] == b[MASK] && a[SHORT] == b[SHORT];
        }
    }

    // ---------------------------------------------------------------- running

    /** The output for {@code packet}, or {@link #DROP}. Never throws and never allocates. */
    public int classify(Packet packet) {
        int pc = root;
        if (pc < 0) {
            return -1 - pc;
        }
        int data = packet.dataOffset();
        int end = data + packet.length();
        MemorySegment buffer = packet.buffer();
        int used = bases;
        // Only the bases this tree reads; -1 where the packet lacks one.
        int mac = (used & 1 << MAC_BASE) != 0 ? PacketWords.macStart(packet, data) : -1;
        int net = (used & (1 << NET_BASE | 1 << TRANSP_BASE)) != 0 ? PacketWords.netStart(packet, data) : -1;
        int transp = (used & 1 << TRANSP_BASE) != 0 ? PacketWords.transpStart(packet, data, net, end, buffer) : -1;
        int[] c = code;
        do {
            int base = c[pc + BASE];
            int start = base == NET_BASE ? net : base == TRANSP_BASE ? transp : base == MAC_BASE ? mac : data;
            int pos = start + c[pc + OFFSET];
            if (start >= 0 && pos >= 0 && pos <= end - 4 && c[pc + COUNT] == 1) {
                pc = (buffer.get(PacketWords.INT_BE, pos) & c[pc + MASK]) == c[pc + VALUE] ? c[pc + YES] : c[pc + NO];
            } else {
                pc = step(c, pc, start, pos, end, buffer);
            }
        } while (pc >= 0);
        return -1 - pc;
    }

    /**
     * The next node after node {@code pc} in the cases kept out of {@link #classify}'s loop (so that it stays
     * small enough to be inlined): a word that runs past the packet's end, a short packet, several values.
     */
    private static int step(int[] c, int pc, int start, int pos, int end, MemorySegment buffer) {
        int word;
        if (start >= 0 && pos >= 0 && pos <= end - 4) {
            word = buffer.get(PacketWords.INT_BE, pos);
        } else if (start >= 0 && pos >= 0 && pos <= end - c[pc + NEED]) {
            word = PacketWords.partial(buffer, pos, end);
        } else {
            return c[pc + SHORT];
        }
        int masked = word & c[pc + MASK];
        boolean hit = masked == c[pc + VALUE]
                || c[pc + COUNT] > 1 && contains(c, pc + HEADER, c[pc + COUNT] - 1, masked);
        return hit ? c[pc + YES] : c[pc + NO];
    }

    /** Whether {@code value} is among the {@code count} values at {@code from} (kept out of line: rarer case). */
    private static boolean contains(int[] c, int from, int count, int value) {
        if (count >= BINARY_SEARCH) {
            return java.util.Arrays.binarySearch(c, from, from + count, value) >= 0;
        }
        for (int k = from, stop = from + count; k < stop; k++) {
            if (c[k] == value) {
                return true;
            }
        }
        return false;
    }

    /** The output every packet gets, or -1 if the tree has tests. */
    public int outputEverything() {
        return root < 0 ? -1 - root : -1;
    }

    /** Number of steps: word compares, one per value of a node. */
    public int size() {
        int steps = 0;
        for (int at = 0; at < code.length; at += HEADER + code[at + COUNT] - 1) {
            steps += code[at + COUNT];
        }
        return steps;
    }

    /** Number of nodes (a node with several values counts once). */
    public int nodeCount() {
        int nodes = 0;
        for (int at = 0; at < code.length; at += HEADER + code[at + COUNT] - 1) {
            nodes++;
        }
        return nodes;
    }

    /** Whether some packet can reach {@code output}. */
    public boolean reaches(int output) {
        if (root < 0) {
            return -1 - root == output;
        }
        for (int at = 0; at < code.length; at += HEADER + code[at + COUNT] - 1) {
            if (code[at + YES] == leaf(output) || code[at + NO] == leaf(output)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tree in Click's program format: one line per step, {@code OFFSET/VALUE%MASK  yes->X  no->Y}, where X
     * and Y are {@code step N} or an output {@code [N]} ({@code [X]} drops), and {@code short->yes} marks steps
     * that send packets too short for them along the yes edge. A node with several values shows one step per
     * value, each failing to the next. Offsets of IPFilter tests are shown as Click does: MAC from 0, network
     * header from 256, transport header from 512.
     */
    public String unparse() {
        Map<Integer, Integer> stepAt = new HashMap<>();
        int steps = 0;
        for (int at = 0; at < code.length; at += HEADER + code[at + COUNT] - 1) {
            stepAt.put(at, steps);
            steps += code[at + COUNT];
        }
        StringBuilder sb = new StringBuilder();
        for (int at = 0; at < code.length; at += HEADER + code[at + COUNT] - 1) {
            int offset = clickOffset(code[at + BASE], code[at + OFFSET]);
            int count = code[at + COUNT];
            for (int k = 0; k < count; k++) {
                int step = stepAt.get(at) + k;
                sb.append(step < 10 ? " " : "").append(step).append(' ');
                int value = k == 0 ? code[at + VALUE] : code[at + HEADER + k - 1];
                sb.append(String.format("%3d/%08x%%%08x", offset, value, code[at + MASK]));
                String no = k + 1 < count ? "step " + (step + 1) : jump(code[at + NO], stepAt);
                sb.append("  yes->").append(jump(code[at + YES], stepAt)).append("  no->").append(no);
                if (code[at + SHORT] == code[at + YES] && code[at + YES] != code[at + NO]) {
                    sb.append("  short->yes");
                }
                sb.append('\n');
            }
        }
        if (root < 0) {
            int all = -1 - root;
            sb.append("all->[").append(all == DROP ? "X" : Integer.toString(all)).append("]\n");
        }
        sb.append("safe length ").append(safeLength).append('\n');
        sb.append("alignment offset 0\n");
        return sb.toString();
    }

    /** The offset as Click prints it: IPFilter's MAC, network and transport words from 0, 256 and 512. */
    static int clickOffset(int base, int offset) {
        return offset + switch (Expr.Base.values()[base]) {
            case DATA, MAC -> 0;
            case NET -> 256;
            case TRANSP -> 512;
        };
    }

    private static String jump(int target, Map<Integer, Integer> stepAt) {
        if (target >= 0) {
            return "step " + stepAt.get(target);
        }
        int output = -1 - target;
        return output == DROP ? "[X]" : "[" + output + "]";
    }
}
