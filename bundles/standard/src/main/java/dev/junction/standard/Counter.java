package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Counter: passes packets on unchanged and counts them, their bytes and their recent rates.
 *
 * <p>Rates are Click's moving averages over millisecond epochs; the clock is read once per batch, and every
 * packet of a batch counts as arriving at that moment (Click reads it per packet).
 *
 * <p>COUNT_CALL and BYTE_COUNT_CALL cost one comparison per batch until the batch that reaches the count
 * arrives; that batch is split at the packet that reaches it, so that the handler runs after the packets
 * before it went on and before it goes on itself, as in Click.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Counter")
@ElementDoc(
        synopsis = "Counter([keywords COUNT_CALL, BYTE_COUNT_CALL])",
        category = "counters",
        summary = "counts packets and bytes and measures their rates",
        description = """
                Passes every packet from its input to its output unchanged, counting packets and bytes and \
                keeping moving averages of the packet and byte rates. One input, one output, agnostic: it \
                counts what is pushed through it or pulled through it.

                Rates are exponentially weighted moving averages over epochs of one millisecond (alpha 1/16), \
                as in Click; reading a rate first accounts for the time that passed since the last packet, so \
                an idle Counter's rates decay towards 0.

                COUNT_CALL and BYTE_COUNT_CALL call a write handler once when a count is reached, before the \
                packet that reaches it goes on (the packets before it in its batch go on first). In pull \
                context a pull never goes past the packet that reaches COUNT_CALL's count; the packet that \
                reaches BYTE_COUNT_CALL's count may be followed by others of its batch, pulled before the \
                handler runs. reset arms both calls again.

                Counts and rates are carried over when the element is replaced in a hot swap.""",
        arguments = {
            @ElementDoc.Argument(name = "COUNT_CALL", description = """
                    N HANDLER [VALUE]. When the packet count reaches N, write VALUE (or nothing) to the \
                    write handler HANDLER (element.handler, the element named relative to this one's \
                    compound, or a global handler)."""),
            @ElementDoc.Argument(name = "BYTE_COUNT_CALL", description = """
                    N HANDLER [VALUE]. When the byte count reaches or passes N, write VALUE to HANDLER.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets counted since the last reset."),
            @ElementDoc.Handler(name = "byte_count", description = "Bytes counted since the last reset."),
            @ElementDoc.Handler(name = "rate", description = "Recent arrival rate in packets per second."),
            @ElementDoc.Handler(name = "bit_rate", description = "Recent arrival rate in bits per second."),
            @ElementDoc.Handler(name = "byte_rate", description = "Recent arrival rate in bytes per second."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Sets the counts to 0. The rates are left to decay by themselves, as in Click."""),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Same as reset."),
            @ElementDoc.Handler(name = "count_call", mode = "read/write", description = """
                    Reads N of COUNT_CALL (empty if it calls no handler); writing N HANDLER [VALUE] sets a \
                    new COUNT_CALL and arms it (the handler may be left out)."""),
            @ElementDoc.Handler(name = "byte_count_call", mode = "write-only", description = """
                    Writing N HANDLER [VALUE] sets a new BYTE_COUNT_CALL and arms it.""")
        },
        example = "InfiniteSource -> c :: Counter -> Discard;   // then read c.count, c.rate",
        seeAlso = {"AverageCounter", "Meter"})
public final class Counter extends Element {
    // Click's parameters: alpha 1/16; 10 bits of fraction for packets, 4 for bytes (which are larger).
    private static final int STABILITY_SHIFT = 4;
    private static final int PACKET_RATE_SCALE = 10;
    private static final int BYTE_RATE_SCALE = 4;
    /** A count no counter reaches: Click's (counter_t) -1. */
    private static final long NEVER = Long.MAX_VALUE;

    private long count;
    private long byteCount;
    private RateEwma packetRate;
    private RateEwma byteRate;

    // COUNT_CALL and BYTE_COUNT_CALL: the count, the call as written and as resolved, whether it fired.
    private long countTrigger = NEVER;
    private HandlerCall countCall;
    private boolean countTriggered;
    private long byteTrigger = NEVER;
    private HandlerCall byteCall;
    private boolean byteTriggered;
    private PacketBatch scratch;

    /** A write handler call, Click's HandlerCall: the handler's name and the value written. */
    private record HandlerCall(String handler, String value) {
    }

    @Override
    public String portCount() {
        return "1/1";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        String countCallText = args.read("COUNT_CALL", ArgTypes.ANY, null);
        String byteCallText = args.read("BYTE_COUNT_CALL", ArgTypes.ANY, null);
        args.complete();
        if (countCallText != null) {
            String[] parts = firstWord(countCallText);
            countTrigger = parseTrigger(parts[0], "COUNT_CALL");
            countCall = parseCall(parts[1]);
        }
        if (byteCallText != null) {
            String[] parts = firstWord(byteCallText);
            byteTrigger = parseTrigger(parts[0], "BYTE_COUNT_CALL");
            byteCall = parseCall(parts[1]);
        }
    }

    /** Click's cp_shift_spacevec: the first space-separated word and what follows it, spaces trimmed. */
    private static String[] firstWord(String text) {
        String trimmed = text.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        return new String[] {trimmed.substring(0, end), trimmed.substring(end).strip()};
    }

    /** A count, Click's saturating unsigned IntArg: "type mismatch" if not a number, "overflow" if too large. */
    private static long parseTrigger(String word, String keyword) throws ConfigurationException {
        long trigger;
        try {
            trigger = ArgTypes.LONG.parse(word, null);
        } catch (IllegalArgumentException e) {
            if (word.matches("\\+?[0-9][0-9_]*")) {
                throw new ConfigurationException(keyword + " overflow, max " + Long.MAX_VALUE);
            }
            throw new ConfigurationException(keyword + " type mismatch");
        }
        if (trigger < 0) {
            throw new ConfigurationException(keyword + " type mismatch");
        }
        return trigger;
    }

    /** HANDLER [VALUE], or {@code null} if no handler is named. */
    private static HandlerCall parseCall(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = firstWord(text);
        return new HandlerCall(parts[0], parts[1]);
    }

    @Override
    public void initialize() throws ConfigurationException {
        long now = context().clock().nanoTime();
        packetRate = new RateEwma(STABILITY_SHIFT, PACKET_RATE_SCALE, now);
        byteRate = new RateEwma(STABILITY_SHIFT, BYTE_RATE_SCALE, now);
        scratch = new PacketBatch();
        try {
            countCall = resolve(countCall);
            byteCall = resolve(byteCall);
        } catch (HandlerException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /**
     * The call with its handler named from the router's root: an {@code element.handler} name is looked up
     * relative to this element's compound, as Click's HandlerCall does; a bare name is a global handler.
     */
    private HandlerCall resolve(HandlerCall call) throws HandlerException {
        if (call == null) {
            return null;
        }
        int dot = call.handler().lastIndexOf('.');
        if (dot <= 0) {
            return call;
        }
        String elementName = call.handler().substring(0, dot);
        Element target = context().element(elementName);
        if (target == null) {
            throw new HandlerException("no element named '" + elementName + "'");
        }
        return new HandlerCall(target.name() + call.handler().substring(dot), call.value());
    }

    // ---------------------------------------------------------------- packets

    @Override
    public void push(int port, PacketBatch batch) {
        long bytes = bytesOf(batch, 0);
        if (reachesTrigger(batch.size(), bytes)) {
            pushAcrossTrigger(batch);
            return;
        }
        account(batch.size(), bytes);
        output(0).push(batch);
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int limit = max;
        if (!countTriggered && countTrigger != NEVER && countTrigger > count) {
            limit = (int) Math.min(limit, countTrigger - count); // the packet that reaches it comes last
        }
        int start = into.size();
        int pulled = input(0).pull(into, limit);
        long bytes = bytesOf(into, start);
        if (reachesTrigger(pulled, bytes)) {
            Packet[] packets = into.array();
            for (int i = start, size = into.size(); i < size; i++) {
                countOne(packets[i]);
            }
        } else if (pulled > 0) {
            account(pulled, bytes);
        }
        return pulled;
    }

    private static long bytesOf(PacketBatch batch, int from) {
        Packet[] packets = batch.array();
        long bytes = 0;
        for (int i = from, size = batch.size(); i < size; i++) {
            bytes += packets[i].length();
        }
        return bytes;
    }

    /** Whether counting {@code packets} packets of {@code bytes} bytes reaches a call's count not reached yet. */
    private boolean reachesTrigger(int packets, long bytes) {
        return (!countTriggered && countTrigger != NEVER && count < countTrigger && count + packets >= countTrigger)
                || (!byteTriggered && byteTrigger != NEVER && byteCount + bytes >= byteTrigger && packets > 0);
    }

    /** Counts {@code packets} packets of {@code bytes} bytes, arrived now. */
    private void account(int packets, long bytes) {
        if (packets == 0) {
            return;
        }
        count += packets;
        byteCount += bytes;
        long now = context().clock().nanoTime();
        packetRate.update(packets, now);
        byteRate.update(bytes, now);
    }

    /**
     * Pushes a batch in which a call's count is reached, packet by packet as Click counts: the packets before
     * the one that reaches it go on first, then the handler is called, then the rest goes on.
     */
    private void pushAcrossTrigger(PacketBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            Packet packet = batch.array()[i];
            if (callsOn(packet) && i > 0) {
                OutputBatches.pushFront(output(0), batch, i, scratch);
                i = 0;
            }
            countOne(packet);
        }
        output(0).push(batch);
    }

    /** Whether counting {@code packet} next reaches a call's count. */
    private boolean callsOn(Packet packet) {
        return (!countTriggered && count + 1 == countTrigger)
                || (!byteTriggered && byteCount + packet.length() >= byteTrigger);
    }

    /** Counts one packet, and makes the calls its count reaches. */
    private void countOne(Packet packet) {
        int length = packet.length();
        count++;
        byteCount += length;
        long now = context().clock().nanoTime();
        packetRate.update(1, now);
        byteRate.update(length, now);
        if (count == countTrigger && !countTriggered) {
            countTriggered = true;
            call(countCall);
        }
        if (byteCount >= byteTrigger && !byteTriggered) {
            byteTriggered = true;
            call(byteCall);
        }
    }

    /** Writes the call's handler; a failure is reported as a warning and the packets go on. */
    private void call(HandlerCall target) {
        if (target == null) {
            return;
        }
        try {
            context().writeHandler(target.handler(), target.value());
        } catch (HandlerException e) {
            context().warning(target.handler() + ": " + e.getMessage());
        }
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
        handlers.addReadWrite("count_call", () -> countCall != null ? Long.toString(countTrigger) : "",
                value -> {
                    String[] parts = firstWord(value);
                    long trigger = parseWrittenTrigger(parts[0], "'count_call' first word should be unsigned (count)");
                    countCall = resolve(parseCall(parts[1]));
                    countTrigger = trigger;
                    countTriggered = false;
                });
        handlers.addWrite("byte_count_call", value -> {
            String[] parts = firstWord(value);
            long trigger = parseWrittenTrigger(parts[0], "'byte_count_call' first word should be unsigned (count)");
            byteCall = resolve(parseCall(parts[1]));
            byteTrigger = trigger;
            byteTriggered = false;
        });
    }

    private static long parseWrittenTrigger(String word, String refusal) throws HandlerException {
        long trigger = HandlerValues.parseLong(word, refusal);
        if (trigger < 0) {
            throw new HandlerException(refusal);
        }
        return trigger;
    }

    /** {@code rate}, brought up to the present so that an idle period lowers it. */
    private RateEwma currentRate(RateEwma rate) {
        rate.update(0, context().clock().nanoTime());
        return rate;
    }

    private void reset() {
        count = 0;
        byteCount = 0;
        countTriggered = false;
        byteTriggered = false;
    }

    @Override
    public void saveState(ElementState state) {
        state.putLong("count", count);
        state.putLong("byte_count", byteCount);
        state.put("rate", packetRate.save());
        state.put("byte_rate", byteRate.save());
        // Which calls were made, for the same counts: a byte call must not be made again after the swap.
        state.put("calls_made", new long[] {countTrigger, countTriggered ? 1 : 0, byteTrigger, byteTriggered ? 1 : 0});
    }

    @Override
    public void takeState(ElementState state) {
        count = state.getLong("count", 0);
        byteCount = state.getLong("byte_count", 0);
        packetRate.restore(state.get("rate", long[].class));
        byteRate.restore(state.get("byte_rate", long[].class));
        long[] made = state.get("calls_made", long[].class);
        if (made != null && made.length == 4) {
            countTriggered = made[0] == countTrigger && made[1] != 0;
            byteTriggered = made[2] == byteTrigger && made[3] != 0;
        }
    }
}
