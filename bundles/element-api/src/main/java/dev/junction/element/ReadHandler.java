package dev.junction.element;

/** A read handler: returns a value as text, as Click's read handlers do. */
@FunctionalInterface
public interface ReadHandler {
    /** Returns the handler's current value. */
    String read() throws HandlerException;
}
