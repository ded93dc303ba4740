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

/** IPInputCombo: Paint, Strip(14) and CheckIPHeader in one element. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPInputCombo")
@ElementDoc(
        synopsis = "IPInputCombo(COLOR [, BADSRC, keywords INTERFACES, BADSRC, GOODDST])",
        category = "ip",
        summary = "input combination for IP routing",
        description = """
                Does the work of Paint(COLOR) -> Strip(14) -> CheckIPHeader(...) in one element, as \
                click-xform substitutes it in IP router configurations: sets the paint annotation, removes \
                the 14-byte Ethernet header and checks the IP header exactly as CheckIPHeader does (with \
                the checksum), marking the network header, trimming to the IP length and setting the \
                destination address annotation. Packets that fail (including frames shorter than 14 bytes) \
                are dropped and counted; the first failure is reported on standard error. One input, one \
                output, agnostic.""",
        arguments = {
            @ElementDoc.Argument(name = "COLOR", description = "Integer 0-255. The paint color."),
            @ElementDoc.Argument(name = "BADSRC", description = """
                    Space-separated IP addresses that are not valid sources (0.0.0.0 and 255.255.255.255 are \
                    added when given positionally)."""),
            @ElementDoc.Argument(name = "INTERFACES", description = "As for CheckIPHeader."),
            @ElementDoc.Argument(name = "GOODDST", description = "As for CheckIPHeader.")
        },
        handlers = @ElementDoc.Handler(name = "drops", description = "Number of packets dropped."),
        example = "FromDevice(eth0) -> c :: Classifier(12/0800, -); c[0] -> IPInputCombo(1, INTERFACES 18.26.4.1/24) -> ...",
        seeAlso = {"Paint", "Strip", "CheckIPHeader", "IPOutputCombo"})
public final class IPInputCombo extends SimpleAction {
    private static final int ETHER_HEADER = 14;

    private final IPHeaderCheck check = new IPHeaderCheck();
    private int color;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer configured = args.requirePositional("COLOR", ArgTypes.integer(0, 255));
        check.readAddressKeywords(args);
        int[] positionalBad = args.readPositional("BADSRC", IPHeaderCheck.OLD_BAD_SOURCES, null);
        if (positionalBad != null && !args.has("INTERFACES") && !args.has("BADSRC")) { // keywords win, as in Click
            check.setBadSources(positionalBad);
        }
        args.complete();
        color = configured;
    }

    @Override
    protected Packet action(Packet packet) {
        packet.setPaint(color);
        if (packet.length() >= ETHER_HEADER) {
            packet.pull(ETHER_HEADER);
            if (check.check(packet, 0) == IPHeaderCheck.OK) {
                return packet;
            }
        }
        if (drops == 0) {
            IPHeaders.chatter("IP checksum failed");
        }
        drops++;
        packet.kill();
        return null;
    }

    /** Packets dropped. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
