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

/** FixIPSrc: sets the IP source address of packets that carry the fix-IP-source annotation. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("FixIPSrc")
@ElementDoc(
        synopsis = "FixIPSrc(IPADDR)",
        category = "ip",
        summary = "sets IP source field if requested by annotation",
        description = """
                Expects IP packets. If a packet has a marked network header and its fix-IP-source annotation \
                is set (ICMPError sets it on the errors it makes), FixIPSrc clears the annotation, sets the \
                source address to IPADDR and recomputes the header checksum. Other packets pass unchanged, \
                as do packets whose marked header is truncated.

                Junction keeps the annotation in bit 8 of user annotation word 3 (Click: user byte 3).""",
        arguments = @ElementDoc.Argument(name = "IPADDR", description = "IP address. The source address to set."),
        example = "... -> FixIPSrc(18.26.4.24) -> DecIPTTL -> ...",
        seeAlso = {"ICMPError", "IPOutputCombo"})
public final class FixIPSrc extends SimpleAction {
    private int address;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer configured = args.requirePositional("IPADDR", ArgTypes.IPV4_ADDRESS);
        args.complete();
        address = configured;
    }

    @Override
    protected Packet action(Packet packet) {
        if (IPHeaders.fixIpSrc(packet)) {
            int header = IPHeaders.networkHeader(packet);
            if (header >= 0) {
                IPHeaders.fixSource(packet, header, address);
                IPHeaders.setChecksum(packet, header, IPHeaders.headerLength(packet, header));
            }
        }
        return packet;
    }
}
