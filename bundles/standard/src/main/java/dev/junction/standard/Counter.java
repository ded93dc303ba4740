package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Counter: passes packets on unchanged and counts them, their bytes and their recent rates.
 *
 * <p>Rates are Click's moving averages over millisecond epochs; the clock is read once per batch, and every
 * packet of a batch counts as arriving at that moment (Click reads it per packet).
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Counter")
@ElementDoc(
        synopsis = "Counter",
        category = "counters",
        summary = "counts packets and bytes and measures their rates",
        description = """
                Passes every packet from its input to its output unchanged, counting packets and bytes and \
                keeping moving averages of the packet and byte rates. One input, one output, agnostic: it \
                counts what is pushed through it or pulled through it.

                Rates are exponentially weighted moving averages over epochs of one millisecond (alpha 1/16), \
                as in Click; reading a rate first accounts for the time that passed since the last packet, so \
                an idle Counter's rates decay towards 0.

                Counts and rates are carried over when the element is replaced in a hot swap.

                Click's COUNT_CALL and BYTE_COUNT_CALL keywords are not supported yet: they call a write \
                handler when a count is reached, and elements cannot call handlers yet.""",
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets counted since the last reset."),
            @ElementDoc.Handler(name = "byte_count", description = "Bytes counted since the last reset."),
            @ElementDoc.Handler(name = "rate", description = "Recent arrival rate in packets per second."),
            @ElementDoc.Handler(name = "bit_rate", description = "Recent arrival rate in bits per second."),
            @ElementDoc.Handler(name = "byte_rate", description = "Recent arrival rate in bytes per second."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Sets the counts to 0. The rates are left to decay by themselves, as in Click."""),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Same as reset.")
        },
        example = "InfiniteSource -> c :: Counter -> Discard;   // then read c.count, c.rate",
        seeAlso = {"AverageCounter", "Meter"})
public final class Counter extends Element {
    // Click's parameters: alpha 1/16; 10 bits of fraction for packets, 4 for bytes (which are larger).
    private static final int STABILITY_SHIFT = 4;
    private static final int PACKET_RATE_SCALE = 10;
    private static final int BYTE_RATE_SCALE = 4;

    private long count;
    private long byteCount;
    private RateEwma packetRate;
    private RateEwma byteRate;

    @Override
    public String portCount() {
        return "1/1";
    }

    @Override
    public void initialize() {
        long now = context().clock().nanoTime();
        packetRate = new RateEwma(STABILITY_SHIFT, PACKET_RATE_SCALE, now);
        byteRate = new RateEwma(STABILITY_SHIFT, BYTE_RATE_SCALE, now);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        account(batch, 0);
        output(0).push(batch);
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int start = into.size();
        int pulled = input(0).pull(into, max);
        account(into, start);
        return pulled;
    }

    /** Counts packets {@code from..size-1} of {@code batch}. */
    private void account(PacketBatch batch, int from) {
        int packets = batch.size() - from;
        if (packets == 0) {
            return;
        }
        long bytes = 0;
        for (int i = from, size = batch.size(); i < size; i++) {
            bytes += batch.get(i).length();
        }
        count += packets;
        byteCount += bytes;
        long now = context().clock().nanoTime();
        packetRate.update(packets, now);
        byteRate.update(bytes, now);
    }

    /** Packets counted since the last reset. */
    public long count() {
        return count;
    }

    /** Bytes counted since the last reset. */
    public long byteCount() {
        return byteCount;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addRead("byte_count", () -> Long.toString(byteCount));
        handlers.addRead("rate", () -> currentRate(packetRate).format());
        handlers.addRead("bit_rate", () -> currentRate(byteRate).formatTimesEight());
        handlers.addRead("byte_rate", () -> currentRate(byteRate).format());
        handlers.addWrite("reset", value -> reset());
        handlers.addWrite("reset_counts", value -> reset());
    }

    /** {@code rate}, brought up to the present so that an idle period lowers it. */
    private RateEwma currentRate(RateEwma rate) {
        rate.update(0, context().clock().nanoTime());
        return rate;
    }

    private void reset() {
        count = 0;
        byteCount = 0;
    }

    @Override
    public void saveState(ElementState state) {
        state.putLong("count", count);
        state.putLong("byte_count", byteCount);
        state.put("rate", packetRate.save());
        state.put("byte_rate", byteRate.save());
    }

    @Override
    public void takeState(ElementState state) {
        count = state.getLong("count", 0);
        byteCount = state.getLong("byte_count", 0);
        packetRate.restore(state.get("rate", long[].class));
        byteRate.restore(state.get("byte_rate", long[].class));
    }
}
