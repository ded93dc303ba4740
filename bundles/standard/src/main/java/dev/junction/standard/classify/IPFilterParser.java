package dev.junction.standard.classify;

import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Click's IPFilter pattern language (tcpdump-like): primitives such as {@code src host A}, {@code net N},
 * {@code tcp port P}, {@code ip proto}, {@code ip vers/hl/id/len/tos/dscp/ttl}, {@code ip ect/ce},
 * {@code ip frag/unfrag}, {@code tcp opt}, {@code tcp win}, {@code icmp type}, {@code ip[POS:LEN]},
 * {@code transp[POS:LEN]}, {@code ether host}, {@code true}, {@code false}; masks ({@code & MASK}); relations
 * ({@code == != < > <= >=}); connectives {@code and or not && || !}, {@code ?:} and parentheses; implicit
 * operands ({@code src port 80 or 81}). Parsed into {@link Expr}s over word tests at the MAC, network and
 * transport headers, with Click's error messages.
 */
public final class IPFilterParser {
    static final int UNKNOWN = -1000;

    static final int TYPE_NONE = 0;
    static final int TYPE_TYPE = 1;
    static final int TYPE_SYNTAX = 2;
    static final int TYPE_INT = 3;
    static final int TYPE_HOST = 10;
    static final int TYPE_PROTO = 11;
    static final int TYPE_IPFRAG = 12;
    static final int TYPE_PORT = 13;
    static final int TYPE_TCPOPT = 14;
    static final int TYPE_ETHER = 15;
    static final int TYPE_NET = 30;
    static final int TYPE_IPUNFRAG = 31;
    static final int TYPE_IPECT = 32;
    static final int TYPE_IPCE = 33;

    // A header field: bit 30 set; bits 29-21 IP protocol (0: IP header); 20-5 offset in bits; 4-0 length - 1.
    static final int TYPE_FIELD = 0x40000000;
    static final int FIELD_PROTO_SHIFT = 21;
    static final int FIELD_PROTO_MASK = 0x1FF << FIELD_PROTO_SHIFT;
    static final int FIELD_OFFSET_SHIFT = 5;
    static final int FIELD_OFFSET_MASK = 0xFFFF << FIELD_OFFSET_SHIFT;
    static final int FIELD_LENGTH_MASK = 0x1F;

    static final int PROTO_ICMP = 1;
    static final int PROTO_IGMP = 2;
    static final int PROTO_IPIP = 4;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final int PROTO_DCCP = 33;
    static final int PROTO_TCP_OR_UDP = 256;
    static final int PROTO_TRANSP = 258;
    static final int PROTO_PAYLOAD = 259;

    static int field(int proto, int byteOffset, int bitOffset, int bits) {
        return TYPE_FIELD | proto << FIELD_PROTO_SHIFT | (byteOffset * 8 + bitOffset) << FIELD_OFFSET_SHIFT | (bits - 1);
    }

    static final int FIELD_CSUM = field(0, 10, 0, 16);
    static final int FIELD_IPLEN = field(0, 2, 0, 16);
    static final int FIELD_ID = field(0, 4, 0, 16);
    static final int FIELD_VERSION = field(0, 0, 0, 4);
    static final int FIELD_HL = field(0, 0, 4, 4);
    static final int FIELD_TOS = field(0, 1, 0, 8);
    static final int FIELD_DSCP = field(0, 1, 0, 6);
    static final int FIELD_TTL = field(0, 8, 0, 8);
    static final int FIELD_TCP_WIN = field(PROTO_TCP, 14, 0, 16);
    static final int FIELD_ICMP_TYPE = field(PROTO_ICMP, 0, 0, 8);

    static final int SD_SRC = 1;
    static final int SD_DST = 2;
    static final int SD_AND = 3;
    static final int SD_OR = 4;

    static final int OP_EQ = 0;
    static final int OP_GT = 1;
    static final int OP_LT = 2;

    private static final Map<String, Integer> TYPES = Map.ofEntries(
            Map.entry("ce", TYPE_IPCE), Map.entry("dest", TYPE_SYNTAX), Map.entry("dscp", FIELD_DSCP),
            Map.entry("dst", TYPE_SYNTAX), Map.entry("ect", TYPE_IPECT), Map.entry("ether", TYPE_SYNTAX),
            Map.entry("frag", TYPE_IPFRAG), Map.entry("hl", FIELD_HL), Map.entry("host", TYPE_HOST),
            Map.entry("id", FIELD_ID), Map.entry("ip", TYPE_SYNTAX), Map.entry("len", FIELD_IPLEN),
            Map.entry("net", TYPE_NET), Map.entry("not", TYPE_SYNTAX), Map.entry("opt", TYPE_TCPOPT),
            Map.entry("port", TYPE_PORT), Map.entry("proto", TYPE_PROTO), Map.entry("src", TYPE_SYNTAX),
            Map.entry("tos", FIELD_TOS), Map.entry("ttl", FIELD_TTL), Map.entry("type", FIELD_ICMP_TYPE),
            Map.entry("unfrag", TYPE_IPUNFRAG), Map.entry("vers", FIELD_VERSION), Map.entry("win", FIELD_TCP_WIN));

    private static final Map<String, Integer> PROTOS = Map.ofEntries(
            Map.entry("dccp", PROTO_DCCP), Map.entry("gre", 47), Map.entry("icmp", PROTO_ICMP),
            Map.entry("igmp", PROTO_IGMP), Map.entry("ipip", PROTO_IPIP), Map.entry("payload", PROTO_PAYLOAD),
            Map.entry("sctp", 132), Map.entry("tcp", PROTO_TCP), Map.entry("tcpudp", PROTO_TCP_OR_UDP),
            Map.entry("transp", PROTO_TRANSP), Map.entry("udp", PROTO_UDP));

    private static final Map<String, Integer> PORTS = Map.ofEntries(
            Map.entry("auth", 113), Map.entry("bootpc", 68), Map.entry("bootps", 67), Map.entry("chargen", 19),
            Map.entry("daytime", 13), Map.entry("discard", 9), Map.entry("dns", 53), Map.entry("domain", 53),
            Map.entry("echo", 7), Map.entry("finger", 79), Map.entry("ftp", 21), Map.entry("ftp-data", 20),
            Map.entry("https", 443), Map.entry("imap3", 220), Map.entry("imaps", 993), Map.entry("irc", 194),
            Map.entry("netbios-dgm", 138), Map.entry("netbios-ns", 137), Map.entry("netbios-ssn", 139),
            Map.entry("nntp", 119), Map.entry("ntp", 123), Map.entry("pop3", 110), Map.entry("pop3s", 995),
            Map.entry("pptp", 1723), Map.entry("rip", 520), Map.entry("route", 520), Map.entry("smtp", 25),
            Map.entry("snmp", 161), Map.entry("snmp-trap", 162), Map.entry("ssh", 22), Map.entry("sunrpc", 111),
            Map.entry("telnet", 23), Map.entry("tftp", 69), Map.entry("www", 80));

    private static final Map<String, Integer> TCP_OPTS = Map.of(
            "ack", 0x10, "fin", 0x01, "psh", 0x08, "rst", 0x04, "syn", 0x02, "urg", 0x20);

    private static final Map<String, Integer> ICMP_TYPES = Map.ofEntries(
            Map.entry("echo", 8), Map.entry("echo-reply", 0), Map.entry("inforeq", 15),
            Map.entry("inforeq-reply", 16), Map.entry("maskreq", 17), Map.entry("maskreq-reply", 18),
            Map.entry("parameterproblem", 12), Map.entry("redirect", 5), Map.entry("routeradvert", 9),
            Map.entry("routersolicit", 10), Map.entry("sourcequench", 4), Map.entry("timeexceeded", 11),
            Map.entry("timestamp", 13), Map.entry("timestamp-reply", 14), Map.entry("unreachable", 3));

    private static final int[] DB_TYPES = {TYPE_PROTO, TYPE_PORT, TYPE_PORT, TYPE_TCPOPT, FIELD_ICMP_TYPE};

    private IPFilterParser() {
    }

    /** Where messages go: errors make the configuration fail, warnings do not. */
    public interface Diagnostics {
        void error(String message);

        void warning(String message);
    }

    /**
     * Parses IPFilter's {@code ACTION PATTERN} arguments for an element with {@code noutputs} outputs. Actions
     * are an output number, {@code allow} (0), or {@code deny}/{@code drop}.
     */
    public static List<DecisionTree.Rule> parse(List<String> conf, int noutputs, Diagnostics diagnostics) {
        List<DecisionTree.Rule> rules = new ArrayList<>();
        for (int argno = 0; argno < conf.size(); argno++) {
            List<String> words = separate(conf.get(argno));
            if (words.isEmpty()) {
                diagnostics.error("empty pattern " + argno);
                continue;
            }
            String prefix = "pattern " + argno + ": ";
            Diagnostics prefixed = new Diagnostics() {
                @Override
                public void error(String message) {
                    diagnostics.error(prefix + message);
                }

                @Override
                public void warning(String message) {
                    diagnostics.warning(prefix + message);
                }
            };
            int slot = DecisionTree.DROP;
            String slotWord = words.get(0);
            if (slotWord.equals("allow")) {
                slot = 0;
                if (noutputs == 0) {
                    prefixed.error("'allow' is meaningless, element has zero outputs");
                }
            } else if (!slotWord.equals("deny") && !slotWord.equals("drop")) {
                Long number = parseInt(slotWord);
                if (number == null) {
                    prefixed.error("unknown slot ID '" + slotWord + "'");
                } else if (number < 0 || number >= noutputs) {
                    prefixed.error("slot '" + number + "' out of range");
                } else {
                    slot = number.intValue();
                }
            }
            Expr expr;
            if (words.size() == 1 || words.size() == 2
                    && (words.get(1).equals("-") || words.get(1).equals("any") || words.get(1).equals("all"))) {
                expr = Expr.TRUE;
            } else {
                Parser parser = new Parser(words, prefixed);
                expr = parser.parseExpr();
                if (parser.pos < words.size()) {
                    prefixed.error("garbage after expression at '" + words.get(parser.pos) + "'");
                }
                if (expr == null) {
                    expr = Expr.TRUE;
                }
            }
            rules.add(new DecisionTree.Rule(expr, slot));
        }
        return rules;
    }

    /** Click's tokenizer for patterns. */
    static List<String> separate(String text) {
        List<String> words = new ArrayList<>();
        int len = text.length();
        int pos = 0;
        while (pos < len) {
            while (pos < len && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= len) {
                break;
            }
            char c = text.charAt(pos);
            char next = pos + 1 < len ? text.charAt(pos + 1) : 0;
            int width;
            if ((c == '&' || c == '|') && next == c) {
                width = 2;
            } else if ((c == '<' || c == '>' || c == '!' || c == '=') && next == '=') {
                width = 2;
            } else if ("&|<>!=()[],;?".indexOf(c) >= 0) {
                width = 1;
            } else {
                int first = pos;
                while (pos < len && isWordChar(text.charAt(pos))) {
                    pos++;
                }
                if (pos == first) {
                    pos++;
                }
                words.add(text.substring(first, pos));
                continue;
            }
            words.add(text.substring(pos, pos + width));
            pos += width;
        }
        return words;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '/' || c == '@' || c == '_' || c == ':';
    }

    /** Click's IntArg: decimal, 0x hex or 0 octal, optionally signed; null if not an integer or over 32 bits. */
    static Long parseInt(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) >= 128) {
                return null;
            }
            value = value * radix + d;
            if (value > 0xFFFFFFFFL) {
                return null;
            }
        }
        return negative ? -value : value;
    }

    private static Integer parseIp(String text) {
        try {
            return IPv4.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static IPv4Prefix parsePrefix(String text) {
        try {
            return IPv4Prefix.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long parseEther(String text) {
        try {
            return EtherAddress.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- names

    /** Result of {@link #lookup}: its kind (-1 no match, -2 error reported, TYPE_TYPE, or a data type) and value. */
    private record Lookup(int kind, int data) {
    }

    private static Lookup lookup(String word, int type, int proto, Diagnostics diagnostics) {
        if (type == 0 || type == TYPE_TYPE) {
            Integer t = TYPES.get(word);
            if (t != null) {
                return new Lookup(t == TYPE_SYNTAX ? -1 : TYPE_TYPE, t);
            }
        }
        Integer[] got = {PROTOS.get(word), PORTS.get(word), PORTS.get(word), TCP_OPTS.get(word), ICMP_TYPES.get(word)};
        boolean any = false;
        for (Integer g : got) {
            any |= g != null;
        }
        if (!any) {
            return new Lookup(-1, 0);
        }
        boolean[] tgot = new boolean[5];
        tgot[0] = got[0] != null && (type == 0 || type == TYPE_PROTO);
        tgot[1] = got[1] != null && (type == 0 || type == TYPE_PORT)
                && (proto == UNKNOWN || proto == PROTO_TCP || proto == PROTO_TCP_OR_UDP);
        tgot[2] = got[2] != null && (type == 0 || type == TYPE_PORT)
                && (proto == UNKNOWN || proto == PROTO_UDP || proto == PROTO_TCP_OR_UDP);
        tgot[3] = got[3] != null && (type == 0 || type == TYPE_TCPOPT)
                && (proto == UNKNOWN || proto == PROTO_TCP || proto == PROTO_TCP_OR_UDP);
        tgot[4] = got[4] != null && (type == 0 || type == FIELD_ICMP_TYPE)
                && (proto == UNKNOWN || proto == PROTO_ICMP);
        if (tgot[1] && tgot[2] && got[1].equals(got[2])) {
            tgot[2] = false;
        }
        int ngot = 0;
        int which = -1;
        for (int i = 0; i < 5; i++) {
            if (tgot[i]) {
                ngot++;
                which = i;
            }
        }
        if (ngot == 1) {
            return new Lookup(DB_TYPES[which], got[which]);
        }
        if (diagnostics != null) {
            StringBuilder tries = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                if (got[i] != null) {
                    if (!tries.isEmpty()) {
                        tries.append(", ");
                    }
                    tries.append('\'').append(unparseWord(DB_TYPES[i], proto, word)).append('\'');
                }
            }
            diagnostics.error("'" + unparseWord(type, proto, word) + "' is " + (ngot > 1 ? "ambiguous" : "meaningless")
                    + "; try " + tries);
        }
        return new Lookup(-2, 0);
    }

    private static String unparseWord(int type, int proto, String word) {
        String tn = type == 0 ? "" : unparseType(0, type);
        String tr = unparseTranspProto(proto);
        if (!tn.isEmpty()) {
            tn += " ";
        }
        if (!tr.isEmpty() || !word.isEmpty() && !tn.isEmpty()) {
            tr += " ";
        }
        return tn + tr + word;
    }

    static String unparseType(int srcdst, int type) {
        StringBuilder sb = new StringBuilder();
        switch (srcdst) {
            case SD_SRC -> sb.append("src ");
            case SD_DST -> sb.append("dst ");
            case SD_OR -> sb.append("src or dst ");
            case SD_AND -> sb.append("src and dst ");
            default -> { }
        }
        switch (type) {
            case TYPE_NONE -> sb.append("<none>");
            case TYPE_HOST -> sb.append("ip host");
            case TYPE_PROTO -> sb.append("proto");
            case TYPE_ETHER -> sb.append("ether host");
            case TYPE_IPFRAG -> sb.append("ip frag");
            case TYPE_PORT -> sb.append("port");
            case TYPE_TCPOPT -> sb.append("tcp opt");
            case TYPE_NET -> sb.append("ip net");
            case TYPE_IPUNFRAG -> sb.append("ip unfrag");
            case TYPE_IPECT -> sb.append("ip ect");
            case TYPE_IPCE -> sb.append("ip ce");
            default -> {
                if ((type & TYPE_FIELD) != 0 && type > 0) {
                    if (type == FIELD_IPLEN) {
                        sb.append("ip len");
                    } else if (type == FIELD_ID) {
                        sb.append("ip id");
                    } else if (type == FIELD_VERSION) {
                        sb.append("ip vers");
                    } else if (type == FIELD_HL) {
                        sb.append("ip hl");
                    } else if (type == FIELD_TOS) {
                        sb.append("ip tos");
                    } else if (type == FIELD_DSCP) {
                        sb.append("ip dscp");
                    } else if (type == FIELD_TTL) {
                        sb.append("ip ttl");
                    } else if (type == FIELD_TCP_WIN) {
                        sb.append("tcp win");
                    } else if (type == FIELD_ICMP_TYPE) {
                        sb.append("icmp type");
                    } else {
                        sb.append((type & FIELD_PROTO_MASK) != 0
                                ? unparseTranspProto((type & FIELD_PROTO_MASK) >>> FIELD_PROTO_SHIFT) : "ip");
                        sb.append("[...]");
                    }
                } else {
                    sb.append("<unknown type ").append(type).append('>');
                }
            }
        }
        return sb.toString();
    }

    static String unparseTranspProto(int proto) {
        return switch (proto) {
            case UNKNOWN -> "";
            case PROTO_ICMP -> "icmp";
            case PROTO_IGMP -> "igmp";
            case PROTO_IPIP -> "ipip";
            case PROTO_TCP -> "tcp";
            case PROTO_UDP -> "udp";
            case PROTO_TCP_OR_UDP -> "tcpudp";
            case PROTO_TRANSP -> "transp";
            default -> "ip proto " + proto;
        };
    }

    // ---------------------------------------------------------------- primitives

    /** One primitive being parsed, as Click's IPFilter::Primitive. */
    static final class Primitive {
        int type;
        int data;
        int op = OP_EQ;
        boolean opNegated;
        int srcdst;
        int transpProto = UNKNOWN;
        long u;
        long mask;
        /** Ethernet address and mask (48 bits) for ether host. */
        long ether;
        long etherMask;

        void clear() {
            type = 0;
            data = 0;
            op = OP_EQ;
            opNegated = false;
            srcdst = 0;
            transpProto = UNKNOWN;
            u = 0;
            mask = 0;
            ether = 0;
            etherMask = 0;
        }

        void copyFrom(Primitive p) {
            type = p.type;
            data = p.data;
            op = p.op;
            opNegated = p.opNegated;
            srcdst = p.srcdst;
            transpProto = p.transpProto;
            u = p.u;
            mask = p.mask;
            ether = p.ether;
            etherMask = p.etherMask;
        }

        void setType(int x, Diagnostics d) {
            if (type != 0) {
                d.error("type specified twice");
            }
            type = x;
        }

        void setSrcdst(int x, Diagnostics d) {
            if (srcdst != 0) {
                d.error("'src' or 'dst' specified twice");
            }
            srcdst = x;
        }

        void setTranspProto(int x, Diagnostics d) {
            if (transpProto != UNKNOWN && transpProto != x) {
                d.error("transport protocol specified twice");
            }
            transpProto = x;
        }

        String unparseType() {
            return IPFilterParser.unparseType(srcdst, type);
        }

        String unparseOp() {
            if (op == OP_GT) {
                return opNegated ? "<=" : ">";
            } else if (op == OP_LT) {
                return opNegated ? ">=" : "<";
            } else {
                return opNegated ? "!=" : "=";
            }
        }

        private boolean typeError(Diagnostics d, String message) {
            d.error("'" + unparseType() + "': " + message);
            return false;
        }

        /** Click's set_mask: applies a field's mask and normalizes relations; false on error. */
        boolean setMask(long fullMask, int shift, long providedMask, Diagnostics d) {
            long value = u & 0xFFFFFFFFL;
            long thisMask = providedMask != 0 ? providedMask : fullMask;
            if ((thisMask & fullMask) != thisMask) {
                d.error("'" + unparseType() + "': mask out of range, bound 0x" + Long.toHexString(fullMask).toUpperCase());
                return false;
            }
            if (op == OP_GT || op == OP_LT) {
                if (op == OP_LT && (value == 0 || value > thisMask) || op == OP_GT && value >= thisMask) {
                    boolean willBe = op == OP_LT && value > thisMask ? !opNegated : opNegated;
                    d.warning("relation '" + unparseOp() + " " + value + "' is always " + willBe + " (range 0-"
                            + thisMask + ")");
                    u = 0;
                    mask = 0;
                    opNegated = !willBe;
                    op = OP_EQ;
                    return true;
                }
                if (op == OP_LT) {
                    value--;
                    opNegated = !opNegated;
                    op = OP_GT;
                }
                long low = (1L << shift) - 1;
                long fullU = 0xFFFFFFFFL;
                value = (value << shift | low) & fullU;
                long m = (thisMask << shift | low) & fullU;
                if ((value & m) != value) {
                    long fullMaskU = (fullMask << shift | low) & fullU;
                    long missing = (value & m) ^ (value & fullMaskU);
                    long addMask = 0xFFFFFFFFL >>> ffsMsb(missing);
                    value = (value | addMask) & m;
                }
                u = value;
                mask = m;
                return true;
            }
            if (value > fullMask) {
                d.error("'" + unparseType() + "': out of range, bound " + fullMask);
                return false;
            }
            u = value << shift & 0xFFFFFFFFL;
            mask = thisMask << shift & 0xFFFFFFFFL;
            return true;
        }

        /** Click's Primitive::check: completes the primitive from context and validates it. */
        boolean check(Primitive prev, int header, int maskType, long providedMask, long providedEtherMask,
                Diagnostics d) {
            int oldSrcdst = srcdst;
            if (type < 0) {
                return false;
            }
            if (type == 0) {
                boolean retry = true;
                while (retry) {
                    retry = false;
                    switch (data) {
                        case TYPE_HOST, TYPE_NET, TYPE_TCPOPT, TYPE_ETHER -> {
                            type = data;
                            if (srcdst == 0) {
                                srcdst = prev.srcdst;
                            }
                        }
                        case TYPE_PROTO -> type = TYPE_PROTO;
                        case TYPE_PORT -> {
                            type = TYPE_PORT;
                            if (srcdst == 0) {
                                srcdst = prev.srcdst;
                            }
                            if (transpProto == UNKNOWN) {
                                transpProto = prev.transpProto;
                            }
                        }
                        case TYPE_INT -> {
                            if ((prev.type & TYPE_FIELD) == 0 && prev.type != TYPE_PROTO && prev.type != TYPE_PORT) {
                                d.error("specify header field or 'port'");
                                return false;
                            }
                            data = prev.type;
                            retry = true;
                        }
                        case TYPE_NONE -> {
                            if (transpProto != UNKNOWN) {
                                type = TYPE_PROTO;
                            } else {
                                d.error("partial directive");
                                return false;
                            }
                        }
                        default -> {
                            if ((data & TYPE_FIELD) != 0) {
                                type = data;
                                if ((type & FIELD_PROTO_MASK) != 0 && transpProto == UNKNOWN) {
                                    transpProto = (type & FIELD_PROTO_MASK) >>> FIELD_PROTO_SHIFT;
                                }
                            } else {
                                d.error("unknown type '" + IPFilterParser.unparseType(0, data) + "'");
                                return false;
                            }
                        }
                    }
                }
            }

            if (header == 0 && data == TYPE_ETHER) {
                header = 'e';
            } else if (header == 0) {
                header = 'i';
            }
            if (header == 'e' && type == TYPE_HOST) {
                type = TYPE_ETHER;
            }

            switch (type) {
                case TYPE_HOST, TYPE_NET -> {
                    if (header != 'i' || data != type) {
                        return typeError(d, "address missing");
                    }
                    if (op != OP_EQ) {
                        return typeError(d, "operator not supported");
                    }
                    if (type == TYPE_HOST) {
                        mask = 0xFFFFFFFFL;
                    }
                    type = TYPE_HOST;
                    if (maskType != 0 && maskType != TYPE_INT && maskType != TYPE_HOST) {
                        return typeError(d, "bad mask");
                    } else if (maskType != 0) {
                        mask = providedMask;
                    }
                }
                case TYPE_ETHER -> {
                    if (header != 'e' || data != TYPE_ETHER) {
                        return typeError(d, "address missing");
                    }
                    if (op != OP_EQ) {
                        return typeError(d, "operator not supported");
                    }
                    etherMask = 0xFFFF_FFFF_FFFFL;
                    if (maskType != 0 && maskType != TYPE_ETHER) {
                        return typeError(d, "bad mask");
                    } else if (maskType != 0) {
                        etherMask = providedEtherMask;
                    }
                }
                case TYPE_PROTO -> {
                    if (header != 'i') {
                        return typeError(d, "ip only");
                    }
                    if (data == TYPE_INT || data == TYPE_PROTO) {
                        if (transpProto != UNKNOWN && transpProto != u) {
                            return typeError(d, "specified twice");
                        }
                        data = TYPE_NONE;
                    } else {
                        u = transpProto;
                    }
                    transpProto = UNKNOWN;
                    if (data != TYPE_NONE || u == UNKNOWN) {
                        return typeError(d, "value missing");
                    }
                    if (u >= 256) {
                        if (op != OP_EQ || maskType != 0) {
                            d.error("'" + unparseTranspProto((int) u) + "': operator or mask not supported");
                            return false;
                        }
                        mask = 0xFF;
                    } else if (maskType != 0 && maskType != TYPE_INT) {
                        return typeError(d, "bad mask");
                    } else if (!setMask(0xFF, 0, maskType != 0 ? providedMask : 0, d)) {
                        return false;
                    }
                    if (op == OP_EQ && mask == 0xFF && !opNegated) {
                        transpProto = (int) u;
                    }
                }
                case TYPE_PORT -> {
                    if (header != 'i') {
                        return typeError(d, "ip only");
                    }
                    if (data == TYPE_INT) {
                        data = TYPE_PORT;
                    }
                    if (data != TYPE_PORT) {
                        return typeError(d, "value missing");
                    }
                    if (transpProto == UNKNOWN) {
                        transpProto = PROTO_TCP_OR_UDP;
                    } else if (transpProto != PROTO_TCP && transpProto != PROTO_UDP
                            && transpProto != PROTO_TCP_OR_UDP && transpProto != PROTO_DCCP) {
                        d.error("'port': bad protocol " + transpProto);
                        return false;
                    } else if (maskType != 0 && maskType != TYPE_INT) {
                        return typeError(d, "bad mask");
                    }
                    if (!setMask(0xFFFF, 0, maskType != 0 ? providedMask : 0, d)) {
                        return false;
                    }
                }
                case TYPE_TCPOPT -> {
                    if (header != 'i') {
                        return typeError(d, "ip only");
                    }
                    if (data == TYPE_INT) {
                        data = TYPE_TCPOPT;
                    }
                    if (data != TYPE_TCPOPT) {
                        return typeError(d, "value missing");
                    }
                    if (transpProto == UNKNOWN) {
                        transpProto = PROTO_TCP;
                    } else if (transpProto != PROTO_TCP) {
                        d.error("'tcp opt': bad protocol " + transpProto);
                        return false;
                    }
                    if (op != OP_EQ || opNegated || maskType != 0) {
                        return typeError(d, "operator or mask not supported");
                    }
                    if (u < 0 || u > 255) {
                        d.error("'tcp opt': value " + u + " out of range");
                        return false;
                    }
                    mask = u;
                }
                case TYPE_IPECT -> {
                    if (header != 'i') {
                        return typeError(d, "ip only");
                    }
                    if (data != TYPE_NONE && data != TYPE_INT) {
                        return typeError(d, "value missing");
                    }
                    long provided = maskType != 0 ? providedMask : 0;
                    if (data == TYPE_NONE) {
                        mask = 0x3;
                        u = 0;
                        opNegated = true;
                    } else if (maskType != 0 && maskType != TYPE_INT) {
                        return typeError(d, "bad mask");
                    }
                    if (!setMask(0x3, 0, provided, d)) {
                        return false;
                    }
                    type = FIELD_TOS;
                }
                case TYPE_IPCE -> {
                    if (header != 'i') {
                        return typeError(d, "ip only");
                    }
                    if (data != TYPE_NONE || maskType != 0) {
                        return typeError(d, "value not supported");
                    }
                    mask = 0x3;
                    u = 0x3;
                    type = FIELD_TOS;
                }
                case TYPE_IPFRAG, TYPE_IPUNFRAG -> {
                    if (header != 'i') {
                        return typeError(d, "ip only");
                    }
                    if (data != TYPE_NONE || maskType != 0) {
                        return typeError(d, "value not supported");
                    }
                    if (type == TYPE_IPUNFRAG) {
                        opNegated = true;
                    }
                    mask = 1;
                    type = TYPE_IPFRAG;
                }
                default -> {
                    if ((type & TYPE_FIELD) != 0) {
                        if (header != 'i') {
                            return typeError(d, "ip only");
                        }
                        if (data != TYPE_INT && data != type) {
                            return typeError(d, "value missing");
                        } else if (maskType != 0 && maskType != TYPE_INT && maskType != type) {
                            return typeError(d, "bad mask");
                        }
                        int nbits = (type & FIELD_LENGTH_MASK) + 1;
                        long fieldMask = nbits == 32 ? 0xFFFFFFFFL : (1L << nbits) - 1;
                        if (!setMask(fieldMask, 0, maskType != 0 ? providedMask : 0, d)) {
                            return false;
                        }
                    }
                }
            }

            if (type == TYPE_HOST || type == TYPE_PORT || type == TYPE_ETHER) {
                if (srcdst == 0) {
                    srcdst = SD_OR;
                }
            } else if (oldSrcdst != 0) {
                d.warning("'" + unparseType() + "': 'src' or 'dst' ignored");
            }
            return true;
        }

        /** Click's Primitive::compile: the primitive as word tests. */
        Expr compile() {
            Expr result = null;
            if (transpProto != UNKNOWN) {
                result = protoExpr(transpProto);
            }
            if (type == TYPE_PORT || type == TYPE_TCPOPT
                    || (type & TYPE_FIELD) != 0 && (type & FIELD_PROTO_MASK) != 0) {
                // Transport fields are only tested on first fragments.
                result = Expr.and(result, new Expr.Test(Expr.Base.NET, 4, 0x00001FFF, 0, false));
            }
            Expr own;
            switch (type) {
                case TYPE_HOST -> {
                    Expr src = comparison(Expr.Base.NET, 12, 0, (int) u, (int) mask, false);
                    Expr dst = comparison(Expr.Base.NET, 16, 0, (int) u, (int) mask, false);
                    own = srcdst(src, dst);
                }
                case TYPE_ETHER -> {
                    long v = ether & etherMask;
                    // The MAC base is 2 bytes before the header: dst at bytes 2-7, src at 8-13.
                    Expr src = new Expr.And(
                            new Expr.Test(Expr.Base.MAC, 8, (int) (etherMask >>> 16), (int) (v >>> 16), false),
                            new Expr.Test(Expr.Base.MAC, 12, (int) (etherMask << 16), (int) (v << 16), false));
                    Expr dst = new Expr.And(
                            new Expr.Test(Expr.Base.MAC, 0, (int) (etherMask >>> 32), (int) (v >>> 32), false),
                            new Expr.Test(Expr.Base.MAC, 4, (int) etherMask, (int) v, false));
                    own = srcdst(src, dst);
                }
                case TYPE_PROTO -> own = transpProto < 256
                        ? comparison(Expr.Base.NET, 8, 16, (int) u, (int) mask, true) : null;
                case TYPE_IPFRAG -> {
                    Expr fragment = new Expr.Test(Expr.Base.NET, 4, 0x00003FFF, 0, false);
                    own = opNegated ? fragment : Expr.negateKeepingShort(fragment);
                }
                case TYPE_PORT -> {
                    Expr src = comparison(Expr.Base.TRANSP, 0, 16, (int) u, (int) mask, false);
                    Expr dst = comparison(Expr.Base.TRANSP, 0, 0, (int) u, (int) mask, false);
                    own = srcdst(src, dst);
                }
                case TYPE_TCPOPT -> own = new Expr.Test(Expr.Base.TRANSP, 12, (int) mask << 16, (int) u << 16, false);
                default -> {
                    int offset = (type & FIELD_OFFSET_MASK) >>> FIELD_OFFSET_SHIFT;
                    int length = (type & FIELD_LENGTH_MASK) + 1;
                    int wordOffset = (offset >> 3) & ~3;
                    int bitOffset = offset & 0x1F;
                    Expr.Base base = (type & FIELD_PROTO_MASK) != 0 ? Expr.Base.TRANSP : Expr.Base.NET;
                    own = comparison(base, wordOffset, 32 - (bitOffset + length), (int) u, (int) mask, true);
                }
            }
            result = Expr.and(result, own);
            return result == null ? Expr.TRUE : result;
        }

        private Expr srcdst(Expr src, Expr dst) {
            Expr e = switch (srcdst) {
                case SD_SRC -> src;
                case SD_DST -> dst;
                case SD_AND -> new Expr.And(src, dst);
                default -> new Expr.Or(src, dst);
            };
            return opNegated ? Expr.negateKeepingShort(e) : e;
        }

        /** Click's add_comparison_exprs: {@code field & mask == value} or {@code field & mask > value} as word tests. */
        private Expr comparison(Expr.Base base, int offset, int shift, int value, int fieldMask, boolean opNegate) {
            long m = fieldMask & 0xFFFFFFFFL;
            long v = value & m;
            Expr e;
            if (op == OP_EQ) {
                e = new Expr.Test(base, offset, (int) (m << shift), (int) (v << shift), false);
            } else {
                e = greater(base, offset, shift, v, m);
            }
            return opNegated && opNegate ? Expr.negateKeepingShort(e) : e;
        }

        /**
         * {@code field & mask > v} from equality tests on groups of high bits: where v's top bit is 0, any set bit
         * above v's highest set bit wins (or); where it is 1, all bits down to the next 0 of v+1 must be set (and).
         */
        private static Expr greater(Expr.Base base, int offset, int shift, long v, long m) {
            List<Expr> steps = new ArrayList<>();
            List<Boolean> highs = new ArrayList<>();
            while (v < m) {
                boolean high = v > m >>> 1;
                long x = high ? ~(v + 1) & m : v;
                int firstDifferent = 33 - ffsMsb(x);
                long upperMask = firstDifferent == 33 ? m : m & ~((1L << firstDifferent) - 1);
                long upperU = high ? upperMask : 0;
                Expr t = new Expr.Test(base, offset, (int) (upperMask << shift), (int) (upperU << shift), false);
                steps.add(high ? t : Expr.negateKeepingShort(t));
                highs.add(high);
                m &= ~upperMask;
                v &= m;
            }
            if (steps.isEmpty()) {
                return Expr.FALSE;
            }
            Expr e = steps.getLast();
            for (int i = steps.size() - 2; i >= 0; i--) {
                e = highs.get(i) ? new Expr.And(steps.get(i), e) : new Expr.Or(steps.get(i), e);
            }
            return e;
        }
    }

    /** Click's ffs_msb: 1 for bit 31 set, 32 for bit 0 only, 0 for zero. */
    static int ffsMsb(long x) {
        int v = (int) x;
        return v == 0 ? 0 : Integer.numberOfLeadingZeros(v) + 1;
    }

    private static Expr protoExpr(int proto) {
        if (proto == PROTO_TCP_OR_UDP) {
            return new Expr.Or(new Expr.Test(Expr.Base.NET, 8, 0x00FF0000, PROTO_TCP << 16, false),
                    new Expr.Test(Expr.Base.NET, 8, 0x00FF0000, PROTO_UDP << 16, false));
        } else if (proto >= 256) {
            return null;
        }
        return new Expr.Test(Expr.Base.NET, 8, 0x00FF0000, proto << 16, false);
    }

    // ---------------------------------------------------------------- expressions

    /** Recursive descent over Click's grammar (expr, orexpr, term, factor, test). */
    private static final class Parser {
        final List<String> words;
        final Diagnostics d;
        int pos = 1;
        final Primitive prev = new Primitive();

        Parser(List<String> words, Diagnostics d) {
            this.words = words;
            this.d = d;
        }

        private boolean at(String... candidates) {
            if (pos >= words.size()) {
                return false;
            }
            for (String c : candidates) {
                if (words.get(pos).equals(c)) {
                    return true;
                }
            }
            return false;
        }

        /** expr ::= orexpr | orexpr ? expr : expr. Null if nothing was consumed. */
        Expr parseExpr() {
            Expr condition = parseOr();
            if (!at("?")) {
                return condition;
            }
            pos++;
            int before = pos;
            Expr then = parseExpr();
            if (pos == before || !at(":")) {
                d.error("missing ':' in ternary expression");
                return condition;
            }
            pos++;
            Expr otherwise = parseExpr();
            return new Expr.Ternary(orTrue(condition), orTrue(then), orTrue(otherwise));
        }

        private static Expr orTrue(Expr e) {
            return e == null ? Expr.TRUE : e;
        }

        Expr parseOr() {
            Expr e = parseTerm();
            while (at("or", "||")) {
                pos++;
                e = or(e, parseTerm());
            }
            return e;
        }

        private static Expr or(Expr a, Expr b) {
            return a == null ? b : b == null ? a : new Expr.Or(a, b);
        }

        private static Expr and(Expr a, Expr b) {
            return a == null ? b : b == null ? a : new Expr.And(a, b);
        }

        /** term ::= factor { [and] factor }. */
        Expr parseTerm() {
            int before = pos;
            Expr e = parseFactor(false);
            boolean explicit = true;
            while (true) {
                if (pos == before) {
                    if (explicit) {
                        d.error("missing expression");
                    }
                    return e;
                }
                if (at("and", "&&")) {
                    pos++;
                    explicit = true;
                } else {
                    explicit = false;
                }
                before = pos;
                e = and(e, parseFactor(false));
            }
        }

        /** factor ::= ! factor | ( expr ) | test. */
        Expr parseFactor(boolean negated) {
            if (at("not", "!")) {
                pos++;
                int before = pos;
                Expr e = parseFactor(!negated);
                if (pos == before) {
                    d.error("missing expression after '" + words.get(pos - 1) + "'");
                }
                return e;
            }
            if (at("(")) {
                pos++;
                int before = pos;
                Expr e = parseExpr();
                if (pos == before) {
                    d.error("missing expression after '('");
                }
                if (at(")")) {
                    pos++;
                } else if (pos != before) {
                    d.error("missing ')'");
                }
                return negated && e != null ? new Expr.Not(e) : e;
            }
            return parseTest(negated);
        }

        private String wordOrEmpty(int p) {
            return p >= words.size() - 1 ? "" : words.get(p);
        }

        Expr parseTest(boolean negated) {
            if (pos >= words.size()) {
                return null;
            }
            String first = words.get(pos);
            if (first.equals(")") || first.equals("||") || first.equals("or") || first.equals("?") || first.equals(":")) {
                return null;
            }
            if (first.equals("true") || first.equals("false")) {
                pos++;
                return (first.equals("true") != negated) ? Expr.TRUE : Expr.FALSE;
            }

            int firstPos = pos;
            Primitive prim = new Primitive();
            int header = 0;
            for (; pos < words.size(); pos++) {
                String wd = words.get(pos);
                Lookup l = lookup(wd, 0, UNKNOWN, null);
                if (l.kind() == TYPE_TYPE) {
                    prim.setType(l.data(), d);
                    if ((l.data() & TYPE_FIELD) != 0 && (l.data() & FIELD_PROTO_MASK) != 0) {
                        prim.setTranspProto((l.data() & FIELD_PROTO_MASK) >>> FIELD_PROTO_SHIFT, d);
                    }
                } else if (l.kind() == TYPE_PROTO) {
                    prim.setTranspProto(l.data(), d);
                } else if (l.kind() != -1) {
                    break;
                } else if (wd.equals("src")) {
                    if (pos < words.size() - 2 && (words.get(pos + 2).equals("dst") || words.get(pos + 2).equals("dest"))) {
                        String conj = words.get(pos + 1);
                        if (conj.equals("and") || conj.equals("&&")) {
                            prim.setSrcdst(SD_AND, d);
                            pos += 2;
                        } else if (conj.equals("or") || conj.equals("||")) {
                            prim.setSrcdst(SD_OR, d);
                            pos += 2;
                        } else {
                            prim.setSrcdst(SD_SRC, d);
                        }
                    } else {
                        prim.setSrcdst(SD_SRC, d);
                    }
                } else if (wd.equals("dst") || wd.equals("dest")) {
                    prim.setSrcdst(SD_DST, d);
                } else if (wd.equals("ip") || wd.equals("ether")) {
                    if (header != 0) {
                        break;
                    }
                    header = wd.charAt(0);
                } else if (wd.equals("not") || wd.equals("!")) {
                    negated = !negated;
                } else {
                    break;
                }
            }

            if (pos != firstPos) {
                prev.clear();
            }
            if (prev.data == TYPE_ETHER) {
                header = 'e';
            }

            String wd = wordOrEmpty(pos);
            if (wd.equals("[") && pos > firstPos && prim.type == TYPE_NONE) {
                pos = parseBrackets(prim, pos);
                wd = wordOrEmpty(pos);
            }

            int maskType = 0;
            long providedMask = 0;
            long providedEther = 0;
            if (wd.equals("&") && pos < words.size() - 1) {
                String m = words.get(pos + 1);
                Long asInt = parseInt(m);
                Integer asIp;
                Long asEther;
                if (asInt != null && asInt >= 0) {
                    maskType = TYPE_INT;
                    providedMask = asInt;
                    pos += 2;
                } else if (header != 'e' && (asIp = parseIp(m)) != null) {
                    maskType = TYPE_HOST;
                    providedMask = asIp & 0xFFFFFFFFL;
                    pos += 2;
                } else if (header != 'i' && (asEther = parseEther(m)) != null) {
                    maskType = TYPE_ETHER;
                    providedEther = asEther;
                    pos += 2;
                }
                if (maskType != 0 && maskType != TYPE_ETHER && providedMask == 0) {
                    d.error("zero mask ignored");
                    maskType = 0;
                }
                wd = wordOrEmpty(pos);
            }

            pos++;
            switch (wd) {
                case "=", "==" -> { }
                case "!=" -> prim.opNegated = true;
                case ">" -> prim.op = OP_GT;
                case "<" -> prim.op = OP_LT;
                case ">=" -> {
                    prim.op = OP_LT;
                    prim.opNegated = true;
                }
                case "<=" -> {
                    prim.op = OP_GT;
                    prim.opNegated = true;
                }
                default -> pos--;
            }

            if (pos < words.size()) {
                wd = words.get(pos);
                Lookup l = lookup(wd, prim.type, prim.transpProto, d);
                pos++;
                Long asInt;
                Integer asIp;
                IPv4Prefix asPrefix;
                Long asEther;
                if (l.kind() == -2) {
                    prim.type = -2;
                } else if (l.kind() != -1 && l.kind() != TYPE_TYPE) {
                    prim.data = l.kind();
                    prim.u = l.data();
                } else if ((asInt = parseInt(wd)) != null && asInt >= Integer.MIN_VALUE && asInt <= Integer.MAX_VALUE) {
                    prim.data = TYPE_INT;
                    prim.u = asInt & 0xFFFFFFFFL;
                    if (asInt < 0) {
                        prim.u = asInt; // negative values fail Click's range checks
                    }
                } else if (header != 'e' && (asIp = parseIp(wd)) != null) {
                    Integer maskIp;
                    if (pos < words.size() - 1 && words.get(pos).equals("mask")
                            && (maskIp = parseIp(words.get(pos + 1))) != null) {
                        pos += 2;
                        prim.data = TYPE_NET;
                        prim.u = asIp & 0xFFFFFFFFL;
                        prim.mask = maskIp & 0xFFFFFFFFL;
                    } else if (prim.type == TYPE_NET) {
                        prim.data = TYPE_NET;
                        prim.u = asIp & 0xFFFFFFFFL;
                        prim.mask = 0xFFFFFFFFL;
                    } else {
                        prim.data = TYPE_HOST;
                        prim.u = asIp & 0xFFFFFFFFL;
                    }
                } else if (header != 'e' && (asPrefix = parsePrefix(wd)) != null) {
                    prim.data = TYPE_NET;
                    prim.u = asPrefix.address() & 0xFFFFFFFFL;
                    prim.mask = asPrefix.mask() & 0xFFFFFFFFL;
                } else if (header != 'i' && (asEther = parseEther(wd)) != null) {
                    prim.data = TYPE_ETHER;
                    prim.ether = asEther;
                } else {
                    if (prim.op != OP_EQ || prim.opNegated) {
                        d.error("dangling operator near '" + wd + "'");
                    }
                    pos--;
                }
            }

            if (pos == firstPos) {
                d.error("empty term near '" + wd + "'");
                return null;
            }

            if (prim.check(prev, header, maskType, providedMask, providedEther, d)) {
                Expr e = prim.compile();
                prev.copyFrom(prim);
                return negated ? new Expr.Not(e) : e;
            }
            return Expr.FALSE;
        }

        private int parseBrackets(Primitive prim, int at) {
            int firstPos = at + 1;
            StringBuilder combination = new StringBuilder();
            int p = at + 1;
            for (; p < words.size() && !words.get(p).equals("]"); p++) {
                combination.append(words.get(p));
            }
            if (p >= words.size()) {
                d.error("missing ']'");
                return firstPos;
            }
            p++;
            String c = combination.toString();
            Long fieldPos = null;
            Long len = 1L;
            int colon = c.indexOf(':');
            int comma = c.indexOf(',');
            if (colon >= 0 && colon < c.length() - 1) {
                fieldPos = parseInt(c.substring(0, colon));
                len = parseInt(c.substring(colon + 1));
            } else if (comma >= 0 && comma < c.length() - 1) {
                fieldPos = parseInt(c.substring(0, comma));
                Long end = parseInt(c.substring(comma + 1));
                len = fieldPos == null || end == null ? null : end - fieldPos + 1;
            } else {
                fieldPos = parseInt(c);
            }
            if (fieldPos == null || len == null || fieldPos < 0 || fieldPos > 0xFFFF / 8) {
                d.error("syntax error after '[', expected '[POS]' or '[POS:LEN]'");
                return p;
            }
            long bitPos = fieldPos * 8;
            long bitLen = len * 8;
            if (bitLen < 1 || bitLen > 32) {
                d.error("LEN in '[POS:LEN]' out of range, should be between 1 and 4");
            } else if ((bitPos & ~31) != ((bitPos + bitLen - 1) & ~31)) {
                d.error("field [" + fieldPos + ":" + len + "] does not fit in a single word");
            } else {
                int transp = prim.transpProto == UNKNOWN ? 0 : prim.transpProto;
                prim.setType(TYPE_FIELD | transp << FIELD_PROTO_SHIFT | (int) bitPos << FIELD_OFFSET_SHIFT
                        | (int) (bitLen - 1), d);
            }
            return p;
        }
    }
}
