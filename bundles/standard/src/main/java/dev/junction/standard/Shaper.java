package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Shaper: lets at most RATE packets per second through a pull path, with Click's GapRate pacing. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Shaper")
@ElementDoc(
        synopsis = "Shaper(RATE)",
        category = "shaping",
        summary = "shapes traffic to maximum rate (pkt/s)",
        description = """
                A pull element that lets at most RATE packets per second through. Pacing follows Click's \
                GapRate: within each second, a pull on output 0 gets the packets that RATE allows up to now \
                and that have not gone yet, so evenly spaced pulls see evenly spaced packets, and pulls that \
                come seldom get packets seldom. A batch pull gets all the packets allowed at that moment.

                A pull on output 1 gets packets only when output 0 would get none, without any pacing: a way \
                to sample in pull context. Rates between integer numbers of packets per 2^-12 microseconds \
                cannot be paced evenly, as in Click; a RATE above 4096000000 is lowered to it, with a warning.""",
        arguments = @ElementDoc.Argument(name = "RATE", description = "Unsigned. Packets per second. Required."),
        handlers = {
            @ElementDoc.Handler(name = "rate", mode = "read/write", description = "The RATE setting."),
            @ElementDoc.Handler(name = "config", description = "The same as rate."),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Starts the pacing over, as if the element had just started.""")
        },
        example = "Queue -> Shaper(1000) -> Unqueue -> ToDevice(eth0);",
        seeAlso = {"BandwidthShaper", "RatedUnqueue", "RatedSplitter"})
public final class Shaper extends ShaperBase {
    @Override
    boolean isBandwidth() {
        return false;
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        long allowance = gapRate.allowance(context().clock().nanoTime());
        if (port == 0) {
            if (allowance <= 0) {
                return 0;
            }
            int pulled = input(0).pull(into, (int) Math.min(allowance, max));
            gapRate.add(pulled);
            return pulled;
        }
        return allowance <= 0 ? input(0).pull(into, max) : 0;
    }
}
