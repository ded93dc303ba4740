package dev.junction.engine.runtime;

import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import dev.junction.router.GraphEdit;
import dev.junction.router.RouterException;
import java.util.ArrayList;
import java.util.List;

/**
 * Live edits as edits of the flat configuration: each returns the edited {@link FlatRouter}, which the router
 * prints and hot-swaps in, so that an edit is checked exactly as a new configuration is. Only what the flat
 * configuration cannot say is checked here (the element to edit must exist, a new name must be free).
 */
final class GraphEdits {
    private GraphEdits() {
    }

    /** Applies {@code edits} in order; the first that cannot apply throws, and nothing has changed. */
    static FlatRouter apply(FlatRouter router, List<GraphEdit> edits) throws RouterException {
        FlatRouter edited = router;
        for (GraphEdit edit : edits) {
            edited = switch (edit) {
                case GraphEdit.AddElement add -> addElement(edited, add.name(), add.className(), add.configuration());
                case GraphEdit.RemoveElement remove -> removeElement(edited, remove.name());
                case GraphEdit.Connect connect -> connect(edited, connect.from(), connect.fromPort(), connect.to(),
                        connect.toPort());
                case GraphEdit.Disconnect disconnect -> disconnect(edited, disconnect.from(), disconnect.fromPort(),
                        disconnect.to(), disconnect.toPort());
                case GraphEdit.Reconfigure reconfigure -> reconfigure(edited, reconfigure.name(),
                        reconfigure.configuration());
            };
        }
        return edited;
    }

    private static FlatRouter addElement(FlatRouter router, String name, String className, String configuration)
            throws RouterException {
        if (router.indexOf(name) >= 0) {
            throw new RouterException(List.of("element '" + name + "' already exists"));
        }
        List<FlatElement> elements = new ArrayList<>(router.elements());
        elements.add(new FlatElement(name, className, configuration, Landmark.NONE));
        return new FlatRouter(elements, router.connections(), router.requirements());
    }

    private static FlatRouter removeElement(FlatRouter router, String name) throws RouterException {
        int removed = existing(router, name);
        List<FlatElement> elements = new ArrayList<>(router.elements());
        elements.remove(removed);
        List<FlatConnection> connections = new ArrayList<>();
        for (FlatConnection c : router.connections()) {
            if (c.from() != removed && c.to() != removed) {
                connections.add(new FlatConnection(shift(c.from(), removed), c.fromPort(), shift(c.to(), removed),
                        c.toPort(), c.landmark()));
            }
        }
        return new FlatRouter(elements, connections, router.requirements());
    }

    private static FlatRouter connect(FlatRouter router, String from, int fromPort, String to, int toPort)
            throws RouterException {
        FlatConnection added = new FlatConnection(existing(router, from), fromPort, existing(router, to), toPort,
                Landmark.NONE);
        List<FlatConnection> connections = new ArrayList<>(router.connections());
        connections.add(added);
        return new FlatRouter(router.elements(), connections, router.requirements());
    }

    private static FlatRouter disconnect(FlatRouter router, String from, int fromPort, String to, int toPort)
            throws RouterException {
        int fromIndex = existing(router, from);
        int toIndex = existing(router, to);
        List<FlatConnection> connections = new ArrayList<>(router.connections());
        boolean removed = connections.removeIf(c -> c.from() == fromIndex && c.fromPort() == fromPort
                && c.to() == toIndex && c.toPort() == toPort);
        if (!removed) {
            throw new RouterException(List.of("no connection " + from + " [" + fromPort + "] -> [" + toPort + "] "
                    + to));
        }
        return new FlatRouter(router.elements(), connections, router.requirements());
    }

    private static FlatRouter reconfigure(FlatRouter router, String name, String configuration) throws RouterException {
        int index = existing(router, name);
        List<FlatElement> elements = new ArrayList<>(router.elements());
        FlatElement old = elements.get(index);
        elements.set(index, new FlatElement(old.name(), old.className(), configuration, old.landmark()));
        return new FlatRouter(elements, router.connections(), router.requirements());
    }

    private static int existing(FlatRouter router, String name) throws RouterException {
        int index = router.indexOf(name);
        if (index < 0) {
            throw new RouterException(List.of("no element named '" + name + "'"));
        }
        return index;
    }

    private static int shift(int index, int removed) {
        return index > removed ? index - 1 : index;
    }
}
