package dev.junction.standard.trace;

import dev.junction.element.Args;
import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of Click's IP summary dump format, shared by FromIPSummaryDump (which parses them into packets)
 * and ToIPSummaryDump (which prints them from packets). A field is an int code; its name, synonyms, text
 * syntax and the order in which a reader applies it are Click's.
 */
public final class SummaryFields {
    public static final int TIMESTAMP = 0;
    public static final int NTIMESTAMP = 1;
    public static final int TS_SEC = 2;
    public static final int TS_USEC = 3;
    public static final int TS_USEC1 = 4;
    public static final int COUNT = 5;
    public static final int LINK = 6;
    public static final int DIRECTION = 7;
    public static final int WIRE_LEN = 8;
    public static final int IP_SRC = 9;
    public static final int IP_DST = 10;
    public static final int IP_TOS = 11;
    public static final int IP_DSCP = 12;
    public static final int IP_ECN = 13;
    public static final int IP_TTL = 14;
    public static final int IP_FRAG = 15;
    public static final int IP_FRAGOFF = 16;
    public static final int IP_ID = 17;
    public static final int IP_SUM = 18;
    public static final int IP_PROTO = 19;
    public static final int IP_HL = 20;
    public static final int IP_LEN = 21;
    public static final int IP_CAPTURE_LEN = 22;
    public static final int SPORT = 23;
    public static final int DPORT = 24;
    public static final int TCP_SEQ = 25;
    public static final int TCP_ACK = 26;
    public static final int TCP_OFF = 27;
    public static final int TCP_FLAGS = 28;
    public static final int TCP_WINDOW = 29;
    public static final int TCP_URP = 30;
    public static final int UDP_LEN = 31;
    public static final int ICMP_TYPE = 32;
    public static final int ICMP_CODE = 33;
    public static final int PAYLOAD_LEN = 34;
    public static final int PAYLOAD = 35;
    public static final int PAINT = 36;
    public static final int ETH_SRC = 37;
    public static final int ETH_DST = 38;
    public static final int ETH_TYPE = 39;
    public static final int ICMP_TYPE_NAME = 40;
    public static final int ICMP_CODE_NAME = 41;
    public static final int ICMP_FLOWID = 42;
    public static final int ICMP_SEQ = 43;
    public static final int ICMP_NEXTMTU = 44;
    private static final int FIELDS = 45;

    private static final String[] NAMES = {
        "timestamp", "ntimestamp", "ts_sec", "ts_usec", "ts_usec1", "count", "link", "direction", "wire_len",
        "ip_src", "ip_dst", "ip_tos", "ip_dscp", "ip_ecn", "ip_ttl", "ip_frag", "ip_fragoff", "ip_id", "ip_sum",
        "ip_proto", "ip_hl", "ip_len", "ip_capture_len", "sport", "dport", "tcp_seq", "tcp_ack", "tcp_off",
        "tcp_flags", "tcp_window", "tcp_urp", "udp_len", "icmp_type", "icmp_code", "payload_len", "payload",
        "paint", "eth_src", "eth_dst", "eth_type", "icmp_type_name", "icmp_code_name", "icmp_flowid", "icmp_seq",
        "icmp_nextmtu"};

    // Click's reader order: annotations, then the IP header, the transport header, the payload.
    private static final int ANNO = 100;
    private static final int LINK_ORDER = 200;
    private static final int NET = 300;
    private static final int TRANSP = 400;
    private static final int PAYLOAD_ORDER = 500;
    private static final int[] ORDER = {
        ANNO, ANNO, ANNO, ANNO, ANNO, ANNO, ANNO, ANNO, ANNO,
        NET, NET, NET, NET, NET, NET, NET - 2, NET - 1, NET, NET + 2, NET, NET - 1, NET + 1, PAYLOAD_ORDER + 2,
        TRANSP, TRANSP, TRANSP, TRANSP, TRANSP - 1, TRANSP, TRANSP, TRANSP, TRANSP, TRANSP, TRANSP + 1,
        PAYLOAD_ORDER + 1, PAYLOAD_ORDER, ANNO, LINK_ORDER, LINK_ORDER, LINK_ORDER, TRANSP, TRANSP + 1,
        TRANSP + 2, TRANSP + 2, TRANSP + 2};

    private static final Map<String, String> SYNONYMS = new HashMap<>();
    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        String[][] synonyms = {
            {"length", "ip_len"}, {"ip_p", "ip_proto"}, {"tcp_seqno", "tcp_seq"}, {"tcp_ackno", "tcp_ack"},
            {"tcp_win", "tcp_window"}, {"utimestamp", "timestamp"}, {"ts", "utimestamp"}, {"sec", "ts_sec"},
            {"usec", "ts_usec"}, {"usec1", "ts_usec1"}, {"pkt_count", "count"}, {"packet_count", "count"},
            {"wire_length", "wire_len"}, {"payload_length", "payload_len"}, {"ether_src", "eth_src"},
            {"ether_dst", "eth_dst"}, {"ether_type", "eth_type"}};
        for (String[] pair : synonyms) {
            SYNONYMS.put(pair[0], pair[1]);
        }
        for (int i = 0; i < FIELDS; i++) {
            BY_NAME.put(NAMES[i], i);
        }
    }

    private static final String TCP_FLAG_LETTERS = "FSRPAUECN";

    private SummaryFields() {
    }

    /**
     * The field named {@code name} as Click finds it: synonyms first, then the canonical names, then {@code "a b"}
     * as {@code "a_b"} and a name without underscore as {@code "ip_" + name}; -1 if unknown.
     */
    public static int find(String name) {
        String synonym = SYNONYMS.get(name);
        if (synonym != null) {
            return find(synonym);
        }
        Integer field = BY_NAME.get(name);
        if (field != null) {
            return field;
        }
        int space = name.indexOf(' ');
        if (space >= 0) {
            return find(name.substring(0, space) + "_" + name.substring(space + 1));
        }
        if (name.indexOf('_') < 0) {
            return find("ip_" + name);
        }
        return -1;
    }

    /** The canonical name of {@code field}. */
    public static String name(int field) {
        return NAMES[field];
    }

    /** The order in which a reader applies {@code field} (lower first; ties keep the line's order). */
    public static int order(int field) {
        return ORDER[field];
    }

    // ---------------------------------------------------------------- writing

    /**
     * Where the headers of a packet are, checked as Click's {@code ip_prepare} checks them, computed once per
     * packet and shared by every field of a line.
     */
    public static final class View {
        Packet packet;
        int nh = -1;       // network header offset, -1 if none or invalid
        int netLength;     // network length, trimmed to the IP length
        int hl;
        int ipLength;
        int proto;
        boolean firstFrag;
        int th = -1;       // transport header offset
        int transportLength;
        boolean tcp;
        boolean udp;
        boolean icmp;
        int tailpad;

        /** Looks at {@code p}'s headers. */
        public void prepare(Packet p) {
            packet = p;
            nh = -1;
            tcp = udp = icmp = false;
            tailpad = 0;
            th = -1;
            if (!p.hasNetworkHeader()) {
                return;
            }
            int offset = p.networkHeaderOffset();
            int length = p.length() - offset;
            if (offset < 0 || length < 4) {
                return;
            }
            int vhl = p.getUnsignedByte(offset);
            int headerLength = (vhl & 15) << 2;
            int total = p.getUnsignedShort(offset + 2);
            if (vhl >> 4 != 4 || headerLength < 20 || total < headerLength) {
                return;
            }
            nh = offset;
            hl = headerLength;
            ipLength = total;
            if (length > total) {
                tailpad = length - total;
                length = total;
            }
            netLength = length;
            proto = length > 9 ? p.getUnsignedByte(offset + 9) : -1;
            firstFrag = length < 8 || (p.getUnsignedShort(offset + 6) & 0x1FFF) == 0;
            int transport = p.transportHeaderOffset();
            th = transport != Packet.NO_HEADER && transport >= offset ? transport : offset + headerLength;
            transportLength = Math.max(0, offset + length - th);
            if (length > headerLength && firstFrag) {
                tcp = proto == 6 && !(transportLength > 12 && (p.getUnsignedByte(th + 12) >> 4) < 5);
                udp = proto == 17;
                icmp = proto == 1;
            }
        }
    }

    /**
     * Appends {@code field} of the packet of {@code v} to {@code out} in Click's text form; returns false (and
     * appends nothing) when the packet does not have it, for which Click prints {@code -}.
     */
    public static boolean append(StringBuilder out, int field, View v) {
        Packet p = v.packet;
        switch (field) {
            case TIMESTAMP, NTIMESTAMP -> appendTimestamp(out, p.timestampNanos());
            case TS_SEC -> out.append(Math.floorDiv(p.timestampNanos(), 1_000_000_000L));
            case TS_USEC -> out.append(Math.floorMod(p.timestampNanos(), 1_000_000_000L) / 1000);
            case TS_USEC1 -> out.append(Math.floorDiv(p.timestampNanos(), 1000L));
            case COUNT -> out.append(1);
            case LINK, PAINT -> out.append(p.paint() & 0xFF);
            case DIRECTION -> {
                int paint = p.paint() & 0xFF;
                if (paint == 0) {
                    out.append('>');
                } else if (paint == 1) {
                    out.append('<');
                } else {
                    out.append(paint);
                }
            }
            case WIRE_LEN -> out.append(p.length());
            case IP_LEN -> out.append(v.nh >= 0 ? v.ipLength : p.length());
            case IP_CAPTURE_LEN -> out.append(v.nh >= 0 ? Math.min(v.ipLength, v.netLength) : p.length());
            case PAYLOAD_LEN -> {
                if (v.nh < 0) {
                    out.append(p.length() - v.tailpad);
                } else {
                    out.append(v.ipLength - (payloadOffset(v) - v.nh));
                }
            }
            case PAYLOAD -> {
                int offset = v.nh < 0 ? 0 : payloadOffset(v);
                int length = v.nh < 0 ? p.length() - v.tailpad : v.ipLength - (offset - v.nh);
                if (length != 0 && offset >= p.length()) {
                    return false;
                }
                length = Math.max(0, Math.min(length, p.length() - offset));
                StringBuilder bytes = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    bytes.append((char) p.getUnsignedByte(offset + i));
                }
                out.append(Args.quote(bytes.toString()));
            }
            case ETH_SRC, ETH_DST, ETH_TYPE -> {
                return appendLinkField(out, field, p);
            }
            default -> {
                return appendHeaderField(out, field, v);
            }
        }
        return true;
    }

    /** Click's link fields: only when a 14-byte Ethernet header sits right before the network header. */
    private static boolean appendLinkField(StringBuilder out, int field, Packet p) {
        int mac;
        if (p.hasMacHeader()) {
            mac = p.macHeaderOffset();
        } else if (!p.hasNetworkHeader() || p.networkHeaderOffset() > 0) {
            mac = 0;
        } else {
            return false;
        }
        int network = p.hasNetworkHeader() ? p.networkHeaderOffset() : p.length();
        if (mac < 0 || mac + 14 != network || network > p.length()) {
            return false;
        }
        if (field == ETH_TYPE) {
            int type = p.getUnsignedShort(mac + 12);
            for (int shift = 12; shift >= 0; shift -= 4) {
                out.append(Character.toUpperCase(Character.forDigit((type >> shift) & 15, 16)));
            }
        } else {
            int at = mac + (field == ETH_SRC ? 6 : 0);
            for (int i = 0; i < 6; i++) {
                int b = p.getUnsignedByte(at + i);
                if (i > 0) {
                    out.append('-');
                }
                out.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
            }
        }
        return true;
    }

    private static int payloadOffset(View v) {
        int offset = v.th;
        if (v.firstFrag) {
            if (v.proto == 6) {
                int off = v.transportLength >= 13 ? (v.packet.getUnsignedByte(v.th + 12) >> 4) << 2 : 0;
                offset += off >= 20 ? off : 20;
            } else if (v.proto == 17 || v.proto == 136) {
                offset += 8;
            }
        }
        return offset;
    }

    private static boolean appendHeaderField(StringBuilder out, int field, View v) {
        Packet p = v.packet;
        int nh = v.nh;
        int net = nh < 0 ? -1 : v.netLength;
        int th = v.th;
        int tl = v.transportLength;
        switch (field) {
            case IP_SRC, IP_DST -> {
                int at = field == IP_SRC ? 12 : 16;
                if (net < at + 4) {
                    return false;
                }
                appendAddress(out, p.getInt(nh + at));
            }
            case IP_TOS, IP_DSCP, IP_ECN -> {
                if (net < 2) {
                    return false;
                }
                int tos = p.getUnsignedByte(nh + 1);
                if (field == IP_TOS) {
                    out.append(tos);
                } else if (field == IP_DSCP) {
                    out.append(tos >> 2);
                } else {
                    out.append(switch (tos & 3) {
                        case 0 -> "no";
                        case 1 -> "ect1";
                        case 2 -> "ect2";
                        default -> "ce";
                    });
                }
            }
            case IP_TTL -> {
                if (net < 9) {
                    return false;
                }
                out.append(p.getUnsignedByte(nh + 8));
            }
            case IP_FRAG, IP_FRAGOFF -> {
                if (net < 8) {
                    return false;
                }
                int off = p.getUnsignedShort(nh + 6);
                if (field == IP_FRAG) {
                    if ((off & 0x3FFF) != 0) {
                        out.append((off & 0x1FFF) == 0 ? 'F' : 'f');
                    } else {
                        out.append((off & 0x4000) != 0 ? '!' : '.');
                    }
                } else {
                    out.append((off & 0x1FFF) << 3);
                    if ((off & 0x2000) != 0) {
                        out.append('+');
                    }
                    if ((off & 0x4000) != 0) {
                        out.append('!');
                    }
                }
            }
            case IP_ID -> {
                if (net < 6) {
                    return false;
                }
                out.append(p.getUnsignedShort(nh + 4));
            }
            case IP_SUM -> {
                if (net < 12) {
                    return false;
                }
                out.append(p.getUnsignedShort(nh + 10));
            }
            case IP_PROTO -> {
                if (net < 10) {
                    return false;
                }
                int proto = p.getUnsignedByte(nh + 9);
                switch (proto) {
                    case 6 -> out.append('T');
                    case 17 -> out.append('U');
                    case 1 -> out.append('I');
                    default -> out.append(proto);
                }
            }
            case IP_HL -> {
                if (net < 1) {
                    return false;
                }
                out.append(v.hl);
            }
            case SPORT, DPORT -> {
                boolean dport = field == DPORT;
                int proto = v.proto;
                if (nh < 0 || net <= v.hl || !v.firstFrag
                        || !(proto == 6 || proto == 17 || proto == 33 || proto == 136) || tl < (dport ? 4 : 2)) {
                    return false;
                }
                out.append(p.getUnsignedShort(th + (dport ? 2 : 0)));
            }
            case TCP_SEQ, TCP_ACK, TCP_OFF, TCP_FLAGS, TCP_WINDOW, TCP_URP -> {
                int need = switch (field) {
                    case TCP_SEQ -> 8;
                    case TCP_ACK -> 12;
                    case TCP_OFF -> 13;
                    case TCP_FLAGS -> 14;
                    case TCP_WINDOW -> 16;
                    default -> 20;
                };
                if (!v.tcp || tl < need) {
                    return false;
                }
                switch (field) {
                    case TCP_SEQ -> out.append(p.getUnsignedInt(th + 4));
                    case TCP_ACK -> out.append(p.getUnsignedInt(th + 8));
                    case TCP_OFF -> out.append((p.getUnsignedByte(th + 12) >> 4) << 2);
                    case TCP_FLAGS -> appendTcpFlags(out,
                            p.getUnsignedByte(th + 13) | ((p.getUnsignedByte(th + 12) & 0x0F) << 8));
                    case TCP_WINDOW -> out.append(p.getUnsignedShort(th + 14));
                    default -> out.append(p.getUnsignedShort(th + 18));
                }
            }
            case UDP_LEN -> {
                if (!v.udp || tl < 6) {
                    return false;
                }
                out.append(p.getUnsignedShort(th + 4));
            }
            case ICMP_TYPE, ICMP_CODE, ICMP_TYPE_NAME, ICMP_CODE_NAME -> {
                boolean type = field == ICMP_TYPE || field == ICMP_TYPE_NAME;
                int at = type ? 0 : 1;
                if (!v.icmp || tl < at + 1) {
                    return false;
                }
                int value = p.getUnsignedByte(th + at);
                String name = field == ICMP_TYPE_NAME ? IcmpNames.type(value)
                        : field == ICMP_CODE_NAME ? IcmpNames.code(p.getUnsignedByte(th), value) : null;
                if (name != null) {
                    out.append(name);
                } else {
                    out.append(value);
                }
            }
            case ICMP_FLOWID, ICMP_SEQ, ICMP_NEXTMTU -> {
                if (!v.icmp || tl < 1) {
                    return false;
                }
                int type = p.getUnsignedByte(th);
                if (field == ICMP_NEXTMTU) {
                    if (tl < 2 || type != 3 || p.getUnsignedByte(th + 1) != 4 || tl < 8) {
                        return false;
                    }
                    out.append(p.getUnsignedShort(th + 6));
                } else {
                    int need = field == ICMP_FLOWID ? 6 : 8;
                    if (!hasIcmpFlow(type) || tl < need) {
                        return false;
                    }
                    out.append(p.getUnsignedShort(th + need - 2));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether ICMP messages of {@code type} carry an identifier and sequence number (echo, info, timestamp). */
    static boolean hasIcmpFlow(int type) {
        return type == 0 || type == 8 || type == 13 || type == 14 || type == 15 || type == 16;
    }

    /** Click's TCP flags: {@code PA}, {@code A}, {@code .}, else the letters of FSRPAUECN that are set. */
    static void appendTcpFlags(StringBuilder out, int flags) {
        if (flags == 0x18) {
            out.append("PA");
        } else if (flags == 0x10) {
            out.append('A');
        } else if (flags == 0) {
            out.append('.');
        } else {
            for (int flag = 0; flag < 9; flag++) {
                if ((flags & (1 << flag)) != 0) {
                    out.append(TCP_FLAG_LETTERS.charAt(flag));
                }
            }
        }
    }

    /** A dotted quad, without allocating. */
    public static void appendAddress(StringBuilder out, int address) {
        out.append(address >>> 24).append('.').append((address >>> 16) & 0xFF).append('.')
                .append((address >>> 8) & 0xFF).append('.').append(address & 0xFF);
    }

    /**
     * Click's Timestamp text with nanosecond timestamps: seconds, a dot, then 6 digits when the fraction is a
     * whole number of microseconds and 9 otherwise; a negative time is minus its absolute value.
     */
    public static void appendTimestamp(StringBuilder text, long epochNanos) {
        long magnitude = epochNanos;
        if (epochNanos < 0) {
            text.append('-');
            magnitude = -epochNanos;
        }
        long seconds = magnitude / 1_000_000_000L;
        long fraction = magnitude % 1_000_000_000L;
        text.append(seconds).append('.');
        if (fraction % 1000 == 0) {
            appendPadded(text, fraction / 1000, 6);
        } else {
            appendPadded(text, fraction, 9);
        }
    }

    private static void appendPadded(StringBuilder text, long value, int width) {
        for (long bound = 10, digits = 1; digits < width; bound *= 10, digits++) {
            if (value < bound) {
                text.append('0');
            }
        }
        text.append(value);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Parses the text of {@code field} into {@code b}'s value slots, as Click's readers; false if the text
     * is not valid for the field (Click then ignores the field).
     */
    public static boolean parse(int field, String text, SummaryPacketBuilder b) {
        switch (field) {
            case TIMESTAMP, NTIMESTAMP -> {
                long nanos = parseTime(text);
                if (nanos == Long.MIN_VALUE) {
                    return false;
                }
                b.value = nanos;
                return true;
            }
            case LINK, PAINT, DIRECTION -> {
                if (text.equals(">")) {
                    b.value = 0;
                    return true;
                } else if (text.equals("<")) {
                    b.value = 1;
                    return true;
                }
                return parseNumber(text, 0xFFFF_FFFFL, b);
            }
            case IP_SRC, IP_DST -> {
                try {
                    b.value = IPv4.parse(text) & 0xFFFF_FFFFL;
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            case IP_FRAG, IP_FRAGOFF -> {
                return parseFragment(text, b);
            }
            case IP_PROTO -> {
                switch (text) {
                    case "T" -> b.value = 6;
                    case "U" -> b.value = 17;
                    case "I" -> b.value = 1;
                    default -> {
                        return parseNumber(text, 255, b);
                    }
                }
                return true;
            }
            case IP_ECN -> {
                switch (text) {
                    case "0", "no", "-" -> b.value = 0;
                    case "1", "ect1", "ECT(1)" -> b.value = 1;
                    case "2", "ect2", "ECT(0)" -> b.value = 2;
                    case "3", "ce", "CE" -> b.value = 3;
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            case TCP_FLAGS -> {
                return parseTcpFlags(text, b);
            }
            case PAYLOAD -> {
                String bytes = Args.unquote(text);
                b.payload = bytes;
                return true;
            }
            case ICMP_TYPE_NAME -> {
                int type = IcmpNames.typeNamed(text);
                if (type >= 0) {
                    b.value = type;
                    return true;
                }
                return parseNumber(text, 255, b);
            }
            case ICMP_CODE_NAME -> {
                // a code name is looked up under the packet's type when it is injected
                b.payload = text;
                b.value = -1;
                return parseNumber(text, 255, b) || !text.isEmpty();
            }
            case IP_ID, IP_SUM, SPORT, DPORT, TCP_WINDOW, TCP_URP, ICMP_FLOWID, ICMP_SEQ, ICMP_NEXTMTU -> {
                return parseNumber(text, 65535, b);
            }
            case IP_TOS, IP_DSCP, IP_TTL, IP_HL, TCP_OFF, ICMP_TYPE, ICMP_CODE -> {
                return parseNumber(text, 255, b);
            }
            case TS_USEC1 -> {
                return parseNumber(text, Long.MAX_VALUE, b);
            }
            case ETH_SRC, ETH_DST -> {
                try {
                    b.value = EtherAddress.parse(text);
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            case ETH_TYPE -> {
                String hex = text.regionMatches(true, 0, "0x", 0, 2) ? text.substring(2) : text;
                try {
                    b.value = Integer.parseInt(hex, 16);
                    return !hex.isEmpty() && hex.charAt(0) != '-' && hex.charAt(0) != '+' && b.value < 65536;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            default -> {
                return parseNumber(text, 0xFFFF_FFFFL, b);
            }
        }
    }

    private static boolean parseFragment(String text, SummaryPacketBuilder b) {
        if (text.length() == 1) {
            switch (text.charAt(0)) {
                case '.' -> b.value = 0;
                case '!' -> b.value = 0x4000;
                case 'F' -> b.value = 0x2000;
                case 'f' -> b.value = 100; // some nonzero offset, as Click
                default -> b.value = -1;
            }
            if (b.value >= 0) {
                return true;
            }
        }
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 9) {
            return false;
        }
        long value = Long.parseLong(text.substring(0, end));
        if (b.minorVersion > 0) {
            value >>= 3;
        }
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '!') {
                value |= 0x4000;
            } else if (c == '+') {
                value |= 0x2000;
            } else {
                return false;
            }
        }
        b.value = value;
        return true;
    }

    private static boolean parseTcpFlags(String text, SummaryPacketBuilder b) {
        if (text.equals(".")) {
            b.value = 0;
            return true;
        }
        if (text.isEmpty()) {
            return false;
        }
        if (Character.isDigit(text.charAt(0))) {
            return parseNumber(text, 0xFFF, b);
        }
        long flags = 0;
        for (int i = 0; i < text.length(); i++) {
            int bit = switch (text.charAt(i)) {
                case 'F' -> 0;
                case 'S' -> 1;
                case 'R' -> 2;
                case 'P' -> 3;
                case 'A' -> 4;
                case 'U' -> 5;
                case 'E' -> 6;
                case 'C', 'W' -> 7;
                case 'N' -> 8;
                default -> -1;
            };
            if (bit < 0) {
                return false;
            }
            flags |= 1L << bit;
        }
        b.value = flags;
        return true;
    }

    /** Click's IntArg for field values: decimal, or hex with 0x; up to {@code max}. */
    private static boolean parseNumber(String text, long max, SummaryPacketBuilder b) {
        long value = 0;
        int i = 0;
        int radix = 10;
        if (text.startsWith("+")) {
            i = 1;
        }
        if (text.regionMatches(true, i, "0x", 0, 2) && text.length() > i + 2) {
            radix = 16;
            i += 2;
        }
        if (i >= text.length()) {
            return false;
        }
        for (; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0) {
                return false;
            }
            value = value * radix + digit;
            if (value > max || value < 0) {
                return false;
            }
        }
        b.value = value;
        return true;
    }

    /** Click's cp_time for timestamps: [-]seconds[.fraction], to nanoseconds; Long.MIN_VALUE if invalid. */
    public static long parseTime(String text) {
        int i = 0;
        boolean negative = false;
        if (text.startsWith("-")) {
            negative = true;
            i = 1;
        } else if (text.startsWith("+")) {
            i = 1;
        }
        long seconds = 0;
        int digits = 0;
        for (; i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
            seconds = seconds * 10 + (text.charAt(i) - '0');
            if (seconds > 9_000_000_000L) {
                return Long.MIN_VALUE;
            }
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < text.length() && text.charAt(i) == '.') {
            for (i++; i < text.length() && Character.isDigit(text.charAt(i)); i++, digits++) {
                if (fractionDigits < 9) {
                    fraction = fraction * 10 + (text.charAt(i) - '0');
                    fractionDigits++;
                }
            }
        }
        if (digits == 0 || i != text.length()) {
            return Long.MIN_VALUE;
        }
        for (; fractionDigits < 9; fractionDigits++) {
            fraction *= 10;
        }
        long nanos = seconds * 1_000_000_000L + fraction;
        return negative ? -nanos : nanos;
    }
}
