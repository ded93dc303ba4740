package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * DelayShaper: a pull element that hands out each packet once DELAY has passed since its timestamp, with an
 * empty notifier that sleeps while it waits, so that the puller downstream sleeps too. The API registers
 * tasks, not notifiers, as listeners of upstream signals, so a small relay task wakes this element's notifier
 * when an upstream one wakes (Click listens with the notifier itself).
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("DelayShaper")
@ElementDoc(
        synopsis = "DelayShaper(DELAY)",
        category = "shaping",
        summary = "shapes traffic to meet delay requirements",
        description = """
                Pulls packets from its input and hands each to a pull on its output once DELAY has passed \
                since its timestamp annotation; a packet without a timestamp is stamped with the time it is \
                pulled. A packet handed out is stamped with the time it leaves. Packets leave in the order \
                they came.

                DelayShaper pulls a batch and pulls again only when the whole batch has gone (Click holds one \
                packet). It has an empty notifier: inactive while it waits for a packet's time (a timer wakes \
                it) or has nothing and the notifiers upstream are inactive, so a pulling task downstream can \
                sleep. On a hot swap the packets it holds are dropped, as in Click.""",
        arguments = @ElementDoc.Argument(name = "DELAY", description = "Time. The delay. Required."),
        handlers = @ElementDoc.Handler(name = "delay", mode = "read/write", description = """
                DELAY; a new delay applies to packets pulled from then on."""),
        example = "Queue -> DelayShaper(10ms) -> Unqueue -> ToDevice(eth0);",
        seeAlso = {"DelayUnqueue", "BandwidthShaper", "LinkUnqueue"})
public final class DelayShaper extends Element {
    private long delay;
    private final PacketRing held = new PacketRing();
    private final Notifier notifier = new Notifier(NotifierKind.EMPTY, true);
    private Timer timer;
    private Task relay;
    private NotifierSignal upstream;

    @Override
    public String portCount() {
        return "1/1";
    }

    @Override
    public String processing() {
        return "l/l";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configured = args.requirePositional("DELAY", ArgTypes.TIME);
        args.complete();
        delay = configured;
    }

    @Override
    public void initialize() {
        timer = context().createTimer(expired -> notifier.wake());
        relay = context().createTask(this::relayWake);
        upstream = context().upstreamEmptySignal(0, relay);
    }

    /** The relay: an upstream notifier woke, so this element may have packets again. */
    private boolean relayWake() {
        relay.unschedule();
        notifier.wake();
        return false;
    }

    @Override
    public Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY ? notifier : null;
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        long now = context().clock().epochNanos();
        if (held.isEmpty()) {
            int start = into.size();
            int pulled = input(0).pull(into, max);
            if (pulled == 0) {
                if (!upstream.isActive()) {
                    notifier.sleep();
                    if (upstream.isActive()) { // woken between the check and the sleep
                        notifier.wake();
                    }
                }
                return 0;
            }
            Timing.stampDelay(into.array(), start, pulled, now, delay);
            held.addAll(into, start);
            into.setSize(start);
        }
        int start = into.size();
        while (!held.isEmpty() && into.size() - start < max && held.first().timestampNanos() <= now) {
            held.moveFirst(into);
            into.get(into.size() - 1).setTimestampNanos(now);
        }
        if (!held.isEmpty()) {
            long expiry = Timing.firstExpiry(held, context().clock());
            if (expiry <= now) {
                notifier.wake();
            } else {
                timer.scheduleAfter(expiry - now);
                notifier.sleep();
            }
        }
        return into.size() - start;
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
