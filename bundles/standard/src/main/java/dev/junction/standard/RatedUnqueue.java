package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** RatedUnqueue: pulls packets at most RATE per second and pushes them; the rest is {@link RatedUnqueueBase}. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RatedUnqueue")
@ElementDoc(
        synopsis = "RatedUnqueue(RATE, [keywords BURST_DURATION, BURST_SIZE])",
        category = "shaping",
        summary = "pull-to-push converter",
        description = """
                Pulls packets from its pull input and pushes them out of its push output, at most RATE per \
                second, paced by a token bucket: each packet takes a token, tokens come in at RATE per \
                second (counted to the nanosecond), and the bucket, which starts full, holds BURST_SIZE \
                tokens, by default as many as RATE gives in BURST_DURATION. So after an idle time up to \
                BURST_SIZE packets may leave at once.

                Each time its task runs it pulls, in one batch, as many packets as there are tokens (Click \
                moves one per run). Without tokens, the task sleeps and a timer wakes it when the next one \
                is due; without packets, it sleeps on the empty notifiers upstream (a Queue's, say).""",
        arguments = {
            @ElementDoc.Argument(name = "RATE", description = "Unsigned. Packets per second. Required."),
            @ElementDoc.Argument(name = "BURST_DURATION", description = """
                    Time, in whole milliseconds. The bucket holds RATE times this many tokens (at least 1). \
                    Default 20ms."""),
            @ElementDoc.Argument(name = "BURST_SIZE", description = """
                    Unsigned. The bucket's size in packets, instead of BURST_DURATION (not both).""")
        },
        handlers = {
            @ElementDoc.Handler(name = "rate", mode = "read/write", description = """
                    RATE; writing it keeps the burst settings (a burst from BURST_DURATION follows the rate)."""),
            @ElementDoc.Handler(name = "config", description = "The same as rate."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    Boolean. While false, nothing moves. Starts true."""),
            @ElementDoc.Handler(name = "calls", description = """
                    Statistics, one per line: task runs, runs that moved nothing, packets pushed (Click counts \
                    pushes, one packet each), and pulls that found nothing.""")
        },
        example = "Queue -> RatedUnqueue(1000) -> ToDevice(eth0);",
        seeAlso = {"BandwidthRatedUnqueue", "Unqueue", "Shaper", "RatedSplitter"})
public final class RatedUnqueue extends RatedUnqueueBase {
    @Override
    boolean isBandwidth() {
        return false;
    }

    @Override
    int pullAllowed(PacketBatch into) {
        int pulled = input(0).pull(into, (int) Math.min(bucket.tokens(), into.remaining()));
        bucket.remove(pulled);
        return pulled;
    }
}
