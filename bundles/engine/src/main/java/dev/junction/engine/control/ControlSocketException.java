package dev.junction.engine.control;

import java.util.List;

/** A ControlSocket server's refusal: the reply's code (5xx) and its message lines. */
public final class ControlSocketException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    @SuppressWarnings("serial") // List.copyOf gives a serializable list
    private final List<String> messages;

    /** Creates the exception from a reply's code and its lines (without codes). */
    public ControlSocketException(int code, List<String> messages) {
        super(code + " " + String.join("\n", messages));
        this.code = code;
        this.messages = List.copyOf(messages);
    }

    /** The reply code, as {@link ReplyCode#number()} gives them. */
    public int code() {
        return code;
    }

    /** The reply's lines, without their codes; the first says what failed, the others why. */
    public List<String> messages() {
        return messages;
    }
}
