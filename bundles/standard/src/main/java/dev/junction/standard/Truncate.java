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

/** Truncate: shortens packets to at most LENGTH bytes. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Truncate")
@ElementDoc(
        synopsis = "Truncate(LENGTH [, EXTRA_LENGTH])",
        category = "basicmod",
        summary = "limit packet length",
        description = """
                Cuts every packet longer than LENGTH bytes down to LENGTH, removing bytes from the end, and \
                passes it on; shorter packets go on unchanged. One input, one output, agnostic.""",
        arguments = {
            @ElementDoc.Argument(name = "LENGTH", description = "Unsigned. The largest length let through."),
            @ElementDoc.Argument(name = "EXTRA_LENGTH", description = """
                    Boolean. If true, the bytes cut are added to the packet's extra length annotation, so \
                    that Pad or a dump writer knows the original length. Default true.""")
        },
        handlers = @ElementDoc.Handler(name = "nbytes", mode = "read/write", description = """
                LENGTH, an unsigned integer. Writing it changes the length from the next packet on."""),
        example = "FromDump(trace.pcap) -> Truncate(64) -> ToDump(headers.pcap);",
        seeAlso = {"Strip", "Pad"})
public final class Truncate extends SimpleAction {
    private long length;
    private boolean extraLength;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configured = args.requirePositional("LENGTH", ArgTypes.UNSIGNED);
        boolean extra = args.read("EXTRA_LENGTH", ArgTypes.BOOLEAN, true);
        args.complete();
        length = configured;
        extraLength = extra;
    }

    @Override
    protected Packet action(Packet packet) {
        long cut = packet.length() - length;
        if (cut > 0) {
            if (extraLength) {
                Annotations.setExtraLength(packet, Annotations.extraLength(packet) + cut);
            }
            packet.take((int) cut);
        }
        return packet;
    }

    /** The largest length let through. */
    public long length() {
        return length;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("nbytes", () -> Long.toString(length),
                value -> length = HandlerValues.parse(ArgTypes.UNSIGNED, value, "expected integer"));
    }
}
