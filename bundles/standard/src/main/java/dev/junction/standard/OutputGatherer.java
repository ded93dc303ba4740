package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;

/**
 * Gathers packets into one batch per output port of an element and pushes them, for elements that split or
 * generate packets (IPFragmenter, IPOutputCombo, ARPQuerier).
 *
 * <p>A batch is detached before it is pushed: what it reaches may lead back into the same element (an
 * ICMPError routed back to the router's output path, an ARPResponder answering an ARPQuerier) and gather more
 * packets before the push returns. The re-entrant call gathers into spare batches, which are kept for reuse
 * (up to {@link #SPARES}), so that after the first such loop nothing is allocated.
 */
final class OutputGatherer {
    private final Element element;
    private final PacketBatch[] gathering;
    private static final int SPARES = 8;
    private final PacketBatch[] spares = new PacketBatch[SPARES];
    private int spareCount;

    OutputGatherer(Element element, int ports) {
        this.element = element;
        this.gathering = new PacketBatch[ports];
        for (int i = 0; i < ports; i++) {
            gathering[i] = new PacketBatch();
        }
    }

    /** Adds {@code packet} for output {@code port}, pushing the port's batch when it is full. */
    void add(int port, Packet packet) {
        PacketBatch batch = gathering[port];
        batch.add(packet);
        if (batch.isFull()) {
            flush(port);
        }
    }

    /** Pushes what was gathered for {@code port}. */
    void flush(int port) {
        PacketBatch gathered = gathering[port];
        if (gathered.isEmpty()) {
            return;
        }
        gathering[port] = spareCount > 0 ? spares[--spareCount] : new PacketBatch();
        element.output(port).push(gathered);
        gathered.clear();
        if (spareCount < SPARES) {
            spares[spareCount++] = gathered;
        }
    }

    /** Pushes what was gathered for every port, in port order. */
    void flushAll() {
        for (int port = 0; port < gathering.length; port++) {
            flush(port);
        }
    }
}
