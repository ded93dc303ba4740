package dev.junction.engine.check;

/**
 * A port-count, processing or flow-code string that does not follow Click's syntax. Such a string is a bug of
 * the element class that declares it, not of the configuration that uses the class.
 */
public final class CodeSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    CodeSyntaxException(String kind, String code, String reason) {
        super("bad " + kind + " '" + code + "': " + reason);
        this.reason = reason;
    }

    /** What is wrong, without the string itself, for example {@code missing ']'}. */
    public String reason() {
        return reason;
    }
}
