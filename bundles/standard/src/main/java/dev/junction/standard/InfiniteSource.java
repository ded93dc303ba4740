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
import dev.junction.packet.PacketPool;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * InfiniteSource: makes packets holding DATA, from the router's packet pool. In push context a task pushes
 * BURST packets each time it runs; in pull context it answers pulls.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("InfiniteSource")
@ElementDoc(
        synopsis = "InfiniteSource([DATA, LIMIT, BURST, ACTIVE, keywords LENGTH, STOP, TIMESTAMP])",
        category = "basicsources",
        summary = "generates packets whenever scheduled",
        description = """
                Makes packets whose data is DATA and sends them out of its single output, which is agnostic. \
                In push context its task pushes BURST packets, in batches, every time it runs; it sleeps \
                while the full notifiers downstream (a Queue's, say) report no room. In pull context each \
                pull is answered with fresh packets, and the element is an empty notifier itself: it goes \
                inactive when it stops producing.

                After LIMIT packets it stops; a negative LIMIT means no limit. Packets are taken from the \
                router's packet pool; when the pool is empty the packets that could not be made are dropped, \
                counted by the pool, and not counted here, so LIMIT packets are always sent in the end. \
                Each packet's timestamp annotation is set to the wall-clock time it was made.""",
        arguments = {
            @ElementDoc.Argument(name = "DATA", description = """
                    String. The packet data. Default: a 69-byte text, Click's default."""),
            @ElementDoc.Argument(name = "LIMIT", description = """
                    Integer. The number of packets to send; negative means no limit. Default -1."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Integer, at least 1. Packets pushed each time the task runs. Default 1."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, no packets are made until the active handler is set true. \
                    Default true."""),
            @ElementDoc.Argument(name = "LENGTH", description = """
                    Integer. If set, packets have this length: DATA cut short, or repeated to fill it (zeros \
                    if DATA is empty). DATASIZE is an old name for it."""),
            @ElementDoc.Argument(name = "STOP", description = """
                    Boolean. If true, the router stops once LIMIT packets are sent (the element writes the \
                    router's stop handler). Default false."""),
            @ElementDoc.Argument(name = "TIMESTAMP", description = """
                    Boolean. If false, the timestamp annotation is left unset. Default true.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets made since the last reset."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Sets count to 0, so that LIMIT more packets are made (if active)."""),
            @ElementDoc.Handler(name = "data", mode = "read/write", description = """
                    The DATA setting; a written value is taken as it is, without unquoting."""),
            @ElementDoc.Handler(name = "length", mode = "read/write", description = """
                    The LENGTH setting; -1 means the length of DATA."""),
            @ElementDoc.Handler(name = "limit", mode = "read/write", description = "The LIMIT setting."),
            @ElementDoc.Handler(name = "burst", mode = "read/write", description = "The BURST setting."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    The ACTIVE setting: makes the element produce or stop producing.""")
        },
        example = "InfiniteSource(\\<0800>, LIMIT 1000, BURST 32) -> Queue -> Unqueue -> Discard;",
        seeAlso = {"RatedSource", "TimedSource", "Script"})
public final class InfiniteSource extends Element {
    /** Empty notifier in pull context: active while pulls may bring packets. */
    private final Notifier producing = new Notifier(NotifierKind.EMPTY, true);

    private String data;
    private int length;
    private long limit;
    private int burst;
    private boolean active;
    private boolean stop;
    private boolean timestamp;
    private Sources.Template template;
    private long count;
    private boolean pullContext;
    private boolean stopRequested;
    private Task task;
    private NotifierSignal downstream;
    private PacketBatch batch;

    @Override
    public String portCount() {
        return "0/1";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        data = args.readPositional("DATA", ArgTypes.STRING, Sources.DEFAULT_DATA);
        limit = args.readPositional("LIMIT", ArgTypes.LONG, -1L);
        burst = args.readPositional("BURST", ArgTypes.INTEGER, 1);
        active = args.readPositional("ACTIVE", ArgTypes.BOOLEAN, true);
        timestamp = args.read("TIMESTAMP", ArgTypes.BOOLEAN, true);
        length = args.read("LENGTH", ArgTypes.INTEGER, -1);
        length = args.read("DATASIZE", ArgTypes.INTEGER, length);
        stop = args.read("STOP", ArgTypes.BOOLEAN, false);
        args.complete();
        if (burst < 1) {
            throw new ConfigurationException("burst size must be >= 1");
        }
        template = Sources.Template.of(data, length);
    }

    @Override
    public void initialize() throws ConfigurationException {
        template.checkFits(context().packetPool());
        pullContext = !context().isOutputPush(0);
        if (!pullContext) {
            batch = new PacketBatch();
            task = context().createTask(this::pushBurst);
            downstream = context().downstreamFullSignal(0, task);
            if (active) {
                task.reschedule();
            }
        }
    }

    // ---------------------------------------------------------------- packets

    /** The push task: makes and pushes up to BURST packets; sleeps when inactive, full downstream or done. */
    private boolean pushBurst() {
        if (!active) {
            task.unschedule();
            return false;
        }
        if (!downstream.isActive()) {
            task.sleepUntil(downstream);
            return false;
        }
        int wanted = quota(burst);
        if (wanted == 0) {
            task.unschedule(); // until reset or a new limit
            if (limitReached()) {
                requestStop();
            }
            return false;
        }
        PacketPool pool = context().packetPool();
        int made = 0;
        while (made < wanted) {
            int requested = Math.min(wanted - made, batch.capacity());
            int got = pool.allocate(batch, requested);
            if (got > 0) {
                fill(batch, 0);
                made += got;
                count += got;
                output(0).push(batch);
                batch.clear();
            }
            if (got < requested) {
                break; // the pool ran dry and counted the drops; the task stays scheduled and tries again
            }
        }
        return made > 0;
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int wanted = active ? quota(max) : 0;
        if (wanted == 0) {
            if (active && limitReached()) {
                requestStop();
            }
            producing.sleep();
            return 0;
        }
        int start = into.size();
        int got = context().packetPool().allocate(into, wanted);
        fill(into, start);
        count += got;
        return got;
    }

    /** How many of {@code wanted} packets may still be made under LIMIT. */
    private int quota(int wanted) {
        if (limit < 0) {
            return wanted;
        }
        return (int) Math.max(0, Math.min(wanted, limit - count));
    }

    private boolean limitReached() {
        return limit >= 0 && count >= limit;
    }

    /** Writes DATA into packets {@code from..size-1} of {@code packets}, fresh from the pool. */
    private void fill(PacketBatch packets, int from) {
        Sources.fill(packets, from, template.segment(), timestamp ? context().clock().epochNanos() : 0);
    }

    /** Click's STOP: once LIMIT packets are sent, the router is asked to stop (once). */
    private void requestStop() {
        if (stop && !stopRequested) {
            stopRequested = true;
            Sources.stopRouter(context());
        }
    }

    @Override
    public Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY && pullContext ? producing : null;
    }

    // ---------------------------------------------------------------- handlers

    /** Packets made since the last reset. */
    public long count() {
        return count;
    }

    /**
     * Carries the packet count across a hot swap, so that a live edit elsewhere in the graph does not restart
     * the source's LIMIT (Click's InfiniteSource starts over; Junction's graph edits are swaps too).
     */
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
        handlers.addWrite("reset", resumingAfter(value -> count = 0));
        handlers.addReadWrite("data", () -> data, resumingAfter(value -> setData(value, length)));
        handlers.addReadWrite("length", () -> Integer.toString(length),
                resumingAfter(value -> setData(data, HandlerValues.parseInt(value, "length must be integer"))));
        handlers.addReadWrite("limit", () -> Long.toString(limit),
                resumingAfter(value -> limit = HandlerValues.parseLong(value, "limit parameter must be integer")));
        handlers.addReadWrite("burst", () -> Integer.toString(burst), resumingAfter(value -> {
            int written = HandlerValues.parseInt(value, "burstsize parameter must be integer >= 1");
            if (written < 1) {
                throw new HandlerException("burstsize parameter must be integer >= 1");
            }
            burst = written;
        }));
        handlers.addReadWrite("active", () -> Boolean.toString(active),
                resumingAfter(value -> active = HandlerValues.parseBoolean(value, "active parameter must be boolean")));
    }

    private void setData(String newData, int newLength) throws HandlerException {
        template = Sources.Template.forHandler(context(), newData, newLength);
        data = newData;
        length = newLength;
    }

    /** {@code change}, then restarts production if there is work to do now, as every Click write does. */
    private WriteHandler resumingAfter(WriteHandler change) {
        return value -> {
            change.write(value);
            if (active && !limitReached()) {
                if (pullContext) {
                    producing.wake();
                } else if (!task.isScheduled()) {
                    task.reschedule();
                }
            }
        };
    }
}
