package dev.junction.engine.check;

import dev.junction.engine.graph.FlatElement;

/** How Click names an element in its messages. */
final class Declarations {
    private Declarations() {
    }

    /** {@code name :: Class}, Click's {@code Element::declaration()}. */
    static String of(FlatElement element) {
        return element.name() + " :: " + element.className();
    }

    /** {@code 'name :: Class'}, the declaration as most messages quote it. */
    static String quoted(FlatElement element) {
        return "'" + of(element) + "'";
    }
}
