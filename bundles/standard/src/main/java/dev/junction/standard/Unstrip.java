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

/** Unstrip: adds LENGTH bytes at the front of every packet. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Unstrip")
@ElementDoc(
        synopsis = "Unstrip(LENGTH)",
        category = "basicmod",
        summary = "unstrips bytes from front of packets",
        description = """
                Grows every packet by LENGTH bytes at the front and passes it on. The new bytes are whatever the \
                headroom held: after Strip(LENGTH), exactly the bytes Strip removed. When the headroom is short \
                the data moves back within its buffer (Click would reallocate); a packet whose whole buffer \
                cannot hold LENGTH more bytes is dropped and counted. One input, one output, agnostic.""",
        arguments = @ElementDoc.Argument(name = "LENGTH", description = "Unsigned. Number of bytes to add."),
        handlers = @ElementDoc.Handler(name = "drops", description = """
                Packets dropped because their buffer had no room for LENGTH more bytes (a Junction \
                addition)."""),
        example = "Strip(14) -> CheckIPHeader -> DecIPTTL -> Unstrip(14) -> Queue -> ToDevice(eth1);",
        seeAlso = {"Strip", "EtherEncap", "IPEncap"})
public final class Unstrip extends SimpleAction {
    private int length;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configured = args.requirePositional("LENGTH", ArgTypes.UNSIGNED);
        args.complete();
        length = (int) Math.min(configured, Integer.MAX_VALUE);
    }

    @Override
    protected Packet action(Packet packet) {
        if (packet.headroom() < length && !PacketRoom.headroom(packet, length)) {
            drops++;
            packet.kill();
            return null;
        }
        packet.push(length);
        return packet;
    }

    /** Packets dropped for want of room. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
