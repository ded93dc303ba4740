package dev.junction.element;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * Base class for elements that act on one packet at a time (Click's {@code simple_action}): one input, one
 * output, agnostic, and a method that returns the packet to pass on.
 *
 * <p>An element writes only {@link #action(Packet)}; the loop over the batch is provided, and every concrete
 * class gets its own copy of it (see {@code ActionLoops}), so that the call to {@code action} is monomorphic
 * and inlined however many element classes the router uses. Dropped packets leave the batch in place (no
 * copy, no allocation); the batch then goes on to output 0. A packet meant for another output (an error port,
 * say) is handed to {@link #divert(int, Packet)}, which gathers such packets into a batch per port and pushes
 * them after the main batch.
 */
public abstract class SimpleAction extends Element {
    private final ObjIntConsumer<PacketBatch> loop = ActionLoops.loopFor(this);
    private PacketBatch[] diverted = new PacketBatch[0];
    /** A batch kept for diverts made while a diverted batch is being pushed (a loop back into this element). */
    private PacketBatch spare;

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
        loop.accept(batch, 0);
        output(0).push(batch);
        pushDiverted();
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int start = into.size();
        input(0).pull(into, max);
        loop.accept(into, start);
        pushDiverted();
        return into.size() - start;
    }

    /** The class of this element's batch loop, for tests of the specialisation. */
    final Class<?> loopClass() {
        return loop.getClass();
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
            pushGathered(port, gathered);
        }
    }

    /**
     * Pushes a gathering batch, detached first: the push may lead back into this element (DecIPTTL's expired
     * packets through ICMPError back into the routing path, say), and a divert made then must not add to the
     * batch being pushed. The re-entrant diverts gather into the spare batch; the two are swapped back after.
     */
    private void pushGathered(int port, PacketBatch gathered) {
        diverted[port] = spare;
        spare = null;
        output(port).push(gathered);
        gathered.clear();
        PacketBatch meanwhile = diverted[port];
        if (meanwhile == null || meanwhile.isEmpty()) {
            spare = meanwhile;
            diverted[port] = gathered;
        } else {
            spare = gathered; // packets diverted meanwhile wait in their batch for the next push
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
                pushGathered(port, gathered);
            }
        }
    }
}
