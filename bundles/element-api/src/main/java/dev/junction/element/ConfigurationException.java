package dev.junction.element;

import java.util.List;

/**
 * A configuration that cannot be used, with every problem found in it: Click reports all errors of a
 * configuration at once, and so does Junction. The message is the errors joined by newlines.
 */
public class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // List.copyOf gives a serializable list
    private final List<String> errors;

    /** One problem. */
    public ConfigurationException(String message) {
        this(List.of(message));
    }

    /**
     * Several problems, in the order they were found.
     *
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public ConfigurationException(List<String> errors) {
        super(String.join("\n", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The problems, one message each, in the order they were found. */
    public List<String> errors() {
        return errors;
    }
}
