package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * DelayUnqueue: pushes each pulled packet once DELAY has passed since its timestamp. Click holds one packet
 * and pulls the next when it has gone; this element holds one pulled batch and pulls the next when the whole
 * batch has gone, reading the clock once per task run.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("DelayUnqueue")
@ElementDoc(
        synopsis = "DelayUnqueue(DELAY)",
        category = "shaping",
        summary = "delay-inducing pull-to-push converter",
        description = """
                Pulls packets from its input and pushes each out of its output when DELAY has passed since \
                its timestamp annotation; a packet without a timestamp is stamped with the time it is \
                pulled. The timestamp is advanced by DELAY. Packets leave in the order they came, so a packet \
                whose time has come waits behind an earlier one whose time has not.

                DelayUnqueue pulls a batch, and pulls again only when that batch has gone, so it holds at \
                most one batch (Click holds one packet). It sleeps on a timer while waiting and on the empty \
                notifiers upstream when there is nothing to pull. On a hot swap the packets it holds are \
                dropped, as in Click.""",
        arguments = @ElementDoc.Argument(name = "DELAY", description = "Time. The delay. Required."),
        handlers = @ElementDoc.Handler(name = "delay", mode = "read/write", description = """
                DELAY; a new delay applies to packets pulled from then on."""),
        example = "Queue -> DelayUnqueue(50ms) -> ToDevice(eth0);",
        seeAlso = {"Queue", "Unqueue", "RatedUnqueue", "LinkUnqueue", "DelayShaper"})
public final class DelayUnqueue extends Element {
    private long delay;
    private final PacketRing held = new PacketRing();
    private Task task;
    private Timer timer;
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
        Long configured = args.requirePositional("DELAY", ArgTypes.TIME);
        args.complete();
        delay = configured;
    }

    @Override
    public void initialize() {
        batch = new PacketBatch();
        task = context().createTask(this::run);
        timer = context().createTimer(expired -> task.reschedule());
        upstream = context().upstreamEmptySignal(0, task);
        task.reschedule();
    }

    private boolean run() {
        long now = context().clock().epochNanos();
        boolean worked = false;
        while (true) {
            if (held.isEmpty()) {
                int pulled = input(0).pull(batch, batch.capacity());
                if (pulled == 0) {
                    if (!upstream.isActive()) {
                        task.sleepUntil(upstream);
                    }
                    return worked;
                }
                Timing.stampDelay(batch.array(), 0, pulled, now, delay);
                held.addAll(batch, 0);
                batch.clear();
            }
            while (!held.isEmpty() && held.first().timestampNanos() <= now) {
                held.moveFirst(batch);
            }
            if (!batch.isEmpty()) {
                output(0).push(batch);
                batch.clear();
                worked = true;
            }
            if (!held.isEmpty()) {
                long expiry = Timing.firstExpiry(held, context().clock());
                if (expiry > now) {
                    task.unschedule();
                    timer.scheduleAfter(expiry - now);
                }
                return worked;
            }
        }
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("delay", () -> Intervals.format(delay),
                value -> delay = HandlerValues.parse(ArgTypes.TIME, value, "delay must be a timestamp"));
    }

    @Override
    public void cleanup() {
        held.killAll();
    }
}
