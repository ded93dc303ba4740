package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Strip: removes LENGTH bytes from the front of every packet. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Strip")
@ElementDoc(
        synopsis = "Strip(LENGTH)",
        category = "basicmod",
        summary = "strips bytes from front of packets",
        description = """
                Removes the first LENGTH bytes of every packet and passes it on; the bytes stay in the buffer's \
                headroom, so Unstrip can put them back. A packet shorter than LENGTH loses all its data, as in \
                Click, and still goes on. Header marks are left where they were. One input, one output, \
                agnostic.""",
        arguments = @ElementDoc.Argument(name = "LENGTH", description = "Unsigned. Number of bytes to strip."),
        example = "FromDevice(eth0) -> Strip(14) -> CheckIPHeader -> ...   // drop the Ethernet header",
        seeAlso = {"Unstrip", "StripToNetworkHeader", "StripIPHeader", "EtherEncap", "IPEncap", "Truncate"})
public final class Strip extends SimpleAction {
    private int length;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configured = args.requirePositional("LENGTH", ArgTypes.UNSIGNED);
        args.complete();
        length = (int) Math.min(configured, Integer.MAX_VALUE);
    }

    @Override
    protected Packet action(Packet packet) {
        packet.pull(Math.min(length, packet.length()));
        return packet;
    }

    /** Bytes stripped from each packet. */
    public int length() {
        return length;
    }
}
