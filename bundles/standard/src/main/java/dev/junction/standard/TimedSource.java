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
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Timer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** TimedSource: a timer that pushes one packet holding DATA every INTERVAL. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("TimedSource")
@ElementDoc(
        synopsis = "TimedSource([INTERVAL, DATA, keywords LIMIT, ACTIVE, STOP, HEADROOM])",
        category = "basicsources",
        summary = "periodically generates a packet",
        description = """
                Pushes a packet holding DATA out of its output every INTERVAL, the first one INTERVAL after \
                the router starts. The period does not drift: each expiry is counted from the previous one. \
                Each packet's timestamp annotation is set to the time it is made. Packets come from the \
                router's packet pool; when the pool is empty, that tick's packet is dropped (counted by the \
                pool) and not counted here.

                After LIMIT packets it stops, and with STOP true asks the router to stop (at the next tick).""",
        arguments = {
            @ElementDoc.Argument(name = "INTERVAL", description = "Time. The period. Default 500ms."),
            @ElementDoc.Argument(name = "DATA", description = """
                    String. The packet data. Default: a 69-byte text, Click's default."""),
            @ElementDoc.Argument(name = "LIMIT", description = """
                    Integer. The number of packets to send; negative means no limit. Default -1."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, nothing is sent until the active handler is set true. Default true."""),
            @ElementDoc.Argument(name = "STOP", description = """
                    Boolean. If true, the router stops once LIMIT packets are sent. Default false."""),
            @ElementDoc.Argument(name = "HEADROOM", description = """
                    Unsigned. Accepted for Click's sake and shown by the headroom handler; packets have the \
                    pool's headroom (at least 128 bytes) whatever it says. Default 128.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "data", mode = "read/write", description = """
                    DATA; a written value is taken as it is, without unquoting."""),
            @ElementDoc.Handler(name = "limit", mode = "read/write", description = "The LIMIT setting."),
            @ElementDoc.Handler(name = "interval", mode = "read/write", description = """
                    INTERVAL; a new one applies from the next tick. 0 is refused."""),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    ACTIVE; setting it true restarts the ticks at once if they had stopped."""),
            @ElementDoc.Handler(name = "count", description = "Packets sent since the last reset."),
            @ElementDoc.Handler(name = "headroom", mode = "read/write", description = "The HEADROOM setting."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Sets count to 0 and restarts the ticks at once if they had stopped.""")
        },
        example = "TimedSource(INTERVAL 0.333) -> Print -> Discard;",
        seeAlso = {"InfiniteSource", "RatedSource"})
public final class TimedSource extends Element {
    private static final long DEFAULT_INTERVAL = 500_000_000L;
    private static final int DEFAULT_HEADROOM = 128;

    private long interval;
    private String data;
    private Sources.Template template;
    private int limit;
    private boolean active;
    private boolean stop;
    private int headroom;
    private long count;
    private Timer timer;
    private PacketBatch batch;

    @Override
    public String portCount() {
        return "0/1";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        interval = args.readPositional("INTERVAL", ArgTypes.TIME, DEFAULT_INTERVAL);
        data = args.readPositional("DATA", ArgTypes.STRING, Sources.DEFAULT_DATA);
        limit = args.read("LIMIT", ArgTypes.INTEGER, -1);
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        stop = args.read("STOP", ArgTypes.BOOLEAN, false);
        headroom = args.read("HEADROOM", ArgTypes.UNSIGNED_INT, DEFAULT_HEADROOM);
        args.complete();
        template = Sources.Template.of(data, -1);
    }

    @Override
    public void initialize() throws ConfigurationException {
        template.checkFits(context().packetPool());
        batch = new PacketBatch(1);
        timer = context().createTimer(expired -> tick());
        if (active) {
            timer.scheduleAfter(interval);
        }
    }

    private void tick() {
        if (!active) {
            return;
        }
        if (limit < 0 || count < limit) {
            if (context().packetPool().allocate(batch, 1) == 1) {
                Sources.fill(batch, 0, template.segment(), context().clock().epochNanos());
                count++;
                output(0).push(batch);
                batch.clear();
            }
            timer.rescheduleAfter(interval);
        } else if (stop) {
            Sources.stopRouter(context());
        }
    }

    /** Packets sent since the last reset. */
    public long count() {
        return count;
    }

    /** Carries the count across a hot swap, as the other sources do, so that LIMIT is not restarted. */
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
        handlers.addReadWrite("data", () -> data, value -> {
            template = Sources.Template.forHandler(context(), value, -1);
            data = value;
        });
        handlers.addReadWrite("limit", () -> Integer.toString(limit),
                value -> limit = HandlerValues.parseInt(value, "syntax error"));
        handlers.addReadWrite("interval", () -> Intervals.format(interval), value -> {
            long written = HandlerValues.parse(ArgTypes.TIME, value, "bad interval");
            if (written == 0) {
                throw new HandlerException("bad interval");
            }
            interval = written;
        });
        handlers.addReadWrite("active", () -> Boolean.toString(active), value -> {
            active = HandlerValues.parseBoolean(value, "bad active");
            restartIfStopped();
        });
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addReadWrite("headroom", () -> Integer.toString(headroom),
                value -> headroom = HandlerValues.parse(ArgTypes.UNSIGNED_INT, value, "bad headroom"));
        handlers.addWrite("reset", value -> {
            count = 0;
            restartIfStopped();
        });
    }

    /** Click's {@code schedule_now} when the timer is idle and the source active. */
    private void restartIfStopped() {
        if (active && !timer.isScheduled()) {
            timer.scheduleAfter(0);
        }
    }
}
