package dev.junction.router;

/**
 * One live edit of a router's graph. Edits are applied to the flat configuration in order and swapped in
 * together ({@link RouterControl#edit}), so that a group like "add t, disconnect c from d, connect c to t and t
 * to d" is checked as a whole: each step alone would leave ports unused, which the checks refuse.
 */
public sealed interface GraphEdit {
    /** Adds element {@code name :: className(configuration)}. */
    record AddElement(String name, String className, String configuration) implements GraphEdit {
    }

    /** Removes element {@code name} with its connections. */
    record RemoveElement(String name) implements GraphEdit {
    }

    /** Connects output {@code fromPort} of {@code from} to input {@code toPort} of {@code to}. */
    record Connect(String from, int fromPort, String to, int toPort) implements GraphEdit {
    }

    /** Removes the connection from output {@code fromPort} of {@code from} to input {@code toPort} of {@code to}. */
    record Disconnect(String from, int fromPort, String to, int toPort) implements GraphEdit {
    }

    /** Gives element {@code name} a new configuration string; it keeps its state. */
    record Reconfigure(String name, String configuration) implements GraphEdit {
    }
}
