package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.net.IPv4;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** ICMPError: answers each packet with an ICMP error message about it. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ICMPError")
@ElementDoc(
        synopsis = "ICMPError(SRC, TYPE [, CODE, BADADDRS, keywords MTU, PMTU, SET_FIX_ANNO])",
        category = "icmp",
        summary = "generates ICMP error packets",
        description = """
                For each IP packet (with a marked network header) makes an IP/ICMP error packet of TYPE and \
                CODE from SRC to the packet's source, quoting the packet's IP header and the start of its \
                payload, at most MTU bytes in all; the packet itself is consumed. The error has its network \
                header marked, its destination annotation set, its timestamp set to now and, unless \
                SET_FIX_ANNO is false, its fix-IP-source annotation set (so that FixIPSrc on the way out \
                gives it the outgoing interface's address). Send it back through the routing table.

                As RFC 1812 4.3.2.7 asks, no error is made about an ICMP error, a packet to a broadcast, \
                multicast or BADADDRS destination, a link-level broadcast or multicast, a packet from an \
                invalid source (0/8, 127/8, 240/4, multicast, broadcast, BADADDRS), or a fragment other than \
                the first; nor about a packet without a usable network header. A source-routed packet gets \
                no redirect, and its error carries the route reversed.

                Parameter problem errors with code erroratptr take the pointer from the ICMP parameter \
                problem annotation (IPGWOptions sets it); redirects take the gateway from the destination \
                address annotation; unreachable needfrag errors report PMTU as the next-hop MTU. ICMPError \
                does not limit its rate; follow it with a RatedSplitter for that.

                TYPE is a number or one of unreachable, sourcequench, redirect, timeexceeded, \
                parameterproblem. CODE is a number or a name for the type: for unreachable net, host, \
                protocol, port, needfrag, srcroutefail, netunknown, hostunknown, isolated, netprohibited, \
                hostprohibited, tosnet, toshost, filterprohibited, hostprecedence, precedencecutoff; for \
                redirect net, host, tosnet, toshost; for timeexceeded transit, reassembly; for \
                parameterproblem erroratptr, missingopt, length.""",
        arguments = {
            @ElementDoc.Argument(name = "SRC", description = "IP address. Source of the errors."),
            @ElementDoc.Argument(name = "TYPE", description = "ICMP error type, a number or a name."),
            @ElementDoc.Argument(name = "CODE", description = "ICMP code, a number or a name. Default 0."),
            @ElementDoc.Argument(name = "BADADDRS", description = """
                    Space-separated IP addresses (broadcast addresses, say) to which and from which no \
                    error is sent."""),
            @ElementDoc.Argument(name = "MTU", description = "Unsigned. Largest error packet. Default 576."),
            @ElementDoc.Argument(name = "PMTU", description = "Unsigned. Next-hop MTU for needfrag errors. Default 0."),
            @ElementDoc.Argument(name = "SET_FIX_ANNO", description = """
                    Boolean. Set the fix-IP-source annotation on errors. Default true.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "src", mode = "read/write", description = "The SRC address."),
            @ElementDoc.Handler(name = "mtu", mode = "read/write", description = "The MTU setting."),
            @ElementDoc.Handler(name = "pmtu", mode = "read/write", description = "The PMTU setting.")
        },
        example = "dt[1] -> ICMPError(18.26.4.24, timeexceeded) -> RatedSplitter(10) -> rt;",
        seeAlso = {"DecIPTTL", "FixIPSrc", "IPGWOptions", "IPFragmenter", "RatedSplitter"})
public final class ICMPError extends SimpleAction {
    static final int UNREACHABLE = 3;
    static final int SOURCE_QUENCH = 4;
    static final int REDIRECT = 5;
    static final int TIME_EXCEEDED = 11;
    static final int PARAMETER_PROBLEM = 12;
    private static final int NEEDFRAG = 4;
    private static final int ERROR_AT_POINTER = 0;
    private static final int LSRR = 131;
    private static final int SSRR = 137;
    private static final int ICMP_HEADER = 8;

    private static final Map<String, Integer> TYPES = Map.ofEntries(
            Map.entry("echo", 8), Map.entry("echo-reply", 0), Map.entry("inforeq", 15),
            Map.entry("inforeq-reply", 16), Map.entry("maskreq", 17), Map.entry("maskreq-reply", 18),
            Map.entry("parameterproblem", PARAMETER_PROBLEM), Map.entry("redirect", REDIRECT),
            Map.entry("routeradvert", 9), Map.entry("routersolicit", 10), Map.entry("sourcequench", SOURCE_QUENCH),
            Map.entry("timeexceeded", TIME_EXCEEDED), Map.entry("timestamp", 13), Map.entry("timestamp-reply", 14),
            Map.entry("unreachable", UNREACHABLE));
    private static final Map<Integer, Map<String, Integer>> CODES = Map.of(
            UNREACHABLE, Map.ofEntries(Map.entry("net", 0), Map.entry("host", 1), Map.entry("protocol", 2),
                    Map.entry("port", 3), Map.entry("needfrag", NEEDFRAG), Map.entry("srcroutefail", 5),
                    Map.entry("netunknown", 6), Map.entry("hostunknown", 7), Map.entry("isolated", 8),
                    Map.entry("netprohibited", 9), Map.entry("hostprohibited", 10), Map.entry("tosnet", 11),
                    Map.entry("toshost", 12), Map.entry("filterprohibited", 13), Map.entry("hostprecedence", 14),
                    Map.entry("precedencecutoff", 15)),
            REDIRECT, Map.of("net", 0, "host", 1, "tosnet", 2, "toshost", 3),
            TIME_EXCEEDED, Map.of("transit", 0, "reassembly", 1),
            PARAMETER_PROBLEM, Map.of("erroratptr", ERROR_AT_POINTER, "missingopt", 1, "length", 2));

    private static final ArgParser<Integer> TYPE = ArgParser.of("ICMP type", (text, args) -> {
        Integer named = TYPES.get(text);
        if (named != null) {
            return named;
        }
        try {
            return ArgTypes.INTEGER.parse(text, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected ICMP type");
        }
    });

    private int source;
    private int type;
    private int code;
    private int[] badAddresses;
    private long mtu;
    private long pmtu;
    private boolean setFixAnno;
    private int id = 1;

    static boolean isErrorType(int type) {
        return type == UNREACHABLE || type == SOURCE_QUENCH || type == REDIRECT || type == TIME_EXCEEDED
                || type == PARAMETER_PROBLEM;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer src = args.requirePositional("SRC", ArgTypes.IPV4_ADDRESS);
        Integer configuredType = args.requirePositional("TYPE", TYPE);
        String codeText = args.readPositional("CODE", ArgTypes.WORD, "0");
        int[] bad = args.readPositional("BADADDRS", IPHeaders.ADDRESS_LIST, new int[0]);
        long configuredMtu = args.read("MTU", ArgTypes.UNSIGNED, 576L);
        long configuredPmtu = args.read("PMTU", ArgTypes.UNSIGNED, 0L);
        boolean fix = args.read("SET_FIX_ANNO", ArgTypes.BOOLEAN, true);
        if (args.ok()) {
            if (configuredType < 0 || configuredType > 255) {
                args.error("ICMP type must be between 0 and 255");
            } else if (!isErrorType(configuredType)) {
                args.error("ICMP type " + configuredType + " is not an error type");
            } else {
                int parsedCode = parseCode(configuredType, codeText);
                if (parsedCode < 0 || parsedCode > 255) {
                    args.error("argument 2 takes ICMP code (integer between 0 and 255)");
                }
                code = parsedCode;
            }
        }
        args.complete();
        source = src;
        type = configuredType;
        badAddresses = bad;
        mtu = configuredMtu;
        pmtu = configuredPmtu;
        setFixAnno = fix;
    }

    private static int parseCode(int type, String text) {
        Integer named = CODES.getOrDefault(type, Map.of()).get(text);
        if (named != null) {
            return named;
        }
        try {
            return ArgTypes.INTEGER.parse(text, null);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Not a limited broadcast, multicast or BADADDRS address. */
    private boolean unicast(int address) {
        return address != 0xffffffff && !IPHeaders.isMulticast(address) && !IPHeaders.contains(badAddresses, address);
    }

    /** A valid source by RFC 1812 5.3.7: unicast, not net 0, not loopback, not class E. */
    private boolean validSource(int address) {
        int net = address >>> 24;
        return unicast(address) && net != 0 && net != 127 && (net & 0xf0) != 0xf0;
    }

    /** The offset (relative to the data) of a usable source route option in the header at {@code header}, or -1. */
    private static int sourceRoute(Packet packet, int header, int headerLength) {
        int option = IPHeaders.MIN_HEADER;
        while (option < headerLength) {
            int kind = packet.getUnsignedByte(header + option);
            if (kind == 1) {
                option++;
                continue;
            } else if (kind == 0) {
                return -1;
            }
            int length = IPHeaders.byteAt(packet, header + option + 1);
            if (length < 2 || option + length > headerLength) {
                return -1;
            }
            int pointer = IPHeaders.byteAt(packet, header + option + 2);
            if ((kind == LSRR || kind == SSRR) && pointer >= 4 && pointer % 4 == 0 && pointer <= length + 1) {
                return header + option;
            }
            option += length;
        }
        return -1;
    }

    @Override
    protected Packet action(Packet packet) {
        Packet error = makeError(packet);
        packet.kill();
        return error;
    }

    private Packet makeError(Packet packet) {
        int header = IPHeaders.networkHeader(packet);
        if (header < 0) {
            return null;
        }
        int headerLength = IPHeaders.headerLength(packet, header);
        if (headerLength < IPHeaders.MIN_HEADER) {
            return null;
        }
        if (packet.getUnsignedByte(header + 9) == IPHeaders.PROTO_ICMP
                && (header + headerLength + 4 > packet.length()
                        || isErrorType(packet.getUnsignedByte(header + headerLength)))) {
            return null;
        }
        int destination = packet.getInt(header + 16);
        int from = packet.getInt(header + 12);
        if (!unicast(destination) || IPHeaders.isLinkBroadcast(packet) || !validSource(from)
                || (packet.getUnsignedShort(header + 6) & IPHeaders.IP_OFFMASK) != 0) {
            return null;
        }
        int route = sourceRoute(packet, header, headerLength);
        if (route >= 0) {
            if (type == REDIRECT) {
                return null;
            }
            int pointer = header + IPHeaders.paramProblem(packet);
            if (type == PARAMETER_PROBLEM && code == ERROR_AT_POINTER && route <= pointer
                    && pointer < route + packet.getUnsignedByte(route + 1)) {
                route = -1; // the problem is the source route itself: do not use it
            }
        }
        int routeLength = route >= 0 ? packet.getUnsignedByte(route + 2) - 1 : 0;
        int errorHeaderLength = route >= 0 ? (IPHeaders.MIN_HEADER + routeLength + 3) >> 2 << 2 : IPHeaders.MIN_HEADER;

        Packet error = context().packetPool().allocate();
        if (error == null) {
            return null;
        }
        int size = (int) Math.min(mtu, error.tailroom());
        if (size < errorHeaderLength + ICMP_HEADER) {
            error.kill();
            return null;
        }
        error.put(size);
        error.fill(0, errorHeaderLength + ICMP_HEADER, 0);
        error.setByte(0, 0x40 | errorHeaderLength >> 2);
        error.setShort(4, id++);
        error.setByte(8, 200);
        error.setByte(9, IPHeaders.PROTO_ICMP);
        error.setInt(12, source);
        error.setInt(16, from);
        if (route >= 0) {
            // The route reversed (RFC 1812 4.3.2.6): same option type, pointer at the first address.
            error.setByte(20, packet.getUnsignedByte(route));
            error.setByte(21, routeLength);
            error.setByte(22, 4);
            int at = 23;
            for (int address = route + packet.getUnsignedByte(route + 2) - 5; address >= route + 3; address -= 4) {
                error.setInt(at, packet.getInt(address));
                at += 4;
            }
        }
        error.setNetworkHeader(0, errorHeaderLength);
        int icmp = errorHeaderLength;
        error.setByte(icmp, type);
        error.setByte(icmp + 1, code);
        if (type == PARAMETER_PROBLEM && code == ERROR_AT_POINTER) {
            error.setByte(icmp + 4, IPHeaders.paramProblem(packet));
        } else if (type == REDIRECT) {
            error.setInt(icmp + 4, packet.dstIp());
        } else if (type == UNREACHABLE && code == NEEDFRAG) {
            error.setShort(icmp + 6, (int) pmtu);
        }
        int quoted = size - icmp - ICMP_HEADER;
        int networkLength = packet.length() - header;
        if (quoted > networkLength) {
            error.take(quoted - networkLength);
            quoted = networkLength;
        }
        error.setBytes(icmp + ICMP_HEADER, packet.buffer(), packet.dataOffset() + header, quoted);
        error.setShort(icmp + 2, Checksums.internet(error, icmp, ICMP_HEADER + quoted));
        error.setShort(2, error.length());
        IPHeaders.setChecksum(error, 0, errorHeaderLength);
        error.setDstIp(from);
        if (setFixAnno) {
            IPHeaders.setFixIpSrc(error, true);
        }
        error.setTimestampNanos(context().clock().epochNanos());
        return error;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("src", () -> IPv4.format(source),
                value -> source = HandlerValues.parse(ArgTypes.IPV4_ADDRESS, value, "expected IP address"));
        handlers.addReadWrite("mtu", () -> Long.toString(mtu),
                value -> mtu = HandlerValues.parse(ArgTypes.UNSIGNED, value, "expected unsigned"));
        handlers.addReadWrite("pmtu", () -> Long.toString(pmtu),
                value -> pmtu = HandlerValues.parse(ArgTypes.UNSIGNED, value, "expected unsigned"));
    }
}
