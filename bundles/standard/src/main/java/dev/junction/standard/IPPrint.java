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
import dev.junction.standard.trace.IcmpNames;
import dev.junction.standard.trace.SummaryFields;
import dev.junction.standard.trace.TraceFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * IPPrint: prints a tcpdump-like line for every IP packet, in Click's format, and passes the packet on.
 * A debugging element: it builds a line per packet.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPPrint")
@ElementDoc(
        synopsis = "IPPrint([LABEL, keywords CONTENTS, PAYLOAD, MAXLENGTH, ID, TTL, TOS, LENGTH, TIMESTAMP, "
                + "PAINT, SWAP, ACTIVE, OUTFILE, CHANNEL])",
        category = "ip",
        summary = "pretty-prints IP packets",
        description = """
                Prints a line describing every packet that has a network header annotation, on standard error \
                or in OUTFILE, then passes the packet on unchanged (one input, one output, agnostic). Packets \
                without a network header pass silently. The line is Click's: LABEL and a colon, the timestamp \
                and a colon (unless TIMESTAMP is false), "paint N: " with PAINT, then "id N ", "ttl N ", \
                "tos N ", "length N " as asked, then per protocol:

                TCP: "SRC.SPORT > DST.DPORT: FLAGS SEQ:END(SEQLEN,PACKETLEN,IPLEN) ack ACK win WIN", FLAGS being \
                S, F, R, P, or . if none of them; SEQLEN counts the payload and SYN and FIN. UDP: "SRC.SPORT > \
                DST.DPORT: udp ULEN". ICMP: "SRC > DST: icmp echo (ID, SEQ)", "icmp echo-reply (ID, SEQ)", \
                "icmp DST unreachable CODE ..." or "icmp TYPE CODE" with Click's names. Other protocols: \
                "SRC > DST: ip-proto-N". Short headers print "truncated-tcp" and the like; a fragment adds \
                " (frag ID:LEN@OFFSET+)". With CONTENTS or PAYLOAD, up to MAXLENGTH bytes of the packet (or of \
                its payload) follow on indented lines, in hex (24 bytes a line, groups of 4) or ASCII (48 a \
                line, groups of 8, . for unprintable bytes).

                CHANNEL is accepted and ignored: lines go to standard error, or to OUTFILE.""",
        arguments = {
            @ElementDoc.Argument(name = "LABEL", description = "String. Printed first, before a colon."),
            @ElementDoc.Argument(name = "CONTENTS", description = """
                    NONE, HEX or ASCII (or a boolean: true is HEX). Print the packet's bytes. Default NONE."""),
            @ElementDoc.Argument(name = "PAYLOAD", description = """
                    NO, HEX (YES, TRUE) or ASCII. Print the bytes after the transport header. Default NO; at \
                    most one of CONTENTS and PAYLOAD."""),
            @ElementDoc.Argument(name = "MAXLENGTH", description = """
                    Integer. The most bytes printed by CONTENTS or PAYLOAD; negative means all. Default 1500. \
                    NBYTES is an old name for it."""),
            @ElementDoc.Argument(name = "ID", description = "Boolean. Print the IP ID. Default false."),
            @ElementDoc.Argument(name = "TTL", description = "Boolean. Print the TTL. Default false."),
            @ElementDoc.Argument(name = "TOS", description = "Boolean. Print the TOS byte. Default false."),
            @ElementDoc.Argument(name = "LENGTH", description = "Boolean. Print the IP length. Default false."),
            @ElementDoc.Argument(name = "TIMESTAMP", description = """
                    Boolean. Print the timestamp annotation. Default true."""),
            @ElementDoc.Argument(name = "PAINT", description = "Boolean. Print the paint annotation. Default false."),
            @ElementDoc.Argument(name = "AGGREGATE", description = "Boolean. Only false is supported."),
            @ElementDoc.Argument(name = "SWAP", description = """
                    Boolean. Print ICMP echo identifiers and sequence numbers byte-swapped, as Click does. \
                    Default true."""),
            @ElementDoc.Argument(name = "ACTIVE", description = "Boolean. If false, nothing is printed. Default true."),
            @ElementDoc.Argument(name = "OUTFILE", description = "File name. Print there instead of standard error."),
            @ElementDoc.Argument(name = "CHANNEL", description = "Word. Accepted and ignored.")
        },
        handlers = @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                The ACTIVE setting: whether lines are printed."""),
        example = "FromDump(in.pcap, FORCE_IP true) -> IPPrint(in, TTL true) -> Discard;",
        seeAlso = {"Print", "ToIPSummaryDump", "CheckIPHeader", "MarkIPHeader"})
public final class IPPrint extends SimpleAction {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** Where lines go when there is no OUTFILE; {@code null} for the standard error of the moment. */
    private final PrintStream err;
    private final StringBuilder line = new StringBuilder(256);
    private byte[] bytes = new byte[256];

    private String label;
    private int contents;
    private boolean payload;
    private int maxLength;
    private boolean printId;
    private boolean printTimestamp;
    private boolean printPaint;
    private boolean printTos;
    private boolean printTtl;
    private boolean printLength;
    private boolean swap;
    private boolean active;
    private String outfileName;
    private OutputStream outfile;

    public IPPrint() {
        this(null);
    }

    /** An IPPrint that prints on {@code err} instead of standard error (for tests). */
    IPPrint(PrintStream err) {
        this.err = err;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        label = args.readPositional("LABEL", ArgTypes.STRING, "");
        String contentsWord = args.read("CONTENTS", ArgTypes.WORD, "no");
        String payloadWord = args.read("PAYLOAD", ArgTypes.WORD, "no");
        maxLength = args.read("MAXLENGTH", ArgTypes.INTEGER, 1500);
        maxLength = args.read("NBYTES", ArgTypes.INTEGER, maxLength);
        printId = args.read("ID", ArgTypes.BOOLEAN, false);
        printTimestamp = args.read("TIMESTAMP", ArgTypes.BOOLEAN, true);
        printPaint = args.read("PAINT", ArgTypes.BOOLEAN, false);
        printTos = args.read("TOS", ArgTypes.BOOLEAN, false);
        printTtl = args.read("TTL", ArgTypes.BOOLEAN, false);
        swap = args.read("SWAP", ArgTypes.BOOLEAN, true);
        printLength = args.read("LENGTH", ArgTypes.BOOLEAN, false);
        boolean aggregate = args.read("AGGREGATE", ArgTypes.BOOLEAN, false);
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        outfileName = args.read("OUTFILE", ArgTypes.STRING, null);
        args.read("CHANNEL", ArgTypes.WORD, null);
        if (aggregate) {
            args.error("AGGREGATE: not supported: Junction's packets have no aggregate annotation");
        }
        args.complete();
        Boolean asBoolean = booleanOrNull(contentsWord);
        if (asBoolean != null) {
            contents = asBoolean ? 1 : 0;
        } else {
            contents = switch (contentsWord.toUpperCase(Locale.ROOT)) {
                case "NONE" -> 0;
                case "HEX" -> 1;
                case "ASCII" -> 2;
                default -> throw new ConfigurationException("bad contents value '"
                        + contentsWord.toUpperCase(Locale.ROOT) + "'; should be 'NONE', 'HEX', or 'ASCII'");
            };
        }
        int payloadMode = switch (payloadWord.toUpperCase(Locale.ROOT)) {
            case "NO", "FALSE" -> 0;
            case "YES", "TRUE", "HEX" -> 1;
            case "ASCII" -> 2;
            // Click's message quotes the CONTENTS value here
            default -> throw new ConfigurationException("bad payload value '" + contentsWord
                    + "'; should be 'false', 'hex', or 'ascii'");
        };
        if (payloadMode > 0 && contents > 0) {
            throw new ConfigurationException("specify at most one of PAYLOAD and CONTENTS");
        } else if (payloadMode > 0) {
            contents = payloadMode;
            payload = true;
        }
    }

    private static Boolean booleanOrNull(String word) {
        try {
            return ArgTypes.BOOLEAN.parse(word, null);
        } catch (IllegalArgumentException notBoolean) {
            return null;
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        if (outfileName != null) {
            outfile = TraceFiles.openOutput(outfileName, false);
        }
    }

    @Override
    public void cleanup() {
        if (outfile != null) {
            try {
                outfile.close();
            } catch (IOException ignored) {
                // nothing more to print
            }
            outfile = null;
        }
    }

    @Override
    protected Packet action(Packet packet) {
        if (!active || !packet.hasNetworkHeader()) {
            return packet;
        }
        format(packet);
        line.append('\n');
        if (outfile != null) {
            int n = line.length();
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, 2 * bytes.length)];
            }
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) line.charAt(i);
            }
            try {
                outfile.write(bytes, 0, n);
            } catch (IOException e) {
                context().warning(outfileName + ": " + e.getMessage());
            }
        } else {
            (err != null ? err : System.err).print(line);
        }
        return packet;
    }

    /** Click's line for {@code p}, without the newline, into {@link #line}. */
    void format(Packet p) {
        StringBuilder sa = line;
        sa.setLength(0);
        if (!label.isEmpty()) {
            sa.append(label).append(": ");
        }
        if (printTimestamp) {
            SummaryFields.appendTimestamp(sa, p.timestampNanos());
            sa.append(": ");
        }
        if (printPaint) {
            sa.append("paint ").append(p.paint() & 0xFF).append(": ");
        }
        int nh = p.networkHeaderOffset();
        if (nh < 0 || p.length() - nh < 20) {
            sa.append("truncated-ip");
            return;
        }
        int ipLen = p.getUnsignedShort(nh + 2);
        int hl = (p.getUnsignedByte(nh) & 15) << 2;
        int payloadLength = ipLen - hl;
        int th = p.transportHeaderOffset();
        if (th == Packet.NO_HEADER || th < nh) {
            th = nh + hl;
        }
        int transportLength = Math.max(0, Math.min(p.length() - th, payloadLength));
        int off = p.getUnsignedShort(nh + 6);
        boolean firstFrag = (off & 0x1FFF) == 0;
        int proto = p.getUnsignedByte(nh + 9);
        if (printId) {
            sa.append("id ").append(p.getUnsignedShort(nh + 4)).append(' ');
        }
        if (printTtl) {
            sa.append("ttl ").append(p.getUnsignedByte(nh + 8)).append(' ');
        }
        if (printTos) {
            sa.append("tos ").append(p.getUnsignedByte(nh + 1)).append(' ');
        }
        if (printLength) {
            sa.append("length ").append(ipLen).append(' ');
        }
        int src = p.getInt(nh + 12);
        int dst = p.getInt(nh + 16);
        switch (proto) {
            case 6 -> tcpLine(sa, p, nh, hl, th, transportLength, firstFrag, ipLen, src, dst);
            case 17 -> udpLine(sa, p, th, transportLength, firstFrag, src, dst);
            case 1 -> icmpLine(sa, p, th, transportLength, firstFrag, src, dst);
            default -> addresses(sa, src, dst).append(": ip-proto-").append(proto);
        }
        if ((off & 0x3FFF) != 0) {
            sa.append(" (frag ").append(p.getUnsignedShort(nh + 4)).append(':').append(payloadLength).append('@')
                    .append((off & 0x1FFF) << 3).append((off & 0x2000) != 0 ? "+" : "").append(')');
        }
        if (contents > 0) {
            appendContents(sa, p, th, firstFrag, proto);
        }
    }

    private static StringBuilder addresses(StringBuilder sa, int src, int dst) {
        SummaryFields.appendAddress(sa, src);
        sa.append(" > ");
        SummaryFields.appendAddress(sa, dst);
        return sa;
    }

    private static void ports(StringBuilder sa, Packet p, int th, int src, int dst) {
        SummaryFields.appendAddress(sa, src);
        sa.append('.').append(p.getUnsignedShort(th)).append(" > ");
        SummaryFields.appendAddress(sa, dst);
        sa.append('.').append(p.getUnsignedShort(th + 2)).append(": ");
    }

    private static void tcpLine(StringBuilder sa, Packet p, int nh, int hl, int th, int tlen, boolean firstFrag,
            int ipLen, int src, int dst) {
        if (tlen < 4 || !firstFrag) {
            addresses(sa, src, dst).append(firstFrag ? ": truncated-tcp" : ": tcp");
            return;
        }
        ports(sa, p, th, src, dst);
        if (tlen < 14) {
            sa.append("truncated-tcp");
            return;
        }
        int flags = p.getUnsignedByte(th + 13);
        int seqlen = ipLen - hl - ((p.getUnsignedByte(th + 12) >> 4) << 2);
        if ((flags & 0x02) != 0) {
            sa.append('S');
            seqlen++;
        }
        if ((flags & 0x01) != 0) {
            sa.append('F');
            seqlen++;
        }
        if ((flags & 0x04) != 0) {
            sa.append('R');
        }
        if ((flags & 0x08) != 0) {
            sa.append('P');
        }
        if ((flags & 0x0F) == 0) {
            sa.append('.');
        }
        long seq = p.getUnsignedInt(th + 4);
        sa.append(' ').append(seq).append(':').append((seq + seqlen) & 0xFFFF_FFFFL)
                .append('(').append(seqlen).append(',').append(p.length()).append(',').append(ipLen).append(')');
        if ((flags & 0x10) != 0) {
            sa.append(" ack ").append(p.getUnsignedInt(th + 8));
        }
        if (tlen < 16) {
            sa.append("truncated-tcp");
            return;
        }
        sa.append(" win ").append(p.getUnsignedShort(th + 14));
    }

    private static void udpLine(StringBuilder sa, Packet p, int th, int tlen, boolean firstFrag, int src, int dst) {
        if (tlen < 4 || !firstFrag) {
            addresses(sa, src, dst).append(firstFrag ? ": truncated-udp" : ": udp");
            return;
        }
        ports(sa, p, th, src, dst);
        if (tlen < 8) {
            sa.append("truncated-udp");
            return;
        }
        sa.append("udp ").append(p.getUnsignedShort(th + 4));
    }

    private void icmpLine(StringBuilder sa, Packet p, int th, int tlen, boolean firstFrag, int src, int dst) {
        addresses(sa, src, dst).append(": ");
        if (!firstFrag) {
            sa.append("icmp");
            return;
        }
        if (tlen < 2) {
            sa.append("truncated-icmp");
            return;
        }
        int type = p.getUnsignedByte(th);
        int code = p.getUnsignedByte(th + 1);
        switch (type) {
            case 0, 8 -> {
                sa.append(type == 0 ? "icmp echo-reply " : "icmp echo ");
                if (tlen < 8) {
                    sa.append("truncated-icmp");
                    return;
                }
                // Click prints the identifier and sequence as host-order shorts, byte-swapped by SWAP
                int id = p.getUnsignedShort(th + 4);
                int seq = p.getUnsignedShort(th + 6);
                if (!swap) {
                    id = Short.reverseBytes((short) id) & 0xFFFF;
                    seq = Short.reverseBytes((short) seq) & 0xFFFF;
                }
                sa.append('(').append(id).append(", ").append(seq).append(')');
            }
            case 3 -> {
                String codeName = IcmpNames.code(type, code);
                String codeText = codeName != null ? codeName : "code " + code;
                int eiph = th + 8;
                int eiphLength = tlen - 8;
                if (eiphLength < 20) {
                    sa.append("icmp unreachable ").append(codeText).append(' ').append("truncated-icmp");
                    return;
                }
                int innerHl = (p.getUnsignedByte(eiph) & 15) << 2;
                int innerProto = p.getUnsignedByte(eiph + 9);
                int eudphLength = eiphLength - innerHl;
                sa.append("icmp ");
                SummaryFields.appendAddress(sa, p.getInt(eiph + 16));
                sa.append(" unreachable ").append(codeText);
                switch (code) {
                    case 2 -> sa.append(' ').append(IcmpNames.protocol(innerProto, false));
                    case 3 -> {
                        sa.append(' ').append(IcmpNames.protocol(innerProto, true));
                        if (eudphLength < 4) {
                            sa.append("truncated-icmp");
                            return;
                        }
                        sa.append('/').append(p.getUnsignedShort(eiph + innerHl + 2));
                    }
                    case 4 -> {
                        int mtu = p.getUnsignedShort(th + 6);
                        if (mtu != 0) {
                            sa.append(" (mtu ").append(mtu).append(')');
                        }
                    }
                    default -> { }
                }
            }
            default -> {
                sa.append("icmp ");
                String typeName = IcmpNames.type(type);
                if (typeName != null) {
                    sa.append(typeName);
                } else {
                    sa.append("type ").append(type);
                }
                String codeName = IcmpNames.code(type, code);
                if (codeName != null) {
                    sa.append(' ').append(codeName);
                } else if (code != 0) {
                    sa.append(" code ").append(code);
                }
            }
        }
    }

    private void appendContents(StringBuilder sa, Packet p, int th, boolean firstFrag, int proto) {
        int data = 0;
        if (payload) {
            data = th;
            if (firstFrag && proto == 6 && th + 13 <= p.length()) {
                data += (p.getUnsignedByte(th + 12) >> 4) << 2;
            } else if (firstFrag && proto == 17) {
                data += 8;
            }
        }
        int count = maxLength;
        if (data >= p.length()) {
            count = 0;
        } else if (count < 0 || p.length() - data < count) {
            count = p.length() - data;
        }
        if (contents == 1) {
            for (int i = 0; i < count; i++) {
                if (i % 24 == 0) {
                    sa.append("\n  ");
                } else if (i % 4 == 0) {
                    sa.append(' ');
                }
                int b = p.getUnsignedByte(data + i);
                sa.append(DIGITS[b >> 4]).append(DIGITS[b & 15]);
            }
        } else {
            for (int i = 0; i < count; i++) {
                if (i % 48 == 0) {
                    sa.append("\n  ");
                } else if (i % 8 == 0) {
                    sa.append(' ');
                }
                int b = p.getUnsignedByte(data + i);
                sa.append(b < 32 || b > 126 ? '.' : (char) b);
            }
        }
    }

    /** The line for {@code p} as IPPrint would print it (for tests). */
    String lineFor(Packet p) {
        format(p);
        return line.toString();
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("active", () -> Boolean.toString(active),
                value -> active = HandlerValues.parseBoolean(value, "expected boolean"));
    }
}
