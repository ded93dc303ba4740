package dev.junction.engine.lang;

import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a flat router as click-flatten does: {@code require(...)}, {@code define(...)}, then each element's
 * declaration after a {@code # LINE "FILE"} directive, then a {@code # N ""} directive and the connections
 * as maximal chains ({@code a -> b\n    -> c;}), continuing a chain through input 0 when it can.
 */
final class FlatPrinter {
    private FlatPrinter() {
    }

    /** The text of {@code router}, with {@code defines} (name, value pairs) printed as Click does. */
    static String print(FlatRouter router, List<String[]> defines) {
        StringBuilder sb = new StringBuilder();
        printRequirements(sb, router.requirements());
        if (!defines.isEmpty()) {
            sb.append("define(");
            for (int i = 0; i < defines.size(); i++) {
                sb.append(i > 0 ? ", " : "").append('$').append(defines.get(i)[0]).append(' ').append(defines.get(i)[1]);
            }
            sb.append(");\n\n");
        }
        for (FlatElement e : router.elements()) {
            lineDirective(sb, e.landmark());
            sb.append(e.name()).append(" :: ").append(e.className());
            if (!e.configuration().isEmpty()) {
                sb.append('(').append(e.configuration()).append(')');
            }
            sb.append(";\n");
        }
        printConnections(sb, router);
        return sb.toString();
    }

    private static void printRequirements(StringBuilder sb, List<String> requirements) {
        if (requirements.isEmpty()) {
            return;
        }
        sb.append("require(");
        for (int i = 0; i < requirements.size(); i++) {
            String r = requirements.get(i);
            int space = r.indexOf(' ');
            sb.append(i > 0 ? ", " : "").append(space < 0 ? r : r.substring(0, space));
            if (space >= 0 && space + 1 < r.length()) {
                sb.append(' ').append(ConfigStrings.quote(r.substring(space + 1)));
            }
        }
        sb.append(");\n\n");
    }

    private static void lineDirective(StringBuilder sb, Landmark landmark) {
        if (landmark.file().isEmpty()) {
            sb.append("# 0 \"\"\n");
        } else {
            sb.append("# ").append(landmark.line()).append(" \"").append(landmark.file()).append("\"\n");
        }
    }

    private record End(int element, int port) {
    }

    private static void printConnections(StringBuilder sb, FlatRouter router) {
        List<FlatConnection> conns = router.connections();
        int nc = conns.size();
        if (nc == 0) {
            return;
        }
        Map<End, List<Integer>> bySource = new HashMap<>();
        for (int d = 0; d < nc; d++) {
            FlatConnection c = conns.get(d);
            bySource.computeIfAbsent(new End(c.from(), c.fromPort()), k -> new ArrayList<>()).add(d);
        }
        int[] next = new int[nc];
        boolean[] startsChain = new boolean[nc];
        java.util.Arrays.fill(next, -1);
        java.util.Arrays.fill(startsChain, true);
        for (int c = 0; c < nc; c++) {
            FlatConnection conn = conns.get(c);
            if (conn.toPort() != 0) {
                continue;
            }
            int result = -1;
            for (int d : bySource.getOrDefault(new End(conn.to(), 0), List.of())) {
                if (d != c) {
                    result = d;
                    if (conns.get(d).toPort() == 0) {
                        break; // prefer continuing into input 0
                    }
                }
            }
            if (result >= 0) {
                next[c] = result;
                startsChain[result] = false;
            }
        }
        int lines = 1;
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) == '\n') {
                lines++;
            }
        }
        sb.append("# ").append(lines + 1).append(" \"\"\n");
        boolean[] used = new boolean[nc];
        boolean done = false;
        while (!done) {
            for (int c = 0; c < nc; c++) {
                if (used[c] || !startsChain[c]) {
                    continue;
                }
                FlatConnection first = conns.get(c);
                sb.append(name(router, first.from()));
                if (first.fromPort() != 0) {
                    sb.append(" [").append(first.fromPort()).append(']');
                }
                for (int d = c; d >= 0 && !used[d]; d = next[d]) {
                    sb.append(d == c ? " -> " : "\n    -> ");
                    FlatConnection conn = conns.get(d);
                    if (conn.toPort() != 0) {
                        sb.append('[').append(conn.toPort()).append("] ");
                    }
                    sb.append(name(router, conn.to()));
                    used[d] = true;
                }
                sb.append(";\n");
            }
            // cycles have no chain start: start one at the first unused connection
            done = true;
            for (int c = 0; c < nc && done; c++) {
                if (!used[c]) {
                    startsChain[c] = true;
                    done = false;
                }
            }
        }
    }

    private static String name(FlatRouter router, int index) {
        return router.elements().get(index).name();
    }
}
