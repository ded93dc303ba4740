package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** DecIPTTL: decrements the IP time-to-live, sending expired packets to output 1. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("DecIPTTL")
@ElementDoc(
        synopsis = "DecIPTTL([keywords ACTIVE, MULTICAST])",
        category = "ip",
        summary = "decrements IP time-to-live, drops dead packets",
        description = """
                Expects IP packets with a marked network header (CheckIPHeader or MarkIPHeader marks it). A \
                packet whose TTL is 0 or 1 has expired: it is counted and sent to output 1 if there is one, \
                dropped otherwise. Any other packet has its TTL decremented and its header checksum updated \
                incrementally (RFC 1624), then goes to output 0.

                A packet without a usable network header (none marked, or truncated) is counted as a drop \
                and dropped. One input, one or two outputs; output 0 agnostic, output 1 push.""",
        arguments = {
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, packets pass through untouched. Default true."""),
            @ElementDoc.Argument(name = "MULTICAST", description = """
                    Boolean. If false, packets to multicast destinations pass through untouched. Default true.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "drops", description = "Number of expired (or headerless) packets."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = "The ACTIVE setting.")
        },
        example = "dt :: DecIPTTL; ... -> dt -> ...; dt[1] -> ICMPError(18.26.4.24, timeexceeded) -> ...",
        seeAlso = {"ICMPError", "CheckIPHeader"})
public final class DecIPTTL extends SimpleAction {
    private boolean active = true;
    private boolean multicast = true;
    private long drops;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        multicast = args.read("MULTICAST", ArgTypes.BOOLEAN, true);
        args.complete();
    }

    @Override
    protected Packet action(Packet packet) {
        if (!active) {
            return packet;
        }
        int header = IPHeaders.fixedHeader(packet);
        if (header < 0) {
            drops++;
            packet.kill();
            return null;
        }
        if (!multicast && IPHeaders.isMulticast(packet.getInt(header + 16))) {
            return packet;
        }
        int word = packet.getInt(header + 8); // TTL, protocol, checksum
        if (word >>> 24 <= 1) {
            drops++;
            divert(1, packet);
            return null;
        }
        IPHeaders.decrementTtl(packet, header, word);
        return packet;
    }

    /** Expired or headerless packets seen. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addReadWrite("active", () -> Boolean.toString(active),
                value -> active = HandlerValues.parseBoolean(value, "expected boolean"));
    }
}
