package dev.junction.element;

import dev.junction.packet.PacketBatch;

/**
 * One input port of an element: where a pull input takes its packets from. The engine connects it; elements
 * only pull. Each port counts the packets pulled through it.
 */
public final class Input {
    private final Element owner;
    private final int port;
    private Element source;
    private int sourcePort;
    private long packets;

    /** Creates input {@code port} of {@code owner}, not yet connected. */
    public Input(Element owner, int port) {
        this.owner = owner;
        this.port = port;
    }

    /**
     * Pulls up to {@code max} packets (no more than {@code into} has room for) from the connected output,
     * appending them to {@code into}; returns how many were added (0 when upstream has nothing).
     */
    public int pull(PacketBatch into, int max) {
        Element upstream = source;
        if (upstream == null) {
            throw new IllegalStateException("input " + port + " of " + owner.name() + " is not connected");
        }
        int limit = Math.min(max, into.remaining());
        if (limit <= 0) {
            return 0;
        }
        int pulled = upstream.pull(sourcePort, into, limit);
        packets += pulled;
        return pulled;
    }

    /** Connects this input to output {@code outputPort} of {@code element} (the engine's call). */
    public void connect(Element element, int outputPort) {
        source = element;
        sourcePort = outputPort;
    }

    /** Whether the port is connected. */
    public boolean isConnected() {
        return source != null;
    }

    /** The element this port pulls from, or {@code null}. */
    public Element source() {
        return source;
    }

    /** The output port of {@link #source()} this port pulls from. */
    public int sourcePort() {
        return sourcePort;
    }

    /** This port's number. */
    public int port() {
        return port;
    }

    /** Packets pulled through this port so far. */
    public long packetCount() {
        return packets;
    }
}
