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

/** GetIPAddress: copies an IP address from the packet into its destination IP address annotation. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("GetIPAddress")
@ElementDoc(
        synopsis = "GetIPAddress(OFFSET [, ANNO, IP])",
        category = "ip",
        summary = "sets destination IP address annotation from packet data",
        description = """
                Copies the 4 bytes OFFSET bytes into every packet to its destination IP address annotation \
                (OFFSET 16 fetches the destination of an IP packet), and passes the packet on. Instead of \
                OFFSET, IP src or IP dst copies that address from the packet's marked IP header (set by \
                CheckIPHeader or MarkIPHeader). Give exactly one of OFFSET and IP. A packet too short for the \
                address, or without a marked IP header, is dropped and counted. One input, one output, \
                agnostic.""",
        arguments = {
            @ElementDoc.Argument(name = "OFFSET", description = "Unsigned. Where the address is in the packet."),
            @ElementDoc.Argument(name = "ANNO", description = """
                    Annotation. Only DST_IP (or 0, Click's offset of it) is supported. Default DST_IP."""),
            @ElementDoc.Argument(name = "IP", description = "src or dst: which address of the IP header to copy.")
        },
        handlers = @ElementDoc.Handler(name = "drops", description = """
                Packets dropped because the address was not in them (a Junction addition)."""),
        example = "CheckIPHeader -> GetIPAddress(16) -> StaticIPLookup(...)   // or GetIPAddress(IP dst)",
        seeAlso = {"ARPQuerier", "StaticIPLookup", "SetIPAddress", "StoreIPAddress"})
public final class GetIPAddress extends SimpleAction {
    private static final int FROM_IP_SOURCE = -1;
    private static final int FROM_IP_DESTINATION = -2;
    private static final int IP_SOURCE_FIELD = 12;
    private static final int IP_DESTINATION_FIELD = 16;

    /** An offset into the data, or FROM_IP_SOURCE / FROM_IP_DESTINATION. */
    private int offset;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        int configured = args.readPositional("OFFSET", ArgTypes.INTEGER, -1);
        args.readPositional("ANNO", StandardArgs.DST_IP_ANNO, "DST_IP");
        String ip = args.read("IP", ArgTypes.STRING, null);
        if (args.ok()) {
            if ((configured >= 0) == (ip != null)) {
                args.error("set one of OFFSET, IP");
            } else if ("src".equals(ip)) {
                configured = FROM_IP_SOURCE;
            } else if ("dst".equals(ip)) {
                configured = FROM_IP_DESTINATION;
            } else if (ip != null) {
                args.error("bad IP");
            }
        }
        args.complete();
        offset = configured;
    }

    @Override
    protected Packet action(Packet packet) {
        int at = offset;
        if (at < 0) {
            int header = packet.networkHeaderOffset();
            if (header == Packet.NO_HEADER) {
                return drop(packet);
            }
            at = header + (at == FROM_IP_SOURCE ? IP_SOURCE_FIELD : IP_DESTINATION_FIELD);
        }
        if (at < 0 || at > packet.length() - 4) {
            return drop(packet);
        }
        packet.setDstIp(packet.getInt(at));
        return packet;
    }

    private Packet drop(Packet packet) {
        drops++;
        packet.kill();
        return null;
    }

    /** Packets dropped because the address was not in them. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
