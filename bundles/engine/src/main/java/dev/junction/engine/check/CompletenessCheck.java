package dev.junction.engine.check;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import java.util.List;

/**
 * Click's {@code check_hookup_completeness}: an active port (a push output or a pull input) takes one
 * connection only, and every port takes at least one. Reuse comes first (inputs, then outputs), then unused
 * ports (every element's inputs, then every element's outputs); each message carries the element's landmark.
 */
final class CompletenessCheck {
    private CompletenessCheck() {
    }

    /** Reports reused active ports and unused ports. */
    static void run(List<FlatElement> elements, PortLayout layout, ConnectionTable connections,
            Processing[] inputs, Processing[] outputs, Diagnostics diagnostics) {
        reportInputReuse(elements, layout, connections, inputs, diagnostics);
        reportOutputReuse(elements, layout, connections, outputs, diagnostics);
        boolean[] inputUsed = new boolean[inputs.length];
        boolean[] outputUsed = new boolean[outputs.length];
        for (int i = 0; i < connections.size(); i++) {
            FlatConnection c = connections.get(i);
            inputUsed[layout.input(c.to(), c.toPort())] = true;
            outputUsed[layout.output(c.from(), c.fromPort())] = true;
        }
        for (int e = 0; e < elements.size(); e++) {
            reportUnused(elements.get(e), "input", layout.inputCount(e), inputUsed, layout.input(e, 0), diagnostics);
        }
        for (int e = 0; e < elements.size(); e++) {
            reportUnused(elements.get(e), "output", layout.outputCount(e), outputUsed, layout.output(e, 0),
                    diagnostics);
        }
    }

    private static void reportInputReuse(List<FlatElement> elements, PortLayout layout, ConnectionTable connections,
            Processing[] inputs, Diagnostics diagnostics) {
        for (int i = 1; i < connections.size(); i++) {
            FlatConnection previous = connections.get(i - 1);
            FlatConnection c = connections.get(i);
            if (c.to() == previous.to() && c.toPort() == previous.toPort()
                    && inputs[layout.input(c.to(), c.toPort())] == Processing.PULL) {
                reportReuse(elements.get(c.to()), "pull input", c.toPort(), diagnostics);
            }
        }
    }

    private static void reportOutputReuse(List<FlatElement> elements, PortLayout layout,
            ConnectionTable connections, Processing[] outputs, Diagnostics diagnostics) {
        for (int i = 1; i < connections.size(); i++) {
            FlatConnection previous = connections.get(connections.byOutput(i - 1));
            FlatConnection c = connections.get(connections.byOutput(i));
            if (c.from() == previous.from() && c.fromPort() == previous.fromPort()
                    && outputs[layout.output(c.from(), c.fromPort())] == Processing.PUSH) {
                reportReuse(elements.get(c.from()), "push output", c.fromPort(), diagnostics);
            }
        }
    }

    private static void reportReuse(FlatElement element, String port, int number, Diagnostics diagnostics) {
        diagnostics.error(element.landmark(),
                "illegal reuse of " + Declarations.quoted(element) + " " + port + " " + number);
    }

    private static void reportUnused(FlatElement element, String side, int count, boolean[] used, int first,
            Diagnostics diagnostics) {
        for (int p = 0; p < count; p++) {
            if (!used[first + p]) {
                diagnostics.error(element.landmark(), Declarations.quoted(element) + " " + side + " " + p + " unused");
            }
        }
    }
}
