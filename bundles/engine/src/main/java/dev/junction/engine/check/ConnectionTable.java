package dev.junction.engine.check;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.Landmark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A router's connections as Click's router holds them: duplicates dropped (a connection written twice is not
 * an error) and sorted by input end, then output end. Click reports errors in this order, not in the order
 * the connections were written. A second order, by output end then input end, serves the checks of outputs.
 */
final class ConnectionTable {
    private static final Comparator<FlatConnection> BY_INPUT = Comparator.comparingInt(FlatConnection::to)
            .thenComparingInt(FlatConnection::toPort)
            .thenComparingInt(FlatConnection::from)
            .thenComparingInt(FlatConnection::fromPort);

    private final FlatConnection[] sorted;
    private final int[] byOutput;
    private final List<FlatConnection> written;

    private ConnectionTable(FlatConnection[] sorted, int[] byOutput, List<FlatConnection> written) {
        this.sorted = sorted;
        this.byOutput = byOutput;
        this.written = written;
    }

    /**
     * Builds the table, or returns {@code null} after reporting connections whose element or port numbers are
     * impossible (Click's {@code bad element number} and {@code bad port number}, which no parser should cause).
     */
    static ConnectionTable of(List<FlatConnection> connections, int elementCount, Diagnostics diagnostics) {
        if (!numbersValid(connections, elementCount, diagnostics)) {
            return null;
        }
        Integer[] order = new Integer[connections.size()];
        Arrays.setAll(order, i -> i);
        // stable, so the first of equal connections is the one written first
        Arrays.sort(order, Comparator.comparing(connections::get, BY_INPUT));
        List<Integer> kept = new ArrayList<>(order.length);
        for (int i = 0; i < order.length; i++) {
            // equal ends make a duplicate, wherever each was written
            if (i == 0 || BY_INPUT.compare(connections.get(order[i]), connections.get(order[i - 1])) != 0) {
                kept.add(order[i]);
            }
        }
        FlatConnection[] sorted = kept.stream().map(connections::get).toArray(FlatConnection[]::new);
        Integer[] outputOrder = new Integer[sorted.length];
        Arrays.setAll(outputOrder, i -> i);
        Arrays.sort(outputOrder, Comparator.<Integer>comparingInt(i -> sorted[i].from())
                .thenComparingInt(i -> sorted[i].fromPort())
                .thenComparingInt(i -> sorted[i].to())
                .thenComparingInt(i -> sorted[i].toPort()));
        List<FlatConnection> written = kept.stream().sorted().map(connections::get).toList();
        return new ConnectionTable(sorted, Arrays.stream(outputOrder).mapToInt(Integer::intValue).toArray(), written);
    }

    private static boolean numbersValid(List<FlatConnection> connections, int elementCount, Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        for (FlatConnection c : connections) {
            checkEnd(c.to(), c.toPort(), elementCount, diagnostics);
            checkEnd(c.from(), c.fromPort(), elementCount, diagnostics);
        }
        return diagnostics.errorCount() == before;
    }

    private static void checkEnd(int element, int port, int elementCount, Diagnostics diagnostics) {
        if (element < 0 || element >= elementCount) {
            diagnostics.error(Landmark.NONE, "bad element number '" + element + "'");
        }
        if (port < 0) {
            diagnostics.error(Landmark.NONE, "bad port number '" + port + "'");
        }
    }

    /** Number of distinct connections. */
    int size() {
        return sorted.length;
    }

    /** Connection {@code i} in input order (by input end, then output end). */
    FlatConnection get(int i) {
        return sorted[i];
    }

    /** The position in input order of the {@code i}th connection in output order (by output end, then input end). */
    int byOutput(int i) {
        return byOutput[i];
    }

    /** The distinct connections in the order they were written. */
    List<FlatConnection> written() {
        return written;
    }
}
