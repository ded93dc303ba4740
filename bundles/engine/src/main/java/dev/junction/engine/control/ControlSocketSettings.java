package dev.junction.engine.control;

/**
 * Limits and policy of a {@link ControlSocketServer}. Every limit bounds memory or threads against clients
 * that misbehave; Click itself has none of them.
 *
 * @param maxClients    connections served at once; one more is told so and closed
 * @param maxLineLength bytes in a command line; a longer line is discarded and answered with a syntax error
 * @param maxDataLength bytes of data a command may carry (READDATA, WRITEDATA, READUNTIL, WRITEUNTIL);
 *                      larger data is read and discarded, then answered with {@link ReplyCode#DATA_TOO_BIG}
 * @param readOnly      refuse every write, as Click's {@code READONLY} keyword does
 */
public record ControlSocketSettings(int maxClients, int maxLineLength, int maxDataLength, boolean readOnly) {
    /** 32 clients, 64 KiB lines, 8 MiB of data per command, writes allowed. */
    public static final ControlSocketSettings DEFAULTS = new ControlSocketSettings(32, 64 * 1024, 8 * 1024 * 1024,
            false);

    /** Checks the limits: at least one client and one byte per line, no negative data length. */
    public ControlSocketSettings {
        if (maxClients < 1 || maxLineLength < 1 || maxDataLength < 0) {
            throw new IllegalArgumentException("impossible ControlSocket limits: " + maxClients + " clients, "
                    + maxLineLength + " bytes per line, " + maxDataLength + " bytes of data");
        }
    }

    /** These settings with writes allowed or refused. */
    public ControlSocketSettings withReadOnly(boolean refuseWrites) {
        return new ControlSocketSettings(maxClients, maxLineLength, maxDataLength, refuseWrites);
    }
}
