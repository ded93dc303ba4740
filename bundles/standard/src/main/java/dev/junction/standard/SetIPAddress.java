package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** SetIPAddress: sets every packet's destination IP address annotation to IPADDR. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("SetIPAddress")
@ElementDoc(
        synopsis = "SetIPAddress(IPADDR [, ANNO])",
        category = "ip",
        summary = "sets destination IP address annotations",
        description = """
                Sets the destination IP address annotation of every packet to IPADDR and passes the packet on. \
                One input, one output, agnostic.""",
        arguments = {
            @ElementDoc.Argument(name = "IPADDR", description = "IP address. The address to set."),
            @ElementDoc.Argument(name = "ANNO", description = """
                    Annotation. Only DST_IP (or 0, Click's offset of it) is supported. Default DST_IP.""")
        },
        handlers = @ElementDoc.Handler(name = "addr", mode = "read/write", description = "IPADDR, a dotted quad."),
        example = "... -> SetIPAddress(10.0.0.1) -> arpq :: ARPQuerier(10.0.0.2, eth0) -> ...",
        seeAlso = {"StoreIPAddress", "GetIPAddress"})
public final class SetIPAddress extends SimpleAction {
    private int address;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer configured = args.requirePositional("IPADDR", ArgTypes.IPV4_ADDRESS);
        args.read("ANNO", StandardArgs.DST_IP_ANNO, "DST_IP");
        args.complete();
        address = configured;
    }

    @Override
    protected Packet action(Packet packet) {
        packet.setDstIp(address);
        return packet;
    }

    /** The address set. */
    public int address() {
        return address;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("addr", () -> IPv4.format(address),
                value -> address = HandlerValues.parse(ArgTypes.IPV4_ADDRESS, value, "expected IP address"));
    }
}
