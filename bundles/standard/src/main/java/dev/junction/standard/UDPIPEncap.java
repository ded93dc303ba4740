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
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** UDPIPEncap: puts fixed UDP and IPv4 headers in front of every packet. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("UDPIPEncap")
@ElementDoc(
        synopsis = "UDPIPEncap(SRC, SPORT, DST, DPORT [, CHECKSUM])",
        category = "udp",
        summary = "encapsulates packets in static UDP/IP headers",
        description = """
                Adds a UDP header and a 20-byte IPv4 header to the front of every packet: source SRC port SPORT, \
                destination DST port DPORT, TTL 250, identification counting up from 0 over the element's life, \
                IP checksum computed, and the UDP checksum over the payload too when CHECKSUM is true (a \
                computed checksum of 0 is sent as 0xFFFF, as RFC 768 asks). The IP header is marked as the \
                packet's network header and the UDP header as its transport header; the destination address \
                annotation is set to DST. If DST is DST_ANNO, the destination is taken from each packet's \
                destination annotation instead. When the headroom is short the data moves back within its \
                buffer; a packet whose buffer cannot hold 28 more bytes is dropped and counted. One input, one \
                output, agnostic. Strip(28) takes the headers off again.""",
        arguments = {
            @ElementDoc.Argument(name = "SRC", description = "IP address. The source address."),
            @ElementDoc.Argument(name = "SPORT", description = "UDP port, a number or a PortInfo name. The source port."),
            @ElementDoc.Argument(name = "DST", description = "IP address or DST_ANNO. The destination address."),
            @ElementDoc.Argument(name = "DPORT", description = "UDP port. The destination port."),
            @ElementDoc.Argument(name = "CHECKSUM", description = "Boolean. Whether to compute the UDP checksum. Default true.")
        },
        handlers = {
            @ElementDoc.Handler(name = "src", mode = "read/write", description = "SRC, a dotted quad."),
            @ElementDoc.Handler(name = "sport", mode = "read/write", description = "SPORT, a number."),
            @ElementDoc.Handler(name = "dst", mode = "read/write", description = """
                    DST, a dotted quad (0.0.0.0 when it is DST_ANNO, as in Click)."""),
            @ElementDoc.Handler(name = "dport", mode = "read/write", description = "DPORT, a number."),
            @ElementDoc.Handler(name = "drops", description = """
                    Packets dropped because their buffer had no room for the headers (a Junction addition).""")
        },
        example = "UDPIPEncap(1.0.0.1, 1234, 2.0.0.2, 4789) -> EtherEncap(0x0800, 1:1:1:1:1:1, 2:2:2:2:2:2)",
        seeAlso = {"Strip", "IPEncap"})
public final class UDPIPEncap extends SimpleAction {
    private static final int UDP_HEADER = 8;
    private static final int HEADERS = IPv4Template.LENGTH + UDP_HEADER;
    private static final int PROTO_UDP = 17;
    private static final int TTL = 250;
    private static final String DST_ANNO = IPv4Template.DST_ANNO;
    private static final ArgParser<Integer> PORT = ArgTypes.ipPort(PROTO_UDP);

    private int source;
    private int sourcePort;
    private int destination;
    private int destinationPort;
    private boolean checksum = true;
    private boolean destinationFromAnnotation;
    private IPv4Template template;
    /** Partial UDP checksum of what is fixed: source address, protocol and the two ports. */
    private long fixedUdpSum;
    private int id;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer src = args.requirePositional("SRC", ArgTypes.IPV4_ADDRESS);
        Integer sport = args.requirePositional("SPORT", PORT);
        String dst = args.requirePositional("DST", ArgTypes.ANY);
        Integer dport = args.requirePositional("DPORT", PORT);
        boolean withChecksum = args.readPositional("CHECKSUM", ArgTypes.BOOLEAN, true);
        int dstAddress = 0;
        boolean fromAnnotation = DST_ANNO.equals(dst);
        if (dst != null && !fromAnnotation) {
            try {
                dstAddress = ArgTypes.IPV4_ADDRESS.parse(dst, args);
            } catch (IllegalArgumentException e) {
                args.error("bad DST");
            }
        }
        args.complete();
        source = src;
        sourcePort = sport;
        destination = dstAddress;
        destinationPort = dport;
        destinationFromAnnotation = fromAnnotation;
        checksum = withChecksum;
        precompute();
    }

    private void precompute() {
        template = new IPv4Template(0, 0, TTL, PROTO_UDP, source);
        fixedUdpSum = (source >>> 16) + (source & 0xFFFF) + PROTO_UDP + sourcePort + destinationPort;
    }

    @Override
    protected Packet action(Packet packet) {
        if (packet.headroom() < HEADERS && !PacketRoom.headroom(packet, HEADERS)) {
            drops++;
            packet.kill();
            return null;
        }
        packet.push(HEADERS);
        int dst = IPv4Template.destination(packet, destinationFromAnnotation, destination);
        int length = packet.length();
        template.write(packet, length, id++, dst);
        int udpLength = (length - IPv4Template.LENGTH) & 0xFFFF;
        int udpSum = 0;
        if (checksum) {
            // Pseudo-header and UDP header together: addresses, protocol, ports, and the UDP length twice
            // (once as the pseudo-header's length, once as the header's own field).
            long sum = fixedUdpSum + (dst >>> 16) + (dst & 0xFFFF) + 2L * udpLength
                    + Checksums.partial(packet, HEADERS, length - HEADERS);
            udpSum = Checksums.finish(sum);
            if (udpSum == 0) {
                udpSum = 0xFFFF;
            }
        }
        packet.setLong(IPv4Template.LENGTH, (long) sourcePort << 48 | (long) destinationPort << 32
                | (long) udpLength << 16 | udpSum);
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
            precompute();
        });
        handlers.addReadWrite("sport", () -> Integer.toString(sourcePort), value -> {
            sourcePort = HandlerValues.parse(PORT, value, "SPORT: parse error");
            precompute();
        });
        handlers.addReadWrite("dst", () -> IPv4.format(destination), this::writeDestination);
        handlers.addReadWrite("dport", () -> Integer.toString(destinationPort), value -> {
            destinationPort = HandlerValues.parse(PORT, value, "DPORT: parse error");
            precompute();
        });
        handlers.addRead("drops", () -> Long.toString(drops));
    }

    private void writeDestination(String value) throws HandlerException {
        long parsed = IPv4Template.parseDestination(value, "bad DST");
        destinationFromAnnotation = parsed < 0;
        destination = (int) Math.max(parsed, 0);
    }
}
