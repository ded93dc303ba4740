package dev.junction.packet;

/**
 * The one exception type for misuse of a {@link Packet}, {@link PacketBatch} or {@link PacketPool} by
 * element code: an access outside the packet's data, a push past its headroom, a packet freed twice.
 * It is raised before any memory is touched, so a faulty element never corrupts another packet.
 */
public final class PacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names what was wrong and the limits that applied. */
    public PacketException(String message) {
        super(message);
    }
}
