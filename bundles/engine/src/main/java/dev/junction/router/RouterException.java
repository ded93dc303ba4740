package dev.junction.router;

import java.util.List;

/**
 * A configuration that could not be deployed or swapped in, with every error found (Click reports them all
 * at once, {@code file:line: message}). Whatever was running before is still running, untouched.
 */
public final class RouterException extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // List.copyOf gives a serializable list
    private final List<String> errors;

    /** Creates the exception from the error lines, in the order they were found (at least one). */
    public RouterException(List<String> errors) {
        super(String.join("\n", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a RouterException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The error lines. */
    public List<String> errors() {
        return errors;
    }
}
