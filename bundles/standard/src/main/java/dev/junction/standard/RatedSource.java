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
import dev.junction.element.WriteHandler;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * RatedSource: makes packets holding DATA at RATE packets per second, from the router's packet pool. In push
 * context a task pushes the packets the rate allows and a timer wakes it when the next one is due; in pull
 * context it answers pulls with the packets the rate allows.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RatedSource")
@ElementDoc(
        synopsis = "RatedSource([DATA, RATE, LIMIT, ACTIVE, keywords LENGTH, STOP, BANDWIDTH])",
        category = "basicsources",
        summary = "generates packets at specified rate",
        description = """
                Makes packets whose data is DATA and sends them out of its single output, which is agnostic, \
                at most RATE packets per second. The rate is Click's token bucket: a packet takes a token, \
                tokens come in at RATE per second (counted to the nanosecond, where Click counts in clock \
                ticks), the bucket holds at most 2 tokens, or RATE/100 from a RATE of 200 up, and it starts \
                with 1 token, so the first packet leaves at once.

                In push context a task pushes, in one batch, the packets whose tokens are there (Click pushes \
                one per task run); when none is, the task sleeps and a timer wakes it when the next token is \
                due. In pull context each pull is answered with the packets whose tokens are there.

                After LIMIT packets it stops; a negative LIMIT means no limit. Packets are taken from the \
                router's packet pool; when the pool is empty the packets that could not be made are dropped, \
                counted by the pool, and not counted here. Each packet's timestamp annotation is set to the \
                wall-clock time it was made.""",
        arguments = {
            @ElementDoc.Argument(name = "DATA", description = """
                    String. The packet data. Default: a 69-byte text, Click's default."""),
            @ElementDoc.Argument(name = "RATE", description = """
                    Unsigned integer. Packets per second; 0 sends the first packet only. Default 10."""),
            @ElementDoc.Argument(name = "LIMIT", description = """
                    Integer. The number of packets to send; negative means no limit. Default -1."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, no packets are made until the active handler is set true. \
                    Default true."""),
            @ElementDoc.Argument(name = "LENGTH", description = """
                    Integer. If set, packets have this length: DATA cut short, or repeated to fill it (zeros \
                    if DATA is empty). DATASIZE is an old name for it."""),
            @ElementDoc.Argument(name = "STOP", description = """
                    Boolean. If true, the router stops once LIMIT packets are sent (the element writes the \
                    router's stop handler). Default false."""),
            @ElementDoc.Argument(name = "BANDWIDTH", description = """
                    Bandwidth (10Mbps, 1MBps, ...). If set, RATE is this bandwidth divided by the packet \
                    length, as in Click (whose bucket then holds at least 2 LENGTHs of tokens).""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets made since the last reset."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Sets count to 0, so that LIMIT more packets are made (if active); the bucket restarts \
                    with 1 token."""),
            @ElementDoc.Handler(name = "data", mode = "read/write", description = """
                    The DATA setting; a written value is taken as it is, without unquoting."""),
            @ElementDoc.Handler(name = "length", mode = "read/write", description = """
                    The LENGTH setting; -1 means the length of DATA."""),
            @ElementDoc.Handler(name = "rate", mode = "read/write", description = """
                    The RATE setting, in packets per second; the bucket's size follows it."""),
            @ElementDoc.Handler(name = "limit", mode = "read/write", description = "The LIMIT setting."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    The ACTIVE setting: makes the element produce or stop producing; activating it restarts \
                    the bucket with 1 token.""")
        },
        example = "RatedSource(\\<0800>, 10, 1000) -> Queue -> ...",
        seeAlso = {"InfiniteSource", "Script"})
public final class RatedSource extends Element {
    private String data;
    private int length;
    private long limit;
    private boolean active;
    private boolean stop;
    private Sources.Template template;
    private long count;
    private boolean pullContext;
    private boolean stopRequested;
    private Task task;
    private Timer timer;
    private PacketBatch batch;

    private final TokenBucket bucket = new TokenBucket();

    @Override
    public String portCount() {
        return "0/1";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        data = args.readPositional("DATA", ArgTypes.STRING, Sources.DEFAULT_DATA);
        long configuredRate = args.readPositional("RATE", ArgTypes.UNSIGNED, 10L);
        limit = args.readPositional("LIMIT", ArgTypes.INTEGER, -1);
        active = args.readPositional("ACTIVE", ArgTypes.BOOLEAN, true);
        length = args.read("LENGTH", ArgTypes.INTEGER, -1);
        length = args.read("DATASIZE", ArgTypes.INTEGER, length);
        stop = args.read("STOP", ArgTypes.BOOLEAN, false);
        long bandwidth = args.read("BANDWIDTH", ArgTypes.BANDWIDTH, 0L);
        args.complete();
        template = Sources.Template.of(data, length);
        if (bandwidth > 0) {
            configuredRate = template.bytes().length == 0 ? bandwidth : bandwidth / template.bytes().length;
            setRate(configuredRate, Math.max(bucketSize(configuredRate), 2L * length));
        } else {
            setRate(configuredRate, bucketSize(configuredRate));
        }
    }

    /** Click's bucket size for a rate: 2 tokens, or 1% of a second's worth from 200 per second up. */
    private static long bucketSize(long rate) {
        return rate < 200 ? 2 : rate / 100;
    }

    private void setRate(long newRate, long newCapacity) {
        bucket.assign(newRate, newCapacity);
    }

    @Override
    public void initialize() throws ConfigurationException {
        template.checkFits(context().packetPool());
        restartBucket();
        pullContext = !context().isOutputPush(0);
        if (!pullContext) {
            batch = new PacketBatch();
            task = context().createTask(this::pushReady);
            timer = context().createTimer(expired -> task.reschedule());
            if (active) {
                task.reschedule();
            }
        }
    }

    // ---------------------------------------------------------------- the token bucket

    /** Click's {@code _tb.set(1)}: one token, counted from now. */
    private void restartBucket() {
        bucket.set(1, context().clock().nanoTime());
    }

    /** Adds the tokens that came in since the last refill; returns the whole tokens in the bucket. */
    private long refill() {
        return bucket.refill(context().clock().nanoTime());
    }

    // ---------------------------------------------------------------- packets

    /** The push task: pushes the packets the bucket allows, then sleeps until the next token is due. */
    private boolean pushReady() {
        if (!active) {
            task.unschedule();
            return false;
        }
        if (limitReached()) {
            task.unschedule(); // until reset or a new limit
            requestStop();
            return false;
        }
        int wanted = quota(refill(), batch.capacity());
        if (wanted == 0) {
            task.unschedule();
            long delay = bucket.nanosUntilContains(1);
            if (delay >= 0) {
                timer.scheduleAfter(delay);
            }
            return false;
        }
        int got = context().packetPool().allocate(batch, wanted);
        if (got == 0) {
            return false; // the pool ran dry and counted the drops; the task stays scheduled and tries again
        }
        make(batch, 0);
        output(0).push(batch);
        batch.clear();
        return true;
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        if (!active) {
            return 0;
        }
        if (limitReached()) {
            requestStop();
            return 0;
        }
        int wanted = quota(refill(), max);
        if (wanted == 0) {
            return 0;
        }
        int start = into.size();
        context().packetPool().allocate(into, wanted);
        return make(into, start);
    }

    /** Fills packets {@code from..size-1} of {@code packets} and takes their tokens; returns how many. */
    private int make(PacketBatch packets, int from) {
        Sources.fill(packets, from, template.segment(), context().clock().epochNanos());
        int made = packets.size() - from;
        bucket.remove(made);
        count += made;
        return made;
    }

    /** How many packets may be made now: no more than {@code tokens}, {@code wanted} and what LIMIT leaves. */
    private int quota(long tokens, int wanted) {
        long allowed = Math.min(tokens, wanted);
        if (limit >= 0) {
            allowed = Math.min(allowed, limit - count);
        }
        return (int) Math.max(0, allowed);
    }

    private boolean limitReached() {
        return limit >= 0 && count >= limit;
    }

    /** Click's STOP: once LIMIT packets are sent, the router is asked to stop (once). */
    private void requestStop() {
        if (stop && !stopRequested) {
            stopRequested = true;
            Sources.stopRouter(context());
        }
    }

    // ---------------------------------------------------------------- handlers

    /** Packets made since the last reset. */
    public long count() {
        return count;
    }

    /** Carries the packet count across a hot swap, as InfiniteSource does, so that LIMIT is not restarted. */
    @Override
    public void saveState(ElementState state) {
        state.putLong("count", count);
    }

    @Override
    public void takeState(ElementState state) {
        count = state.getLong("count", 0);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addWrite("reset", resumingAfter(value -> {
            count = 0;
            restartBucket();
        }));
        handlers.addReadWrite("data", () -> data, resumingAfter(value -> setData(value, length)));
        handlers.addReadWrite("length", () -> Integer.toString(length),
                resumingAfter(value -> setData(data, HandlerValues.parseInt(value, "syntax error"))));
        handlers.addReadWrite("rate", () -> Long.toString(bucket.rate()), resumingAfter(value -> {
            long written = HandlerValues.parse(ArgTypes.UNSIGNED, value, "syntax error");
            setRate(written, bucketSize(written));
        }));
        handlers.addReadWrite("limit", () -> Long.toString(limit),
                resumingAfter(value -> limit = HandlerValues.parseInt(value, "syntax error")));
        handlers.addReadWrite("active", () -> Boolean.toString(active), resumingAfter(value -> {
            boolean written = HandlerValues.parseBoolean(value, "syntax error");
            if (written && !active) {
                restartBucket();
            }
            active = written;
        }));
    }

    private void setData(String newData, int newLength) throws HandlerException {
        template = Sources.Template.forHandler(context(), newData, newLength);
        data = newData;
        length = newLength;
    }

    /** {@code change}, then restarts the push task if there is work to do now; it waits for tokens itself. */
    private WriteHandler resumingAfter(WriteHandler change) {
        return value -> {
            change.write(value);
            if (active && !limitReached() && !pullContext && !task.isScheduled()) {
                task.reschedule();
            }
        };
    }
}
