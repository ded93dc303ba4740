package dev.junction.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.ElementClassInfo;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Push/pull resolution computes the outcome of Click's repeated sweep without sweeping. This test sweeps, line
 * by line as Click's {@code Router::check_push_and_pull} does, over random routers, and compares the resolved
 * ports and the messages, in order.
 */
class ClickSweepEquivalenceTest {
    private static final String[] PROCESSING = {"a", "h", "l", "a/ah", "h/lh", "l/h", "al/ha", "ah/la", "a/l", "h/a"};
    private static final String[] FLOW = {"x/x", "x/y", "#/#", "#/[^#]", "xy/[xy]x", "xy/x", "[^x]/x", "xyz/zyx"};
    private static final ElementClassCatalog CATALOG = name -> {
        String[] parts = name.split(" ");
        return new ElementClassInfo(name, "-/-", PROCESSING[Integer.parseInt(parts[0])], FLOW[Integer.parseInt(parts[1])]);
    };

    @Test
    void randomRoutersResolveAsClicksSweep() {
        Random random = new Random(20240611);
        int conflicts = 0;
        for (int round = 0; round < 3000; round++) {
            FlatRouter router = randomRouter(random);
            Diagnostics diagnostics = new Diagnostics();
            CheckedRouter checked = RouterChecks.check(router, CATALOG, diagnostics);
            List<String> ours = diagnostics.messages().stream()
                    .filter(m -> m.contains(" connected to ") || m.contains(" in mixed context: ")).toList();
            Sweep sweep = new Sweep(router, checked);
            assertEquals(sweep.messages, ours, "round " + round);
            for (int e = 0; e < router.elements().size(); e++) {
                for (int p = 0; p < checked.inputCount(e); p++) {
                    assertEquals(sweep.input(e, p), checked.input(e, p), "round " + round + " input " + e + "." + p);
                }
                for (int p = 0; p < checked.outputCount(e); p++) {
                    assertEquals(sweep.output(e, p), checked.output(e, p), "round " + round + " output " + e + "." + p);
                }
            }
            conflicts += ours.size();
        }
        // the random routers must exercise conflicts, not only agreement
        assertTrue(conflicts > 1000, "conflicts: " + conflicts);
    }

    private static FlatRouter randomRouter(Random random) {
        int n = 2 + random.nextInt(25);
        List<FlatElement> elements = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            String cls = random.nextInt(PROCESSING.length) + " " + random.nextInt(FLOW.length);
            elements.add(new FlatElement("e" + e, cls, "", new Landmark("r", e + 1)));
        }
        List<FlatConnection> connections = new ArrayList<>();
        int m = random.nextInt(3 * n);
        for (int c = 0; c < m; c++) {
            connections.add(new FlatConnection(random.nextInt(n), random.nextInt(3), random.nextInt(n),
                    random.nextInt(3), Landmark.NONE));
        }
        return new FlatRouter(elements, connections, List.of());
    }

    /** Click's algorithm, literally: sweep until nothing changes. */
    private static final class Sweep {
        final List<String> messages = new ArrayList<>();
        private final int[] inStart;
        private final int[] outStart;
        private final Processing[] in;
        private final Processing[] out;

        Sweep(FlatRouter router, CheckedRouter counts) {
            int n = router.elements().size();
            inStart = new int[n + 1];
            outStart = new int[n + 1];
            for (int e = 0; e < n; e++) {
                inStart[e + 1] = inStart[e] + counts.inputCount(e);
                outStart[e + 1] = outStart[e] + counts.outputCount(e);
            }
            in = new Processing[inStart[n]];
            out = new Processing[outStart[n]];
            for (int e = 0; e < n; e++) {
                ProcessingCode code = ProcessingCode.parse(CATALOG.find(router.elements().get(e).className()).processing());
                for (int p = 0; p < counts.inputCount(e); p++) {
                    in[inStart[e] + p] = code.input(p);
                }
                for (int p = 0; p < counts.outputCount(e); p++) {
                    out[outStart[e] + p] = code.output(p);
                }
            }
            // Click's Connection order: input end, then output end; duplicates dropped
            TreeSet<int[]> sorted = new TreeSet<>(Comparator.<int[]>comparingInt(c -> c[2]).thenComparingInt(c -> c[3])
                    .thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
            for (FlatConnection c : router.connections()) {
                sorted.add(new int[] {c.from(), c.fromPort(), c.to(), c.toPort()});
            }
            List<int[]> conn = new ArrayList<>(sorted);
            int real = conn.size();
            for (int e = 0; e < n; e++) {
                FlowCode flow = FlowCode.parse(CATALOG.find(router.elements().get(e).className()).flowCode());
                for (int p = 0; p < counts.inputCount(e); p++) {
                    if (in[inStart[e] + p] == Processing.AGNOSTIC) {
                        for (int j = 0; j < counts.outputCount(e); j++) {
                            if (flow.reaches(p, j) && out[outStart[e] + j] == Processing.AGNOSTIC) {
                                conn.add(new int[] {e, j, e, p});
                            }
                        }
                    }
                }
            }
            boolean[] dead = new boolean[conn.size()];
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < conn.size(); i++) {
                    if (dead[i]) {
                        continue;
                    }
                    int[] c = conn.get(i);
                    int gf = outStart[c[0]] + c[1];
                    int gt = inStart[c[2]] + c[3];
                    Processing pf = out[gf];
                    Processing pt = in[gt];
                    if (pt == Processing.AGNOSTIC) {
                        if (pf != Processing.AGNOSTIC) {
                            in[gt] = pf;
                            changed = true;
                        }
                    } else if (pf == Processing.AGNOSTIC) {
                        out[gf] = pt;
                        changed = true;
                    } else if (pf != pt) {
                        messages.add(message(router, c, i >= real, pf));
                        dead[i] = true;
                    }
                }
            }
        }

        private static String message(FlatRouter router, int[] c, boolean agnostic, Processing pf) {
            String other = pf == Processing.PUSH ? "pull" : "push";
            String from = "'" + router.elements().get(c[0]).name() + " :: " + router.elements().get(c[0]).className() + "'";
            String to = "'" + router.elements().get(c[2]).name() + " :: " + router.elements().get(c[2]).className() + "'";
            if (agnostic) {
                return "agnostic " + from + " in mixed context: " + other + " input " + c[3] + ", " + pf.word()
                        + " output " + c[1];
            }
            return from + " " + pf.word() + " output " + c[1] + " connected to " + to + " " + other + " input " + c[3];
        }

        Processing input(int e, int p) {
            Processing v = in[inStart[e] + p];
            return v == Processing.AGNOSTIC ? Processing.PUSH : v;
        }

        Processing output(int e, int p) {
            Processing v = out[outStart[e] + p];
            return v == Processing.AGNOSTIC ? Processing.PUSH : v;
        }
    }
}
