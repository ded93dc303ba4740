package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** IPEncap: puts a fixed IPv4 header in front of every packet. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPEncap")
@ElementDoc(
        synopsis = "IPEncap(PROTO, SRC, DST, KEYWORDS)",
        category = "ip",
        summary = "encapsulates packets in static IP header",
        description = """
                Adds a 20-byte IPv4 header to the front of every packet: protocol PROTO, source SRC, destination \
                DST, total length the packet's new length, identification counting up from 0 (from \
                initialization), checksum computed. The header is marked as the packet's network header and \
                the destination address annotation is set to DST. If DST is DST_ANNO, the destination is taken \
                from each packet's destination annotation instead. When the headroom is short the data moves \
                back within its buffer; a packet whose buffer cannot hold 20 more bytes is dropped and counted. \
                One input, one output, agnostic. StripIPHeader takes the header off again.""",
        arguments = {
            @ElementDoc.Argument(name = "PROTO", description = """
                    IP protocol, a number 0-255 or a name (icmp, igmp, ipip, tcp, udp, dccp, gre, sctp)."""),
            @ElementDoc.Argument(name = "SRC", description = "IP address. The source address."),
            @ElementDoc.Argument(name = "DST", description = "IP address or DST_ANNO. The destination address."),
            @ElementDoc.Argument(name = "TTL", description = "Byte. Time to live. Default 250."),
            @ElementDoc.Argument(name = "TOS", description = """
                    Byte. The whole TOS byte. Default 0. Excludes DSCP, ECT and CE."""),
            @ElementDoc.Argument(name = "DSCP", description = "Integer 0-62. The DSCP bits. Default 0."),
            @ElementDoc.Argument(name = "ECT", description = """
                    Boolean or 2. True sets the ECN bits to ECT(1) (value 1); 2 sets them to ECT(0) (value 2). \
                    Default false."""),
            @ElementDoc.Argument(name = "CE", description = """
                    Boolean. If true, sets the ECN bits to 3, Congestion Experienced. Default false."""),
            @ElementDoc.Argument(name = "DF", description = "Boolean. If true, sets the Don't Fragment bit. Default false.")
        },
        handlers = {
            @ElementDoc.Handler(name = "src", mode = "read/write", description = "SRC, a dotted quad."),
            @ElementDoc.Handler(name = "dst", mode = "read/write", description = "DST, a dotted quad or DST_ANNO."),
            @ElementDoc.Handler(name = "drops", description = """
                    Packets dropped because their buffer had no room for the header (a Junction addition).""")
        },
        example = "IPEncap(ipip, 18.26.4.24, 140.247.60.147)   // IP-in-IP, as IPEncap(4, ...)",
        seeAlso = {"UDPIPEncap", "StripIPHeader"})
public final class IPEncap extends SimpleAction {
    private static final Map<String, Integer> PROTOCOL_NAMES = Map.of("dccp", 33, "gre", 47, "icmp", 1, "igmp", 2,
            "ipip", 4, "sctp", 132, "tcp", 6, "udp", 17);

    /** Click's NamedIntArg over IP protocol names; the range is checked afterwards, as Click does. */
    private static final ArgParser<Integer> PROTOCOL = ArgParser.of("IP protocol", (text, args) -> {
        Integer named = PROTOCOL_NAMES.get(text);
        return named != null ? named : ArgTypes.INTEGER.parse(text, args);
    });

    private static final String DST_ANNO = IPv4Template.DST_ANNO;
    private static final int IP_DF = 0x4000;

    private int protocol;
    private int tos;
    private int ttl;
    private int fragment;
    private int source;
    private int destination;
    private boolean destinationFromAnnotation;
    private IPv4Template template;
    private int id;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer proto = args.requirePositional("PROTO", PROTOCOL);
        Integer src = args.requirePositional("SRC", ArgTypes.IPV4_ADDRESS);
        String dst = args.requirePositional("DST", ArgTypes.ANY);
        int configuredTos = args.read("TOS", ArgTypes.INTEGER, -1);
        int configuredTtl = args.read("TTL", StandardArgs.UINT8, 250);
        int dscp = args.read("DSCP", ArgTypes.INTEGER, -1);
        String ectText = args.read("ECT", ArgTypes.KEYWORD, null);
        boolean ce = args.read("CE", ArgTypes.BOOLEAN, false);
        boolean df = args.read("DF", ArgTypes.BOOLEAN, false);
        if (!args.ok() || proto == null || src == null || dst == null) {
            args.complete();
            return;
        }
        if (proto < 0 || proto > 255) {
            args.error("bad IP protocol");
        }
        boolean fromAnnotation = dst.equals(DST_ANNO);
        int dstAddress = 0;
        if (!fromAnnotation) {
            try {
                dstAddress = ArgTypes.IPV4_ADDRESS.parse(dst, args);
            } catch (IllegalArgumentException e) {
                args.error("DST argument should be IP address or 'DST_ANNO'");
            }
        }
        int ect = 0;
        if (ectText != null) {
            try {
                ect = ArgTypes.BOOLEAN.parse(ectText, args) ? 1 : 0;
            } catch (IllegalArgumentException e) {
                if (ectText.equals("2")) {
                    ect = 2;
                } else {
                    args.error("bad ECT value '" + ectText + "'");
                }
            }
        }
        if (configuredTos >= 0 && dscp >= 0) {
            args.error("cannot set both TOS and DSCP");
        } else if (configuredTos >= 0 && (ect != 0 || ce)) {
            args.error("cannot set both TOS and ECN bits");
        }
        if (configuredTos >= 256 || configuredTos < -1) {
            args.error("TOS too large; max 255");
        } else if (dscp >= 63 || dscp < -1) {
            // Click refuses 63 too; kept for the same configurations to pass and fail.
            args.error("DSCP too large; max 63");
        }
        if (ect != 0 && ce) {
            args.error("can set at most one ECN option");
        }
        args.complete();
        int tosByte = configuredTos >= 0 ? configuredTos : dscp >= 0 ? dscp << 2 : 0;
        if (ect != 0) {
            tosByte |= ect == 1 ? 1 : 2;
        }
        if (ce) {
            tosByte |= 3;
        }
        protocol = proto;
        tos = tosByte;
        ttl = configuredTtl;
        fragment = df ? IP_DF : 0;
        source = src;
        destination = dstAddress;
        destinationFromAnnotation = fromAnnotation;
        template = new IPv4Template(tos, fragment, ttl, protocol, source);
    }

    @Override
    public void initialize() {
        id = 0;
    }

    @Override
    protected Packet action(Packet packet) {
        if (packet.headroom() < IPv4Template.LENGTH && !PacketRoom.headroom(packet, IPv4Template.LENGTH)) {
            drops++;
            packet.kill();
            return null;
        }
        packet.push(IPv4Template.LENGTH);
        int dst = IPv4Template.destination(packet, destinationFromAnnotation, destination);
        template.write(packet, packet.length(), id++, dst);
        packet.setNetworkHeader(0, IPv4Template.LENGTH);
        return packet;
    }

    /** Packets dropped for want of room. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("src", () -> IPv4.format(source), value -> {
            source = HandlerValues.parse(ArgTypes.IPV4_ADDRESS, value, "SRC: parse error");
            template = new IPv4Template(tos, fragment, ttl, protocol, source);
        });
        handlers.addReadWrite("dst", () -> destinationFromAnnotation ? DST_ANNO : IPv4.format(destination),
                this::writeDestination);
        handlers.addRead("drops", () -> Long.toString(drops));
    }

    private void writeDestination(String value) throws HandlerException {
        long parsed = IPv4Template.parseDestination(value, "DST argument should be IP address or 'DST_ANNO'");
        destinationFromAnnotation = parsed < 0;
        destination = (int) Math.max(parsed, 0);
    }
}
