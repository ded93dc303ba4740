package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.Output;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;

/**
 * One preallocated batch per output port of a push element that spreads the packets of a batch over its
 * outputs (the switches, classifiers, route lookups, Tee, Hub, EtherSwitch): packets are gathered per port, a batch that fills is pushed at once, and
 * {@link #flush()} pushes what is left, port by port, so that each output gets one push per incoming batch
 * (more only for batches larger than the gathering ones). Nothing is allocated after construction.
 */
public final class OutputBatches {
    /** Spare batches kept for re-entrant pushes; beyond these a loop allocates (and the spares are reused). */
    private static final int SPARES = 8;

    private final Element owner;
    private final PacketBatch[] batches;
    private final PacketBatch[] spares = new PacketBatch[SPARES];
    private int spareCount;

    /** Batches for every output of {@code owner}, whose ports must be attached. */
    public OutputBatches(Element owner) {
        this.owner = owner;
        batches = new PacketBatch[owner.outputCount()];
        for (int port = 0; port < batches.length; port++) {
            batches[port] = new PacketBatch();
        }
    }

    /** Gathers {@code packet} for output {@code port} (0 to outputCount - 1). */
    public void add(int port, Packet packet) {
        PacketBatch gathered = batches[port];
        gathered.add(packet);
        if (gathered.isFull()) {
            flush(port);
        }
    }

    /**
     * Gathers a copy of each of packets {@code from..size-1} of {@code source} for output {@code port}; a packet
     * whose copy the pool cannot give is left out for that port, as Click does when a clone fails.
     */
    public void addCopies(int port, PacketBatch source, int from) {
        for (int i = from, size = source.size(); i < size; i++) {
            Packet copy = source.get(i).copy();
            if (copy != null) {
                add(port, copy);
            }
        }
    }

    /**
     * Pushes output {@code port}'s gathered packets, if any. The batch is detached first: what it reaches may lead
     * back into the owner (an ICMPError routed back into the router's output path, an ARPResponder answering an
     * ARPQuerier), and the re-entrant call gathers into a spare batch instead of the one being pushed.
     */
    public void flush(int port) {
        PacketBatch gathered = batches[port];
        if (gathered.isEmpty()) {
            return;
        }
        batches[port] = spareCount > 0 ? spares[--spareCount] : new PacketBatch();
        owner.output(port).push(gathered);
        gathered.clear();
        if (spareCount < SPARES) {
            spares[spareCount++] = gathered;
        }
    }

    /** Pushes every non-empty gathered batch, in port order. */
    public void flush() {
        for (int port = 0; port < batches.length; port++) {
            flush(port);
        }
    }

    /**
     * Pushes the first {@code count} packets of {@code batch} to {@code output} through {@code scratch} (empty,
     * and cleared again afterwards), in chunks of its capacity, and leaves the other packets, in order, at the
     * front of {@code batch}: for an element that must send part of a batch on before it acts on the rest.
     * {@code batch} itself is never lent downstream here, so its remaining packets are safe.
     */
    static void pushFront(Output output, PacketBatch batch, int count, PacketBatch scratch) {
        Packet[] packets = batch.array();
        for (int sent = 0; sent < count; ) {
            int chunk = Math.min(count - sent, scratch.capacity());
            System.arraycopy(packets, sent, scratch.array(), 0, chunk);
            scratch.setSize(chunk);
            output.push(scratch);
            scratch.clear();
            sent += chunk;
        }
        int left = batch.size() - count;
        System.arraycopy(packets, count, packets, 0, left);
        batch.setSize(left);
    }
}
