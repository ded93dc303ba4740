package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * BandwidthRatedUnqueue: RatedUnqueue counting bytes. As in Click, a packet is pulled while the bucket holds
 * at least 128 KiB of credit, and then costs its length; batches are sized with {@link PacketLengths} so that
 * no packet is pulled that Click would have left upstream.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("BandwidthRatedUnqueue")
@ElementDoc(
        synopsis = "BandwidthRatedUnqueue(RATE, [keywords BURST_DURATION, BURST_BYTES])",
        category = "shaping",
        summary = "pull-to-push converter",
        description = """
                Pulls packets from its pull input and pushes them out of its push output at a bandwidth of \
                RATE, paced by a token bucket of bytes: tokens come in at RATE bytes per second (counted to \
                the nanosecond), a packet may be pulled while the bucket holds at least 131072 bytes, and it \
                then costs its length. The bucket, which starts full, holds BURST_BYTES plus 131072 bytes, \
                BURST_BYTES being by default what RATE gives in BURST_DURATION.

                Each time its task runs it pulls as many packets as the credit allows, in batches. Without \
                credit, the task sleeps and a timer wakes it when enough is due; without packets, it sleeps \
                on the empty notifiers upstream.""",
        arguments = {
            @ElementDoc.Argument(name = "RATE", description = "Bandwidth (10Mbps, 1MBps, ...). Required."),
            @ElementDoc.Argument(name = "BURST_DURATION", description = """
                    Time, in whole milliseconds. The burst is what RATE gives in this time. Default 20ms."""),
            @ElementDoc.Argument(name = "BURST_BYTES", description = """
                    Unsigned. The burst in bytes, instead of BURST_DURATION (not both).""")
        },
        handlers = {
            @ElementDoc.Handler(name = "rate", mode = "read/write", description = """
                    RATE, printed as Click prints bandwidths (10Mbps); writing it keeps the burst settings."""),
            @ElementDoc.Handler(name = "config", description = "The same as rate."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    Boolean. While false, nothing moves. Starts true."""),
            @ElementDoc.Handler(name = "calls", description = """
                    Statistics, one per line: task runs, runs that moved nothing, packets pushed, and pulls \
                    that found nothing.""")
        },
        example = "Queue -> BandwidthRatedUnqueue(10Mbps) -> ToDevice(eth0);",
        seeAlso = {"RatedUnqueue", "BandwidthShaper", "LinkUnqueue"})
public final class BandwidthRatedUnqueue extends RatedUnqueueBase {
    @Override
    boolean isBandwidth() {
        return true;
    }

    @Override
    int pullAllowed(PacketBatch into) {
        int start = into.size();
        while (into.remaining() > 0) {
            long credit = bucket.tokens() - BANDWIDTH_THRESHOLD + 1; // positive while a packet may go
            if (credit <= 0) {
                break;
            }
            int wanted = PacketLengths.chunk(credit, lengths.bound(), into.remaining());
            int from = into.size();
            int pulled = input(0).pull(into, wanted);
            bucket.remove(lengths.sum(into, from));
            if (pulled < wanted) {
                break;
            }
        }
        return into.size() - start;
    }
}
