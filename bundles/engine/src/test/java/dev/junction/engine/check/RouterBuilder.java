package dev.junction.engine.check;

import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import java.util.ArrayList;
import java.util.List;

/** Builds flat routers by hand, as a parser would: elements with landmarks, connections in written order. */
final class RouterBuilder {
    private final String file;
    private final List<FlatElement> elements = new ArrayList<>();
    private final List<FlatConnection> connections = new ArrayList<>();
    private int line = 1;

    RouterBuilder(String file) {
        this.file = file;
    }

    /** Moves to line {@code number}: later elements and connections are written there. */
    RouterBuilder line(int number) {
        line = number;
        return this;
    }

    /** Declares {@code name :: className} on the current line. */
    RouterBuilder element(String name, String className) {
        elements.add(new FlatElement(name, className, "", new Landmark(file, line)));
        return this;
    }

    /** Connects {@code from[fromPort] -> [toPort]to}. */
    RouterBuilder connect(String from, int fromPort, String to, int toPort) {
        connections.add(new FlatConnection(index(from), fromPort, index(to), toPort, new Landmark(file, line)));
        return this;
    }

    /** Connects each element to the next, output 0 to input 0. */
    RouterBuilder chain(String... names) {
        for (int i = 0; i + 1 < names.length; i++) {
            connect(names[i], 0, names[i + 1], 0);
        }
        return this;
    }

    private int index(String name) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no element " + name);
    }

    FlatRouter build() {
        return new FlatRouter(elements, connections, List.of());
    }
}
