package dev.junction.element;

/**
 * A read handler that takes a parameter, as Click's read handlers with parameters do: a route table's
 * {@code lookup} takes the address to look up. Read without a parameter, it receives the empty string.
 */
@FunctionalInterface
public interface ParameterizedReadHandler {
    /** Returns the handler's value for {@code parameter} (empty when none was given). */
    String read(String parameter) throws HandlerException;
}
