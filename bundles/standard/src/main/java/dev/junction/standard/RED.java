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
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * RED: Random Early Detection with Click's fixed-point arithmetic (average queue length with 10 bits of
 * fraction, probabilities out of 2<sup>16</sup>, Gentle RED by default). Packets of a batch are judged one by
 * one, each seeing the queue length it would have seen in Click: in push context the queues' length plus the
 * packets of the batch already let through, in pull context their length plus the packets of the batch still
 * behind it.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RED")
@ElementDoc(
        synopsis = "RED(MIN_THRESH, MAX_THRESH, MAX_P [, keywords QUEUES, STABILITY, GENTLE])",
        category = "aqm",
        summary = "drops packets according to RED",
        description = """
                Random Early Detection. RED keeps a moving average of the total length of some queues and \
                drops each packet with a probability that grows with that average: never at or below \
                MIN_THRESH, rising linearly to MAX_P at MAX_THRESH, and above it rising to 1 at twice \
                MAX_THRESH (Gentle RED) or straight to 1 (GENTLE false). Dropped packets leave through \
                output 1 if RED has one, and are freed otherwise.

                The queues are the ones named by QUEUES. Without QUEUES, RED uses the queue connected \
                directly to it: downstream of output 0 in push context, upstream of its input in pull \
                context. Click searches further along the flow of the graph for the nearest queues; \
                Junction's element context offers no such search, so a queue that is not an immediate \
                neighbour must be named with QUEUES. The queues are Click's queue elements (Queue, \
                SimpleQueue, ThreadSafeQueue, FrontDropQueue, MixedQueue).""",
        arguments = {
            @ElementDoc.Argument(name = "MIN_THRESH", description = """
                    Unsigned. At or below this average length nothing is dropped. Required."""),
            @ElementDoc.Argument(name = "MAX_THRESH", description = """
                    Unsigned, at least MIN_THRESH and at most 65535. At this average length packets are \
                    dropped with probability MAX_P. Required."""),
            @ElementDoc.Argument(name = "MAX_P", description = """
                    Real between 0 and 1, kept with 16 bits of fraction. Required."""),
            @ElementDoc.Argument(name = "QUEUES", description = """
                    Space-separated names of the queues whose lengths are summed."""),
            @ElementDoc.Argument(name = "STABILITY", description = """
                    Unsigned, at most 16. The average moves by 2^-STABILITY of the difference at each \
                    packet; 0 uses the instantaneous length. Default 4."""),
            @ElementDoc.Argument(name = "GENTLE", description = "Boolean. Gentle RED. Default true.")
        },
        handlers = {
            @ElementDoc.Handler(name = "drops", description = "Packets dropped so far."),
            @ElementDoc.Handler(name = "min_thresh", mode = "read/write", description = "MIN_THRESH."),
            @ElementDoc.Handler(name = "max_thresh", mode = "read/write", description = "MAX_THRESH."),
            @ElementDoc.Handler(name = "max_p", mode = "read/write", description = "MAX_P."),
            @ElementDoc.Handler(name = "avg_queue_size", description = "The average queue length now."),
            @ElementDoc.Handler(name = "stats", description = """
                    The current length, the average length and the drops, one per line."""),
            @ElementDoc.Handler(name = "queues", description = "The names of the queues, one per line."),
            @ElementDoc.Handler(name = "config", description = """
                    The configuration, with the queues and STABILITY spelled out.""")
        },
        example = "... -> RED(5, 50, 0.02) -> Queue(200) -> ...",
        seeAlso = {"Queue", "FrontDropQueue"})
public final class RED extends Element {
    private static final int QUEUE_SCALE = 10;
    private static final long NANOS_PER_TICK = 20_000_000L; // Click counts empty periods in 1/50 s

    private String minText;
    private String maxText;
    private String maxPText;
    private int minThresh;
    private int maxThresh;
    private int killThresh;
    private int maxP;
    private int stability;
    private boolean gentle;
    private String queuesText;
    private long c1;
    private long c2;
    private long g1;
    private long g2;

    private QueueBase[] queues = new QueueBase[0];
    private final List<String> queueNames = new ArrayList<>();
    private long scaledAverage;
    private long lastTick;
    private int count = -1;
    private long randomValue;
    private long random;
    private long drops;
    private PacketBatch dropped;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        minText = args.requirePositional("MIN_THRESH", ArgTypes.ANY);
        maxText = args.requirePositional("MAX_THRESH", ArgTypes.ANY);
        maxPText = args.requirePositional("MAX_P", ArgTypes.ANY);
        queuesText = args.read("QUEUES", ArgTypes.ANY, null);
        int newStability = args.read("STABILITY", ArgTypes.UNSIGNED_INT, 4);
        boolean newGentle = args.read("GENTLE", ArgTypes.BOOLEAN, true);
        args.complete();
        apply(minText, maxText, maxPText, newStability, newGentle);
    }

    /** Parses and checks the thresholds and probability as Click does, then sets them. */
    private void apply(String min, String max, String p, int newStability, boolean newGentle)
            throws ConfigurationException {
        long newMin = parse("MIN_THRESH", ArgTypes.UNSIGNED, min);
        long newMax = parse("MAX_THRESH", ArgTypes.UNSIGNED, max);
        double real = parse("MAX_P", ArgTypes.REAL, p);
        if (real < 0) {
            throw new ConfigurationException("MAX_P: invalid number");
        }
        long newMaxP = Math.round(real * 65536);
        if (newMax > 0xFFFF) {
            throw new ConfigurationException("MAX_THRESH must be <= 65535");
        }
        if (newMin > newMax) {
            throw new ConfigurationException("MIN_THRESH must be <= MAX_THRESH");
        }
        if (newMaxP > 0x10000) {
            throw new ConfigurationException("MAX_P must be between 0 and 1");
        }
        if (newStability > 16) {
            throw new ConfigurationException("STABILITY must be between 0 and 16");
        }
        minThresh = (int) newMin;
        maxThresh = (int) newMax;
        maxP = (int) newMaxP;
        stability = newStability;
        gentle = newGentle;
        minText = min;
        maxText = max;
        maxPText = p;
        killThresh = gentle && maxP != 0x10000 ? maxThresh * 2 : maxThresh;
        if (minThresh >= maxThresh) {
            c1 = 0;
            c2 = 1;
        } else {
            c1 = maxP / (maxThresh - minThresh);
            c2 = ((long) maxP * minThresh) / (maxThresh - minThresh);
        }
        g1 = maxThresh == 0 ? 0 : (0x10000 - maxP) / maxThresh;
        g2 = 0x10000 - 2L * maxP;
    }

    private static <T> T parse(String keyword, dev.junction.element.ArgParser<T> type, String text)
            throws ConfigurationException {
        try {
            return type.parse(text.strip(), null);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(keyword + ": " + (e.getMessage() == null ? "parse error" : e.getMessage()));
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        List<QueueBase> found = new ArrayList<>();
        queueNames.clear();
        if (queuesText != null) {
            List<String> errors = new ArrayList<>();
            for (String name : Args.words(queuesText)) {
                Element element = context().element(name);
                if (element == null) {
                    errors.add("no element named '" + name + "'");
                } else if (element instanceof QueueBase queue) {
                    found.add(queue);
                    queueNames.add(element.name());
                } else {
                    errors.add("'" + element.name() + "' is not a Storage element");
                }
            }
            if (!errors.isEmpty()) {
                throw new ConfigurationException(errors);
            }
        } else {
            Element neighbour = context().isOutputPush(0) ? output(0).target() : input(0).source();
            if (neighbour instanceof QueueBase queue) {
                found.add(queue);
                queueNames.add(neighbour.name());
            }
        }
        if (found.isEmpty()) {
            throw new ConfigurationException("no nearby Queues");
        }
        queues = found.toArray(new QueueBase[0]);
        dropped = new PacketBatch();
        random = context().clock().nanoTime() | 1;
        scaledAverage = 0;
        drops = 0;
        count = -1;
        lastTick = 0;
    }

    private int queueSize() {
        int size = 0;
        for (QueueBase queue : queues) {
            size += queue.length();
        }
        return size;
    }

    /** Click's should_drop for a packet that finds {@code size} packets queued. */
    private boolean shouldDrop(int size, long now) {
        long average;
        if (stability == 0) {
            average = size; // as in Click, the moving average is left alone (and the probability uses it)
        } else if (size != 0) {
            fold(size, 1);
            lastTick = 0;
            average = unscaledAverage();
        } else {
            long tick = now / NANOS_PER_TICK;
            fold(0, lastTick != 0 ? tick - lastTick : 1);
            lastTick = tick;
            average = unscaledAverage();
        }
        if (average <= minThresh) {
            count = -1;
            return false;
        } else if (average > killThresh) {
            count = -1;
            return true;
        }
        long probability = average <= maxThresh ? ((c1 * scaledAverage) >> QUEUE_SCALE) - c2
                : ((g1 * scaledAverage) >> QUEUE_SCALE) - g2;
        probability = (int) probability; // Click's p_b is an int
        count++;
        if (count > 0 && probability > 0 && count > randomValue / probability) {
            count = 0;
            randomValue = nextRandom();
            return true;
        }
        if (count == 0) {
            randomValue = nextRandom();
        }
        return false;
    }

    /** Click's DirectEWMA update (n times with the same observation; 100 or more sets it outright). */
    private void fold(long observation, long times) {
        long scaled = observation << QUEUE_SCALE;
        if (times >= 100) {
            scaledAverage = scaled;
            return;
        }
        scaled += 1L << (stability - 1);
        for (long i = 0; i < times; i++) {
            scaledAverage += (scaled - scaledAverage) >> stability;
        }
    }

    private long unscaledAverage() {
        return (scaledAverage + (1L << (QUEUE_SCALE - 1))) >> QUEUE_SCALE;
    }

    /** 16 random bits (xorshift64*: no allocation, no lock). */
    private long nextRandom() {
        random ^= random >>> 12;
        random ^= random << 25;
        random ^= random >>> 27;
        return ((random * 0x2545F4914F6CDD1DL) >>> 40) & 0xFFFF;
    }

    @Override
    public void push(int port, PacketBatch batch) {
        long now = context().clock().nanoTime();
        int base = queueSize();
        int kept = filter(batch, 0, base, 1, now);
        if (kept > 0) {
            output(0).push(batch);
        }
        batch.clear();
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        long now = context().clock().nanoTime();
        int start = into.size();
        while (true) {
            int pulled = input(0).pull(into, max);
            if (pulled == 0) {
                return 0;
            }
            // Click pulls one packet at a time: the i-th found the packets behind it still queued.
            int kept = filter(into, start, queueSize() + pulled - 1, -1, now);
            if (kept > 0) {
                return kept;
            }
        }
    }

    /**
     * Judges packets {@code from..size-1} of {@code batch}, the first seeing {@code size} queued packets and each
     * kept one changing that by {@code step} (pull: each packet judged, kept or not, lowers it); moves the kept
     * ones to the front and drops the others; returns how many were kept.
     */
    private int filter(PacketBatch batch, int from, int size, int step, long now) {
        Packet[] packets = batch.array();
        int kept = from;
        int seen = size;
        for (int i = from, end = batch.size(); i < end; i++) {
            Packet packet = packets[i];
            if (shouldDrop(Math.max(0, seen), now)) {
                drops++;
                dropped.add(packet);
                if (dropped.isFull()) {
                    sendDrops();
                }
                if (step < 0) {
                    seen--;
                }
            } else {
                packets[kept++] = packet;
                seen += step;
            }
        }
        batch.setSize(kept);
        if (!dropped.isEmpty()) {
            sendDrops();
        }
        return kept - from;
    }

    private void sendDrops() {
        if (outputCount() > 1) {
            output(1).push(dropped);
            dropped.clear();
        } else {
            dropped.killAll();
        }
    }

    /** Drops so far. */
    public long drops() {
        return drops;
    }

    @Override
    public void saveState(ElementState state) {
        state.putLong("avg", scaledAverage);
    }

    /** As Click: the replacement keeps the moving average. */
    @Override
    public void takeState(ElementState state) {
        scaledAverage = state.getLong("avg", scaledAverage);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addReadWrite("min_thresh", () -> minText,
                value -> reconfigure(() -> apply(value, maxText, maxPText, stability, gentle)));
        handlers.addReadWrite("max_thresh", () -> maxText,
                value -> reconfigure(() -> apply(minText, value, maxPText, stability, gentle)));
        handlers.addReadWrite("max_p", () -> maxPText,
                value -> reconfigure(() -> apply(minText, maxText, value, stability, gentle)));
        handlers.addRead("avg_queue_size", () -> RateEwma.formatScaled(scaledAverage, QUEUE_SCALE));
        handlers.addRead("stats", () -> queueSize() + " current queue\n"
                + RateEwma.formatScaled(scaledAverage, QUEUE_SCALE) + " avg queue\n" + drops + " drops\n"
                + output(0).packetCount() + " packets\n");
        handlers.addRead("queues", () -> {
            StringBuilder text = new StringBuilder();
            for (String name : queueNames) {
                text.append(name).append('\n');
            }
            return text.toString();
        });
        handlers.addRead("config", () -> {
            StringBuilder text = new StringBuilder().append(minThresh).append(", ").append(maxThresh)
                    .append(", ").append(RateEwma.formatScaled(maxP, 16)).append(", QUEUES");
            for (String name : queueNames) {
                text.append(' ').append(name);
            }
            text.append(", STABILITY ").append(stability);
            if (!gentle) {
                text.append(", GENTLE false");
            }
            return text.toString();
        });
    }

    private interface Change {
        void apply() throws ConfigurationException;
    }

    private static void reconfigure(Change change) throws HandlerException {
        try {
            change.apply();
        } catch (ConfigurationException e) {
            throw new HandlerException(e.getMessage());
        }
    }
}
