package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * LinkUnqueue: a serial link emulator between a pull input and a push output. Each task run reads the clock
 * once, pulls the packets that fit on the link (in batches sized by {@link PacketLengths}, so exactly those
 * Click would pull), stamps each with its arrival time, and pushes the packets that have arrived, as a batch.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("LinkUnqueue")
@ElementDoc(
        synopsis = "LinkUnqueue(LATENCY, BANDWIDTH)",
        category = "shaping",
        summary = "link emulator",
        description = """
                Emulates a serial link of latency LATENCY and bandwidth BANDWIDTH. Packets are pulled from \
                the input and pushed out of the output when they have crossed the link: each is delayed by \
                LATENCY plus its transmission time (its length over BANDWIDTH, in whole microseconds as in \
                Click), after the packets ahead of it. LinkUnqueue pulls only while the link has room, that \
                is while the last packet on it has been sent by the time LATENCY has passed, so the packets \
                waiting stay upstream: put a Queue in front to emulate a link with a queue.

                Packets are stamped with the time they arrive (their timestamp annotation). LinkUnqueue \
                sleeps on the empty notifiers upstream when the link is idle, and on a timer while packets \
                are in flight. On a hot swap the packets in flight are dropped, as in Click.""",
        arguments = {
            @ElementDoc.Argument(name = "LATENCY", description = "Time. The link's latency. Required."),
            @ElementDoc.Argument(name = "BANDWIDTH", description = """
                    Bandwidth (384kbps, 1Gbps, ...), at least 100Bps; kept in units of 100 bytes per second \
                    as in Click. Required.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "latency", mode = "read/write", description = """
                    LATENCY; writing it empties the link (the packets in flight are freed)."""),
            @ElementDoc.Handler(name = "bandwidth", mode = "read/write", description = """
                    BANDWIDTH in bytes per second; writing it empties the link."""),
            @ElementDoc.Handler(name = "size", description = "Packets on the link now."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Frees the packets on the link.""")
        },
        example = "Queue -> LinkUnqueue(10ms, 10Mbps) -> ToDevice(eth0);",
        seeAlso = {"DelayUnqueue", "Queue", "Unqueue", "RatedUnqueue", "BandwidthRatedUnqueue", "DelayShaper"})
public final class LinkUnqueue extends Element {
    private long latency;
    /** Click's bandwidth in units of 100 bytes per second. */
    private long bandwidth100;
    private boolean backToBack;
    private final PacketRing link = new PacketRing();
    private Task task;
    private Timer timer;
    private NotifierSignal upstream;
    private PacketBatch batch;
    private PacketLengths lengths;

    @Override
    public String portCount() {
        return "1/1";
    }

    @Override
    public String processing() {
        return "l/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long newLatency = args.requirePositional("LATENCY", ArgTypes.TIME);
        Long newBandwidth = args.requirePositional("BANDWIDTH", ArgTypes.BANDWIDTH);
        args.complete();
        if (newBandwidth < 100) {
            throw new ConfigurationException("bandwidth too small, minimum 100Bps");
        }
        latency = newLatency;
        bandwidth100 = newBandwidth / 100;
    }

    @Override
    public void initialize() {
        batch = new PacketBatch();
        lengths = new PacketLengths();
        task = context().createTask(this::run);
        timer = context().createTimer(expired -> task.reschedule());
        upstream = context().upstreamEmptySignal(0, task);
        task.reschedule();
    }

    /** Transmission time of {@code length} bytes, in nanoseconds (whole microseconds, as Click). */
    private long transmission(long length) {
        return length * 10_000 / bandwidth100 * 1000;
    }

    private boolean run() {
        long now = context().clock().epochNanos();
        long nowDelayed = now + latency;
        boolean worked = false;

        // Pull while the link has room: it is empty, or its last packet is sent by nowDelayed.
        while (link.isEmpty() || link.last().timestampNanos() <= nowDelayed) {
            long bound = lengths.bound();
            long longest = transmission(bound);
            long base = link.isEmpty() || !backToBack ? nowDelayed : link.last().timestampNanos();
            // All but the last packet of the batch must end by nowDelayed, for Click to pull the next one.
            int wanted = longest == 0 ? batch.capacity()
                    : PacketLengths.chunk(nowDelayed - base + 1, longest, batch.capacity());
            int pulled = input(0).pull(batch, wanted);
            if (pulled > 0) {
                long at = base;
                Packet[] packets = batch.array();
                for (int i = 0; i < pulled; i++) {
                    Packet packet = packets[i];
                    int length = packet.length();
                    if (longest != 0 || length > bound) { // packets up to the bound take no time otherwise
                        at += transmission(length);
                    }
                    packet.setTimestampNanos(at);
                }
                lengths.sum(batch, 0);
                worked = backToBack = true;
                if (link.isEmpty() && at <= now) {
                    // Every packet has crossed already (no latency, a fast link): out at once, no detour.
                    output(0).push(batch);
                } else {
                    link.addAll(batch, 0);
                }
                batch.clear();
            }
            if (pulled < wanted) {
                backToBack = false;
                break;
            }
        }

        // Push the packets that have arrived.
        while (!link.isEmpty() && link.first().timestampNanos() <= now) {
            link.moveFirst(batch);
            if (batch.isFull()) {
                output(0).push(batch);
                batch.clear();
            }
            worked = true;
        }
        if (!batch.isEmpty()) {
            output(0).push(batch);
            batch.clear();
        }

        // When to run next.
        if (!link.isEmpty()) {
            long expiry = link.first().timestampNanos();
            boolean more = upstream.isActive();
            if (more) {
                expiry = Math.min(expiry, link.last().timestampNanos() - latency);
            }
            expiry -= Timing.adjustment(context().clock());
            if (expiry > now) {
                task.unschedule();
                timer.scheduleAfter(expiry - now);
            }
        } else if (!upstream.isActive()) {
            task.sleepUntil(upstream);
        }
        return worked;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("latency", () -> Intervals.format(latency), value -> {
            latency = HandlerValues.parse(ArgTypes.TIME, value, "latency must be a timestamp");
            reset();
        });
        handlers.addReadWrite("bandwidth", () -> Long.toString(bandwidth100 * 100), value -> {
            long written = HandlerValues.parse(ArgTypes.BANDWIDTH, value, "invalid bandwidth");
            if (written < 100) {
                throw new HandlerException("bandwidth too small, minimum 100Bps");
            }
            bandwidth100 = written / 100;
            reset();
        });
        handlers.addRead("size", () -> Integer.toString(link.size()));
        handlers.addWrite("reset", value -> reset());
    }

    /** Click's full reset: the link is emptied and the task starts over. */
    private void reset() {
        link.killAll();
        backToBack = false;
        timer.unschedule();
        task.reschedule();
    }

    /** Packets on the link now. */
    public int size() {
        return link.size();
    }

    @Override
    public void cleanup() {
        link.killAll();
    }
}
