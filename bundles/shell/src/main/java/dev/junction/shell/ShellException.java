package dev.junction.shell;

import java.util.List;

/**
 * A user mistake or a refusal the shell reports as plain lines on the error stream, never as a stack trace:
 * a wrong argument, an unknown router, or the errors of a configuration.
 */
final class ShellException extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // List.copyOf gives a serializable list
    private final List<String> lines;

    /** One line of error. */
    ShellException(String line) {
        this(List.of(line));
    }

    /** Several lines, for example every error of a configuration. */
    ShellException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    /** The lines to print. */
    List<String> lines() {
        return lines;
    }
}
