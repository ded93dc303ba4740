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

/** MarkIPHeader: marks the IP header OFFSET bytes into every packet. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("MarkIPHeader")
@ElementDoc(
        synopsis = "MarkIPHeader([OFFSET])",
        category = "ip",
        summary = "sets IP header annotation",
        description = """
                Marks every packet's network header as starting OFFSET bytes into it, with the length its \
                header length field gives, so that the transport header follows. Nothing else is checked: \
                lengths, version and checksum are not looked at, the packet is not trimmed and the destination \
                annotation is not set (CheckIPHeader does those). A packet too short to hold the header length \
                byte at OFFSET is dropped and counted. One input, one output, agnostic.""",
        arguments = @ElementDoc.Argument(name = "OFFSET", description = "Integer. Where the IP header starts. Default 0."),
        handlers = @ElementDoc.Handler(name = "drops", description = """
                Packets dropped because they end before OFFSET (a Junction addition)."""),
        example = "FromDevice(eth0) -> MarkIPHeader(14) -> IPPrint -> Discard;",
        seeAlso = {"CheckIPHeader", "CheckIPHeader2", "StripIPHeader"})
public final class MarkIPHeader extends SimpleAction {
    private int offset;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        int configured = args.readPositional("OFFSET", ArgTypes.INTEGER, 0);
        args.complete();
        offset = configured;
    }

    @Override
    protected Packet action(Packet packet) {
        if (offset < 0 || offset >= packet.length()) {
            drops++;
            packet.kill();
            return null;
        }
        packet.setNetworkHeader(offset, (packet.getUnsignedByte(offset) & 0x0F) << 2);
        return packet;
    }

    /** Packets dropped for being too short. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
