package dev.junction.engine.check;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.FlatRouter;
import java.util.Arrays;

/**
 * The checks Click runs on a router before configuring any element, in Click's order and with Click's words.
 *
 * <ol>
 * <li>Every element's class must be known: {@code unknown element class 'X'}, once per class, at the first
 * element of that class. Click's lexer reports this and then does not initialize the router, so the checks
 * stop here.
 * <li>Connections must name existing elements and non-negative ports ({@code bad element number}, a parser
 * bug if ever seen).
 * <li>Port counts: each element gets the counts its connections use, moved into its class's range; a
 * connection to a port beyond them is an error ({@code 'x :: C' has no input 2}). Errors here stop the checks.
 * <li>Push and pull: resolved through agnostic ports and flow codes; {@code 'a :: A' push output 0 connected to
 * 'b :: B' pull input 0} and {@code agnostic 'x :: C' in mixed context: push input 0, pull output 0} (Click
 * gives these no landmark). Errors here stop the checks.
 * <li>Completeness: {@code illegal reuse of 'x :: C' push output 0} (or {@code pull input}), then
 * {@code 'x :: C' input 1 unused} (or {@code output}).
 * </ol>
 *
 * <p>A class whose port-count, processing or flow-code string does not parse is reported per element, without a
 * landmark, where Click would read the string: {@code x :: C: bad port count}, {@code x :: C: bad processing
 * code}, {@code 'x :: C' flow code: missing ']'}.
 *
 * <p>Two things are left to the caller, as in Click: not running the checks when parsing reported errors, and
 * printing {@code Router could not be initialized!} when a router fails the checks, configuration or
 * initialization (but not for unknown classes, which Click reports while parsing).
 */
public final class RouterChecks {
    private RouterChecks() {
    }

    /**
     * Checks {@code router} against the classes of {@code catalog}, adding every error to {@code diagnostics},
     * and returns the router with its port counts and push/pull processing.
     */
    public static CheckedRouter check(FlatRouter router, ElementClassCatalog catalog, Diagnostics diagnostics) {
        var elements = router.elements();
        ClassCodes[] codes = ClassTable.resolve(elements, catalog, diagnostics);
        ConnectionTable connections = codes == null ? null
                : ConnectionTable.of(router.connections(), elements.size(), diagnostics);
        if (connections == null) {
            return unchecked(router);
        }
        int before = diagnostics.errorCount();
        PortLayout layout = PortCountCheck.run(elements, codes, connections, diagnostics);
        if (diagnostics.errorCount() != before) {
            return new CheckedRouter(router, connections.written(), layout, unresolved(layout.totalInputs()),
                    unresolved(layout.totalOutputs()), false);
        }
        PushPullResolution.Ports ports = PushPullResolution.run(elements, codes, layout, connections, diagnostics);
        if (diagnostics.errorCount() == before) {
            CompletenessCheck.run(elements, layout, connections, ports.inputs(), ports.outputs(), diagnostics);
        }
        boolean passed = diagnostics.errorCount() == before;
        return new CheckedRouter(router, connections.written(), layout, ports.inputs(), ports.outputs(), passed);
    }

    private static CheckedRouter unchecked(FlatRouter router) {
        PortLayout none = new PortLayout(new int[router.elements().size()], new int[router.elements().size()]);
        return new CheckedRouter(router, router.connections(), none, new Processing[0], new Processing[0], false);
    }

    private static Processing[] unresolved(int count) {
        Processing[] ports = new Processing[count];
        Arrays.fill(ports, Processing.AGNOSTIC);
        return ports;
    }
}
