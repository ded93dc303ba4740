package dev.junction.element;

import dev.junction.packet.PacketBatch;

/**
 * One output port of an element: where its pushed batches go. The engine connects it; elements only push.
 * Each port counts the packets that cross it, which costs one add per batch and feeds the shell's tables.
 */
public final class Output {
    private final Element owner;
    private final int port;
    private Element target;
    private int targetPort;
    private long packets;

    /** Creates output {@code port} of {@code owner}, not yet connected. */
    public Output(Element owner, int port) {
        this.owner = owner;
        this.port = port;
    }

    /** Pushes {@code batch} to the connected input; an empty batch is not passed on. See {@link Element#push}. */
    public void push(PacketBatch batch) {
        int size = batch.size();
        if (size == 0) {
            return;
        }
        Element downstream = target;
        if (downstream == null) {
            throw new IllegalStateException("output " + port + " of " + owner.name() + " is not connected");
        }
        packets += size;
        downstream.push(targetPort, batch);
    }

    /** Connects this output to input {@code inputPort} of {@code element} (the engine's call). */
    public void connect(Element element, int inputPort) {
        target = element;
        targetPort = inputPort;
    }

    /** Whether the port is connected. */
    public boolean isConnected() {
        return target != null;
    }

    /** The element this port pushes to, or {@code null}. */
    public Element target() {
        return target;
    }

    /** The input port of {@link #target()} this port pushes to. */
    public int targetPort() {
        return targetPort;
    }

    /** This port's number. */
    public int port() {
        return port;
    }

    /** Packets pushed through this port so far. */
    public long packetCount() {
        return packets;
    }
}
