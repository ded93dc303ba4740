package dev.junction.element;

/**
 * A handler's refusal: a value a write handler cannot accept, or a read that cannot be answered. The message
 * is what the caller sees (the shell, {@code click -h}, a ControlSocket error reply).
 */
public final class HandlerException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message to show the caller. */
    public HandlerException(String message) {
        super(message);
    }
}
