package dev.junction.engine.check;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.Landmark;
import java.util.List;

/**
 * Click's {@code check_hookup_range}: each element gets the port counts its connections use, moved into the
 * range its class allows; then every connection to a port beyond those counts is an error.
 */
final class PortCountCheck {
    private PortCountCheck() {
    }

    /** Counts every element's ports and reports connections to ports that do not exist. */
    static PortLayout run(List<FlatElement> elements, ClassCodes[] codes, ConnectionTable connections,
            Diagnostics diagnostics) {
        int n = elements.size();
        int[] inputs = new int[n];
        int[] outputs = new int[n];
        for (int i = 0; i < connections.size(); i++) {
            FlatConnection c = connections.get(i);
            inputs[c.to()] = Math.max(inputs[c.to()], c.toPort() + 1);
            outputs[c.from()] = Math.max(outputs[c.from()], c.fromPort() + 1);
        }
        for (int e = 0; e < n; e++) {
            PortCount portCount = codes[e].portCount();
            if (portCount == null) {
                // Click leaves such an element without ports
                diagnostics.error(Landmark.NONE, Declarations.of(elements.get(e)) + ": bad port count");
                inputs[e] = 0;
                outputs[e] = 0;
            } else {
                inputs[e] = portCount.inputCount(inputs[e]);
                outputs[e] = portCount.outputCount(outputs[e], inputs[e]);
            }
        }
        reportMissingPorts(elements, connections, inputs, outputs, diagnostics);
        return new PortLayout(inputs, outputs);
    }

    private static void reportMissingPorts(List<FlatElement> elements, ConnectionTable connections, int[] inputs,
            int[] outputs, Diagnostics diagnostics) {
        // Click removes a bad connection by moving the last one into its place, which decides the order of the
        // messages that follow; do the same.
        int[] pending = new int[connections.size()];
        for (int i = 0; i < pending.length; i++) {
            pending[i] = i;
        }
        int size = pending.length;
        int at = 0;
        while (at < size) {
            FlatConnection c = connections.get(pending[at]);
            boolean bad = missing(elements.get(c.to()), "input", c.toPort(), inputs[c.to()], diagnostics);
            bad |= missing(elements.get(c.from()), "output", c.fromPort(), outputs[c.from()], diagnostics);
            if (bad) {
                pending[at] = pending[--size];
            } else {
                at++;
            }
        }
    }

    private static boolean missing(FlatElement element, String side, int port, int count, Diagnostics diagnostics) {
        if (port < count) {
            return false;
        }
        diagnostics.error(element.landmark(), Declarations.quoted(element) + " has no " + side + " " + port);
        return true;
    }
}
