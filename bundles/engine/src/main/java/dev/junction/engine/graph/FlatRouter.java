package dev.junction.engine.graph;

import java.util.List;

/**
 * A configuration with every compound expanded: primitive elements, in declaration order, the connections
 * between them, in the order they were written, and the requirements ({@code require(...)}) it states.
 * It is what the checks, the runtime and {@code click-flatten} work on.
 */
public record FlatRouter(List<FlatElement> elements, List<FlatConnection> connections, List<String> requirements) {
    /** Copies the lists, so that a FlatRouter never changes. */
    public FlatRouter {
        elements = List.copyOf(elements);
        connections = List.copyOf(connections);
        requirements = List.copyOf(requirements);
    }

    /** Index of the element named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
