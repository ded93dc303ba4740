package dev.junction.element;

/** A write handler: takes a value as text and acts on it (for a button handler the value is empty). */
@FunctionalInterface
public interface WriteHandler {
    /** Acts on {@code value}; throws HandlerException with Click-style wording when the value is not acceptable. */
    void write(String value) throws HandlerException;
}
