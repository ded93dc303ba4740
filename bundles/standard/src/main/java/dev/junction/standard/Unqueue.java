package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.WriteHandler;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Unqueue: a task that pulls packets from its input and pushes them out of its output, sleeping while the
 * notifiers upstream say nothing will come.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Unqueue")
@ElementDoc(
        synopsis = "Unqueue([BURST, ACTIVE, LIMIT])",
        category = "shaping",
        summary = "pull-to-push converter",
        description = """
                Each time its task runs, pulls up to BURST packets from its pull input and pushes them out of \
                its push output, a batch at a time. When a pull brings nothing and the empty notifiers \
                upstream (a Queue's, say) are inactive, the task sleeps until one wakes it, so an idle path \
                costs no CPU.""",
        arguments = {
            @ElementDoc.Argument(name = "BURST", description = """
                    Integer. The most packets moved each time the task runs; negative means as many as come. \
                    Default 1. With 0 nothing moves."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, Unqueue moves nothing until the active handler is set true. \
                    Default true."""),
            @ElementDoc.Argument(name = "LIMIT", description = """
                    Integer. If not negative, Unqueue stops after moving LIMIT packets in all (until reset). \
                    Default -1, no limit.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets moved since the last reset."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Sets count to 0, which lets Unqueue move LIMIT more packets."""),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Same as reset."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = "The ACTIVE setting."),
            @ElementDoc.Handler(name = "burst", mode = "read/write", description = """
                    The BURST setting (a negative value reads back as 2147483647)."""),
            @ElementDoc.Handler(name = "limit", mode = "read/write", description = "The LIMIT setting.")
        },
        example = "Queue -> Unqueue(BURST 32) -> Discard;",
        seeAlso = {"Queue", "RatedUnqueue", "BandwidthRatedUnqueue"})
public final class Unqueue extends Element {
    private static final System.Logger LOG = System.getLogger(Unqueue.class.getName());

    private int burst;
    private boolean active;
    private int limit;
    private long count;
    private Task task;
    private NotifierSignal upstream;
    private PacketBatch batch;

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
        burst = args.readPositional("BURST", ArgTypes.INTEGER, 1);
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        limit = args.read("LIMIT", ArgTypes.INTEGER, -1);
        args.complete();
    }

    @Override
    public void initialize() {
        count = 0;
        batch = new PacketBatch();
        task = context().createTask(this::moveBurst);
        upstream = context().upstreamEmptySignal(0, task);
        if (burst < 0) {
            burst = Integer.MAX_VALUE;
        } else if (burst == 0) {
            LOG.log(System.Logger.Level.WARNING, name() + ": BURST size 0, no packets will be pulled");
        }
        if (active) {
            task.reschedule();
        }
    }

    /** The task: moves up to BURST packets (fewer if LIMIT is near); sleeps when upstream is dry. */
    private boolean moveBurst() {
        if (!active) {
            task.unschedule();
            return false;
        }
        int quota = burst;
        if (limit >= 0 && count + quota >= limit) {
            quota = (int) Math.max(0, limit - count);
            if (quota == 0) {
                task.unschedule(); // until reset or a new limit
                return false;
            }
        }
        int moved = 0;
        while (moved < quota && active) {
            int pulled = input(0).pull(batch, Math.min(quota - moved, batch.capacity()));
            if (pulled == 0) {
                if (!upstream.isActive()) {
                    task.sleepUntil(upstream);
                }
                break;
            }
            moved += pulled;
            count += pulled;
            output(0).push(batch);
            batch.clear();
        }
        return moved > 0;
    }

    /** Packets moved since the last reset. */
    public long count() {
        return count;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addWrite("reset", resumingAfter(value -> count = 0));
        handlers.addWrite("reset_counts", resumingAfter(value -> count = 0));
        handlers.addReadWrite("active", () -> Boolean.toString(active),
                resumingAfter(value -> active = HandlerValues.parseBoolean(value, "syntax error")));
        handlers.addReadWrite("burst", () -> Integer.toString(burst), resumingAfter(value -> {
            int written = HandlerValues.parseInt(value, "syntax error");
            burst = written < 0 ? Integer.MAX_VALUE : written;
        }));
        handlers.addReadWrite("limit", () -> Integer.toString(limit),
                resumingAfter(value -> limit = HandlerValues.parseInt(value, "syntax error")));
    }

    /** {@code change}, then wakes the task if there is work it may do now, as every Click write does. */
    private WriteHandler resumingAfter(WriteHandler change) {
        return value -> {
            change.write(value);
            if (active && !task.isScheduled() && (limit < 0 || count < limit)) {
                task.reschedule();
            }
        };
    }
}
