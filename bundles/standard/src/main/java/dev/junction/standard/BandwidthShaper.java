package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * BandwidthShaper: Shaper counting bytes. Click pulls one packet whenever GapRate allows one more byte and
 * charges its length; here a pull takes, in as few upstream pulls as {@link PacketLengths} allows, exactly the
 * packets Click would, with the clock read once per pull.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("BandwidthShaper")
@ElementDoc(
        synopsis = "BandwidthShaper(RATE)",
        category = "shaping",
        summary = "shapes traffic to maximum rate (bytes/s)",
        description = """
                A pull element that lets at most RATE bytes per second through, paced as Shaper paces \
                packets (Click's GapRate, counting bytes): a packet may go while the bytes gone this second \
                are no more than RATE allows up to now, and it then counts its length. A batch pull gets all \
                the packets allowed at that moment.

                Both outputs behave alike (Click's BandwidthShaper ignores the port). A RATE above \
                4096000000 bytes per second (32.768 Gbps) is lowered to it, with a warning.""",
        arguments = @ElementDoc.Argument(name = "RATE", description = "Bandwidth (10Mbps, 1MBps, ...). Required."),
        handlers = {
            @ElementDoc.Handler(name = "rate", mode = "read/write", description = """
                    The RATE setting, printed as Click prints bandwidths (10Mbps)."""),
            @ElementDoc.Handler(name = "config", description = "The same as rate."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Starts the pacing over, as if the element had just started.""")
        },
        example = "Queue -> BandwidthShaper(1Mbps) -> Unqueue -> ToDevice(eth0);",
        seeAlso = {"Shaper", "BandwidthRatedUnqueue", "LinkUnqueue"})
public final class BandwidthShaper extends ShaperBase {
    private PacketLengths lengths;

    @Override
    boolean isBandwidth() {
        return true;
    }

    @Override
    public void initialize() {
        lengths = new PacketLengths();
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        long allowance = gapRate.allowance(context().clock().nanoTime());
        int start = into.size();
        int left = max;
        while (allowance > 0 && left > 0) {
            int wanted = PacketLengths.chunk(allowance, lengths.bound(), left);
            int from = into.size();
            int pulled = input(0).pull(into, wanted);
            long bytes = lengths.sum(into, from);
            gapRate.add(bytes);
            allowance -= bytes;
            left -= pulled;
            if (pulled < wanted) {
                break;
            }
        }
        return into.size() - start;
    }
}
