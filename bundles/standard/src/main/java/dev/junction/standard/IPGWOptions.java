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
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** IPGWOptions: processes the Record Route and Timestamp options of forwarded packets. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPGWOptions")
@ElementDoc(
        synopsis = "IPGWOptions(MYADDR [, OTHERADDRS])",
        category = "ip",
        summary = "processes router IP options",
        description = """
                Expects IP packets with a marked network header. Packets without options pass unchanged. \
                In the others, a Record Route option gets MYADDR, and a Timestamp option gets the time \
                (milliseconds since midnight UT), with MYADDR if it asks for addresses, or for the \
                pre-specified form only if the listed address is MYADDR or one of OTHERADDRS; a full \
                Timestamp option has its overflow count incremented. The header checksum is recomputed when \
                an option changed.

                A malformed option is a parameter problem: the packet's ICMP parameter-problem annotation is \
                set to the offset of the bad byte (ICMPError reads it) and the packet goes to output 1 if \
                there is one, dropped otherwise, counted either way. Packets without a usable network \
                header pass unchanged. One input, one or two outputs; output 0 agnostic, output 1 push.""",
        arguments = {
            @ElementDoc.Argument(name = "MYADDR", description = "IP address. This interface's address."),
            @ElementDoc.Argument(name = "OTHERADDRS", description = """
                    Space-separated IP addresses. The router's other addresses, for pre-specified timestamps.""")
        },
        handlers = @ElementDoc.Handler(name = "drops", description = "Number of packets with bad options."),
        example = "gio :: IPGWOptions(18.26.4.24); gio[1] -> ICMPError(18.26.4.24, parameterproblem) -> ...",
        seeAlso = {"ICMPError", "IPOutputCombo"})
public final class IPGWOptions extends SimpleAction {
    private int preferred;
    private int[] myAddresses;
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
        Integer address = args.requirePositional("MYADDR", ArgTypes.IPV4_ADDRESS);
        int[] others = args.readPositional("OTHERADDRS", IPHeaders.ADDRESS_LIST, new int[0]);
        args.complete();
        preferred = address;
        myAddresses = Arrays.copyOf(others, others.length + 1);
        myAddresses[others.length] = preferred;
    }

    @Override
    protected Packet action(Packet packet) {
        int header = IPHeaders.networkHeader(packet);
        if (header < 0) {
            return packet;
        }
        int headerLength = IPHeaders.headerLength(packet, header);
        if (headerLength <= IPHeaders.MIN_HEADER) {
            return packet;
        }
        int result = IPGatewayOptions.process(packet, header, headerLength, preferred, myAddresses,
                context().clock());
        if (result == IPGatewayOptions.CHANGED) {
            IPHeaders.setChecksum(packet, header, headerLength);
        } else if (result >= 0) {
            drops++;
            IPHeaders.setParamProblem(packet, result);
            divert(1, packet);
            return null;
        }
        return packet;
    }

    /** Packets with bad options. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
