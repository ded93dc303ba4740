package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Discard: frees every packet it receives. In pull context it runs a task that pulls whenever upstream has
 * packets, sleeping on the upstream empty notifiers.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Discard")
@ElementDoc(
        synopsis = "Discard([ACTIVE, BURST])",
        category = "basicsources",
        summary = "drops all packets",
        description = """
                Frees every packet that arrives on its single input and counts it. The input is agnostic. In \
                push context Discard simply frees each batch. In pull context it runs a task that pulls up to \
                BURST packets each time it is scheduled, for as long as the notifiers upstream (a Queue's, for \
                instance) say packets may come, and sleeps until they wake it.""",
        arguments = {
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, Discard does not pull. Default true. Pull context only: setting it \
                    false on a push input is an error."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Unsigned. Packets to pull each time the task runs; 0 means as many as come. Default 1. \
                    Pull context only.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets discarded."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Sets count to 0."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    The ACTIVE setting; writing true restarts the pulls, false stops them. Present in pull \
                    context only.""")
        },
        example = "Queue -> d :: Discard(BURST 32);",
        seeAlso = {"Queue", "Idle"})
public final class Discard extends Element {
    private boolean active;
    private int burst;
    private long count;
    private boolean pullContext;
    private Task task;
    private NotifierSignal upstream;
    private PacketBatch batch;

    @Override
    public String portCount() {
        return "1/0";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        int configuredBurst = args.read("BURST", ArgTypes.UNSIGNED_INT, 1);
        args.complete();
        burst = configuredBurst == 0 ? Integer.MAX_VALUE : configuredBurst;
    }

    @Override
    public void initialize() throws ConfigurationException {
        pullContext = !context().isInputPush(0);
        if (!pullContext) {
            // Click checks this in configure; push and pull are only known once the ports are connected.
            if (!active) {
                throw new ConfigurationException("ACTIVE is meaningless in push context");
            }
            return;
        }
        batch = new PacketBatch();
        task = context().createTask(this::pullAndDiscard);
        upstream = context().upstreamEmptySignal(0, task);
        if (active) {
            task.reschedule();
        }
    }

    @Override
    public void push(int port, PacketBatch received) {
        count += received.size();
        received.killAll();
    }

    /** The pull task: frees up to BURST packets; keeps running while active and packets may come. */
    private boolean pullAndDiscard() {
        int left = burst;
        while (left > 0) {
            int pulled = input(0).pull(batch, Math.min(left, batch.capacity()));
            if (pulled == 0) {
                break;
            }
            batch.killAll();
            left -= pulled;
        }
        int discarded = burst - left;
        count += discarded;
        if (!active) {
            task.unschedule();
        } else if (discarded == 0 && !upstream.isActive()) {
            task.sleepUntil(upstream);
        }
        return discarded > 0;
    }

    /** Packets discarded since the last reset. */
    public long count() {
        return count;
    }

    /** Carries the count across a hot swap, so that a live edit elsewhere does not reset it. */
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
        handlers.addWrite("reset_counts", value -> count = 0);
        if (!context().isInputPush(0)) {
            handlers.addReadWrite("active", () -> Boolean.toString(active), value -> {
                active = HandlerValues.parseBoolean(value, "syntax error");
                if (active) {
                    task.reschedule();
                } else {
                    task.unschedule();
                }
            });
        }
    }
}
