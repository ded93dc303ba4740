package dev.junction.engine.control;

/**
 * The reply codes of Click's ControlSocket, with the numbers Click sends. Codes {@code 2xx} mean success,
 * {@code 5xx} failure.
 */
public enum ReplyCode {
    /** 200: the command succeeded. */
    OK(200),
    /** 220: the command succeeded but the handler reported warnings. */
    OK_WITH_WARNINGS(220),
    /** 500: the command line or its data is malformed. */
    SYNTAX_ERROR(500),
    /** 501: the command is unknown, or cannot be carried out remotely. */
    UNIMPLEMENTED(501),
    /** 510: the handler names an element the router does not have. */
    NO_SUCH_ELEMENT(510),
    /** 511: the element has no such handler, or it is not readable/writable (CHECKREAD, CHECKWRITE). */
    NO_SUCH_HANDLER(511),
    /** 520: a write handler refused its value. */
    HANDLER_ERROR(520),
    /** 521: the data sent with a command is larger than the server accepts. */
    DATA_TOO_BIG(521),
    /** 522: an LLRPC failed. */
    LLRPC_ERROR(522),
    /** 530: reading a write-only handler, writing a read-only one, or writing to a read-only server. */
    PERMISSION_DENIED(530),
    /** 540: no router is installed. */
    NO_ROUTER(540),
    /** 590: any other failure; Click's code for a read handler that reported an error. */
    UNSPECIFIED(590);

    private final int number;

    ReplyCode(int number) {
        this.number = number;
    }

    /** The three-digit number sent on the wire. */
    public int number() {
        return number;
    }

    /** Whether a reply number means success ({@code 2xx}), as Click's clients test it. */
    public static boolean isSuccess(int number) {
        return number >= 200 && number < 300;
    }
}
