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

/** CheckIPHeader: passes packets whose IPv4 header is sane, drops (or diverts) the others. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("CheckIPHeader")
@ElementDoc(
        synopsis = "CheckIPHeader([BADSRC, OFFSET, keywords INTERFACES, BADSRC, GOODDST, OFFSET, VERBOSE, DETAILS, CHECKSUM])",
        category = "ip",
        summary = "checks IP header",
        description = """
                Expects IPv4 packets, the IP header starting OFFSET bytes into the data. A packet passes if it \
                holds at least 20 bytes of header, its version is 4, its header length is at least 20 and fits \
                in its total length, its total length fits in the packet, its header checksum is right (unless \
                CHECKSUM is false) and its source address is not a bad source (see INTERFACES and BADSRC) \
                unless its destination is a good destination.

                A packet that passes has its network header marked, bytes past its IP total length removed \
                and its destination address annotation set to the header's destination. The others go to \
                output 1 if there is one, and are dropped otherwise; each is counted. The first failure, and \
                with VERBOSE every failure, is reported on standard error.

                One input, one or two outputs; output 0 is agnostic, output 1 push. For the old form, a \
                single integer argument is OFFSET, otherwise the first positional argument is BADSRC and the \
                second OFFSET.""",
        arguments = {
            @ElementDoc.Argument(name = "INTERFACES", description = """
                    Space-separated IP prefixes of the router's interfaces (18.26.4.1/24). Their broadcast \
                    addresses, 0.0.0.0 and 255.255.255.255 become bad sources; the interface addresses \
                    become good destinations."""),
            @ElementDoc.Argument(name = "BADSRC", description = """
                    Space-separated IP addresses that are not valid sources. As a positional argument, \
                    0.0.0.0 and 255.255.255.255 are added. Default none."""),
            @ElementDoc.Argument(name = "GOODDST", description = """
                    Space-separated IP addresses: packets to them pass even from a bad source."""),
            @ElementDoc.Argument(name = "OFFSET", description = "Integer. Where the IP header starts. Default 0."),
            @ElementDoc.Argument(name = "VERBOSE", description = "Boolean. Report every failure. Default false."),
            @ElementDoc.Argument(name = "DETAILS", description = """
                    Boolean. Count failures per reason, for the drop_details handler. Default false."""),
            @ElementDoc.Argument(name = "CHECKSUM", description = "Boolean. Verify the header checksum. Default true.")
        },
        handlers = {
            @ElementDoc.Handler(name = "drops", description = "Number of packets that failed the check."),
            @ElementDoc.Handler(name = "drop_details", description = """
                    Only with DETAILS true: one line per reason, the count, a tab and the reason text.""")
        },
        example = "FromDevice(eth0) -> Strip(14) -> CheckIPHeader(INTERFACES 18.26.4.1/24) -> ...",
        seeAlso = {"CheckIPHeader2", "MarkIPHeader", "Strip", "IPInputCombo"})
public class CheckIPHeader extends SimpleAction {
    private final IPHeaderCheck check = new IPHeaderCheck();
    private int offset;
    private boolean verbose;
    private long[] reasonDrops;
    private long drops;

    /** Whether the checksum is verified when CHECKSUM is not given. */
    boolean checksumByDefault() {
        return true;
    }

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
        check.readAddressKeywords(args);
        offset = args.read("OFFSET", ArgTypes.INTEGER, 0);
        verbose = args.read("VERBOSE", ArgTypes.BOOLEAN, false);
        boolean details = args.read("DETAILS", ArgTypes.BOOLEAN, false);
        check.setChecksum(args.read("CHECKSUM", ArgTypes.BOOLEAN, checksumByDefault()));
        // The old positional form, read after the keywords so that it cannot take them.
        String first = args.readPositional("BADSRC", ArgTypes.ANY, null);
        Integer second = args.readPositional("OFFSET", ArgTypes.INTEGER, null);
        if (first != null) {
            Integer firstOffset = second == null ? integerOrNull(first) : null;
            if (firstOffset != null) {
                offset = firstOffset;
            } else {
                try {
                    check.setBadSources(IPHeaderCheck.OLD_BAD_SOURCES.parse(first, args));
                } catch (IllegalArgumentException e) {
                    args.error("BADSRC: " + (e.getMessage() == null ? "parse error" : e.getMessage()));
                }
                if (second != null) {
                    offset = second;
                }
            }
        }
        args.complete();
        reasonDrops = details ? new long[IPHeaderCheck.REASONS.size()] : null;
    }

    private static Integer integerOrNull(String text) {
        try {
            return ArgTypes.INTEGER.parse(text, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    protected Packet action(Packet packet) {
        int reason = check.check(packet, offset);
        if (reason == IPHeaderCheck.OK) {
            return packet;
        }
        drop(reason, packet);
        return null;
    }

    private void drop(int reason, Packet packet) {
        if (drops == 0 || verbose) {
            IPHeaders.chatter(name() + ": IP header check failed: " + IPHeaderCheck.REASONS.get(reason));
        }
        drops++;
        if (reasonDrops != null) {
            reasonDrops[reason]++;
        }
        divert(1, packet);
    }

    /** Packets that failed the check. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
        if (reasonDrops != null) {
            handlers.addRead("drop_details", () -> {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < reasonDrops.length; i++) {
                    text.append(reasonDrops[i]).append('\t').append(IPHeaderCheck.REASONS.get(i)).append('\n');
                }
                return text.toString();
            });
        }
    }
}
