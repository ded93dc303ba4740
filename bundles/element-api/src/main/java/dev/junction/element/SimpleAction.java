package dev.junction.element;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.Arrays;

/**
 * Base class for elements that act on one packet at a time (Click's {@code simple_action}): one input, one
 * output, agnostic, and a method that returns the packet to pass on.
 *
 * <p>The loop over the batch lives here, so an element writes only {@link #action(Packet)}. Dropped packets
 * leave the batch in place (no copy, no allocation); the batch then goes on to output 0. A packet meant for
 * another output (an error port, say) is handed to {@link #divert(int, Packet)}, which gathers such packets
 * into a batch per port and pushes them after the main batch.
 */
public abstract class SimpleAction extends Element {
    private PacketBatch[] diverted = new PacketBatch[0];

    /** One input, one output, as Click's simple-action elements. Override to add an error output. */
    @Override
    public String portCount() {
        return "1/1";
    }

    /**
     * Acts on one packet. Returns the packet to pass on (usually {@code packet} itself), or {@code null} when
     * the packet was killed or {@linkplain #divert diverted}.
     */
    protected abstract Packet action(Packet packet);

    @Override
    public void push(int port, PacketBatch batch) {
        actOn(batch, 0);
        output(0).push(batch);
        pushDiverted();
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int start = into.size();
        input(0).pull(into, max);
        actOn(into, start);
        pushDiverted();
        return into.size() - start;
    }

    private void actOn(PacketBatch batch, int from) {
        int kept = from;
        for (int i = from, size = batch.size(); i < size; i++) {
            Packet result = action(batch.get(i));
            if (result != null) {
                batch.set(kept++, result);
            }
        }
        batch.truncate(kept);
    }

    /**
     * Sends {@code packet} to push output {@code port} instead of output 0 (Click's {@code checked_output_push}
     * to an error port): it is gathered into a batch for that port, pushed when the current batch is done or
     * when the gathering batch fills. Without such an output the packet is killed.
     */
    protected final void divert(int port, Packet packet) {
        if (port >= outputCount()) {
            packet.kill();
            return;
        }
        PacketBatch gathered = divertedBatch(port);
        gathered.add(packet);
        if (gathered.isFull()) {
            output(port).push(gathered);
            gathered.clear();
        }
    }

    private PacketBatch divertedBatch(int port) {
        if (port >= diverted.length) {
            // Grows once per port over the element's life, never per packet.
            diverted = Arrays.copyOf(diverted, outputCount());
        }
        PacketBatch gathered = diverted[port];
        if (gathered == null) {
            gathered = new PacketBatch();
            diverted[port] = gathered;
        }
        return gathered;
    }

    private void pushDiverted() {
        for (int port = 0; port < diverted.length; port++) {
            PacketBatch gathered = diverted[port];
            if (gathered != null && !gathered.isEmpty()) {
                output(port).push(gathered);
                gathered.clear();
            }
        }
    }
}
