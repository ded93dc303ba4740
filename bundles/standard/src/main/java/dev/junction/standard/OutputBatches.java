package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;

/**
 * One preallocated batch per output port, for elements that spread the packets of a batch over several
 * outputs (Tee, Hub, EtherSwitch): {@link #add} gathers a packet for a port and pushes the batch when it is
 * full, {@link #flush} pushes what is left, port by port in order.
 */
final class OutputBatches {
    private final Element owner;
    private final PacketBatch[] batches;

    OutputBatches(Element owner) {
        this.owner = owner;
        batches = new PacketBatch[owner.outputCount()];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = new PacketBatch();
        }
    }

    /** Gathers {@code packet} for output {@code port}. */
    void add(int port, Packet packet) {
        PacketBatch batch = batches[port];
        batch.add(packet);
        if (batch.isFull()) {
            owner.output(port).push(batch);
            batch.clear();
        }
    }

    /** Gathers a copy of each of packets {@code from..size-1} of {@code source} for output {@code port}; a
     * packet whose copy the pool cannot give is left out for that port, as Click does when a clone fails. */
    void addCopies(int port, PacketBatch source, int from) {
        for (int i = from, size = source.size(); i < size; i++) {
            Packet copy = source.get(i).copy();
            if (copy != null) {
                add(port, copy);
            }
        }
    }

    /** Pushes output {@code port}'s gathered packets, if any. */
    void flush(int port) {
        PacketBatch batch = batches[port];
        if (!batch.isEmpty()) {
            owner.output(port).push(batch);
            batch.clear();
        }
    }

    /** Pushes every port's gathered packets, in port order. */
    void flush() {
        for (int port = 0; port < batches.length; port++) {
            flush(port);
        }
    }
}
