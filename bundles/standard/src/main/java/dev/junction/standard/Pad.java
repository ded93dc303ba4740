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

/** Pad: extends packets to at least LENGTH bytes, or by their extra length annotation. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Pad")
@ElementDoc(
        synopsis = "Pad([LENGTH, ZERO])",
        category = "basicmod",
        summary = "extend packet length",
        description = """
                Lengthens every packet shorter than LENGTH bytes to LENGTH by adding bytes at the end. Without \
                LENGTH (or with 0), each packet instead grows by its extra length annotation, undoing a \
                Truncate. Packets leave with extra length annotation 0. When the tailroom is short the data \
                moves forward within its buffer; a packet whose buffer cannot hold the new length is dropped \
                and counted. One input, one output, agnostic.""",
        arguments = {
            @ElementDoc.Argument(name = "LENGTH", description = "Unsigned. The smallest length let through. Default 0."),
            @ElementDoc.Argument(name = "ZERO", description = """
                    Boolean. If true, the added bytes are set to zero; if false, they hold whatever the buffer \
                    held (which may leak old data). Default true.""")
        },
        handlers = @ElementDoc.Handler(name = "drops", description = """
                Packets dropped because their buffer could not hold the padded length (a Junction addition)."""),
        example = "... -> Pad(60) -> ToDevice(eth0);   // Ethernet minimum frame size without the FCS",
        seeAlso = {"Truncate"})
public final class Pad extends SimpleAction {
    private int length;
    private boolean zero;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configured = args.readPositional("LENGTH", ArgTypes.UNSIGNED, 0L);
        boolean configuredZero = args.read("ZERO", ArgTypes.BOOLEAN, true);
        args.complete();
        length = (int) Math.min(configured, Integer.MAX_VALUE);
        zero = configuredZero;
    }

    @Override
    protected Packet action(Packet packet) {
        long added;
        if (length != 0) {
            added = Math.max(0, length - packet.length());
        } else {
            added = Annotations.extraLength(packet);
        }
        if (added != 0) {
            if (added > packet.capacity() || !PacketRoom.tailroom(packet, (int) added)) {
                drops++;
                packet.kill();
                return null;
            }
            int bytes = (int) added;
            packet.put(bytes);
            if (zero) {
                packet.fill(packet.length() - bytes, bytes, 0);
            }
        }
        Annotations.setExtraLength(packet, 0);
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
