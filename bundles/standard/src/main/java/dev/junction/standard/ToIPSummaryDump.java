package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import dev.junction.standard.trace.SummaryFields;
import java.io.IOException;
import java.net.InetAddress;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** ToIPSummaryDump: writes one line per packet, in Click's IP summary dump text format, to a file. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ToIPSummaryDump")
@ElementDoc(
        synopsis = "ToIPSummaryDump(FILENAME [, keywords FIELDS, VERBOSE, HEADER, BANNER, MULTIPACKET, "
                + "CAREFUL_TRUNC, EXTRA_LENGTH, BAD_PACKETS, BINARY])",
        category = "traces",
        summary = "writes packet summaries to a file",
        description = """
                Writes a line for every packet to FILENAME ("-" is the standard output) in the IP summary dump \
                format that FromIPSummaryDump reads: the fields of FIELDS, separated by spaces, with "-" for a \
                field the packet lacks (a TCP field of a UDP packet, an IP field of a packet without a network \
                header). The file starts with "!IPSummaryDump 1.3" and a "!data" line naming the fields, unless \
                HEADER is false. One input, agnostic; packets leave on the optional output unchanged, or are \
                freed. In pull context without an output, a task pulls them.

                The fields are FromIPSummaryDump's, printed as Click prints them: timestamp (seconds, a dot and \
                6 digits, or 9 when the time is not a whole number of microseconds), ts_sec, ts_usec, ts_usec1, \
                link and paint (the paint annotation), direction (> for paint 0, < for 1), count (always 1), \
                wire_len, ip_src, ip_dst, ip_tos, ip_dscp, ip_ecn (no, ect1, ect2, ce), ip_ttl, ip_frag (. for \
                an unfragmented packet, ! if it has DF, F for a first fragment, f for a later one), ip_fragoff \
                (offset in bytes, then + for MF and ! for DF), ip_id, ip_sum, ip_proto (T, U, I or a number), \
                ip_hl, ip_len, ip_capture_len, sport, dport, tcp_seq, tcp_ack, tcp_off, tcp_flags (letters of \
                FSRPAUECN, A for a bare ACK, PA, or . for none), tcp_window, tcp_urp, udp_len, icmp_type, \
                icmp_code, icmp_type_name and icmp_code_name (Click's names, such as echo or needfrag), \
                icmp_flowid and icmp_seq (echo, information and timestamp messages), icmp_nextmtu, payload_len, payload (a quoted string), eth_src and eth_dst (as 00-1A-2B-3C-4D-5E), \
                eth_type (4 hex digits; the Ethernet fields only when an Ethernet header sits right before the \
                network header). A header is read where the packet's network header annotation says.

                Lines are buffered, and written when the buffer fills, on the flush handler and at cleanup. \
                The file is created when the router is initialized; in a hot swap, a ToIPSummaryDump of the \
                same name, file and fields takes over the open file and goes on writing it. \
                Junction's packets have no extra-length or extra-packets annotations, so EXTRA_LENGTH, \
                CAREFUL_TRUNC and MULTIPACKET change nothing; BAD_PACKETS and BINARY are accepted only when \
                false.""",
        arguments = {
            @ElementDoc.Argument(name = "FILENAME", description = "File name, or - for the standard output."),
            @ElementDoc.Argument(name = "FIELDS", description = """
                    String. The fields, separated by spaces. Default "timestamp ip_src". CONTENTS and DATA are \
                    other names for it."""),
            @ElementDoc.Argument(name = "VERBOSE", description = """
                    Boolean. If true, the header also gives the host name and the start time. Default false."""),
            @ElementDoc.Argument(name = "HEADER", description = """
                    Boolean. If false, no header lines are written. Default true."""),
            @ElementDoc.Argument(name = "BANNER", description = """
                    String. If given, written in the header as "!creator" followed by the quoted banner."""),
            @ElementDoc.Argument(name = "MULTIPACKET", description = "Boolean. Accepted; changes nothing."),
            @ElementDoc.Argument(name = "CAREFUL_TRUNC", description = "Boolean. Accepted; changes nothing."),
            @ElementDoc.Argument(name = "EXTRA_LENGTH", description = "Boolean. Accepted; changes nothing."),
            @ElementDoc.Argument(name = "BAD_PACKETS", description = "Boolean. Only false is supported."),
            @ElementDoc.Argument(name = "BINARY", description = "Boolean. Only false is supported.")
        },
        handlers = @ElementDoc.Handler(name = "flush", mode = "write-only", description = """
                Writes the buffered lines to the file."""),
        example = "FromDump(in.pcap) -> Strip(14) -> MarkIPHeader -> ToIPSummaryDump(-, FIELDS ip_src sport);",
        seeAlso = {"FromIPSummaryDump", "ToDump", "IPPrint"})
public final class ToIPSummaryDump extends TraceSink {
    private int[] fields;
    private boolean verbose;
    private boolean header;
    private String banner;

    private final StringBuilder line = new StringBuilder(256);
    private byte[] bytes = new byte[256];
    private final SummaryFields.View view = new SummaryFields.View();
    private long outputCount;

    @Override
    public String portCount() {
        return "1/0-1";
    }

    @Override
    public String processing() {
        return "a/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        filename = args.requirePositional("FILENAME", ArgTypes.STRING);
        String save = args.read("FIELDS", ArgTypes.ANY, "timestamp ip_src");
        save = args.read("CONTENTS", ArgTypes.ANY, save);
        save = args.read("DATA", ArgTypes.ANY, save);
        verbose = args.read("VERBOSE", ArgTypes.BOOLEAN, false);
        header = args.read("HEADER", ArgTypes.BOOLEAN, true);
        banner = args.read("BANNER", ArgTypes.STRING, null);
        args.read("MULTIPACKET", ArgTypes.BOOLEAN, false);
        boolean badPackets = args.read("BAD_PACKETS", ArgTypes.BOOLEAN, false);
        args.read("CAREFUL_TRUNC", ArgTypes.BOOLEAN, true);
        args.read("EXTRA_LENGTH", ArgTypes.BOOLEAN, true);
        boolean binary = args.read("BINARY", ArgTypes.BOOLEAN, false);
        if (badPackets) {
            args.error("BAD_PACKETS: not supported");
        }
        if (binary) {
            args.error("BINARY: not supported");
        }
        List<Integer> found = new ArrayList<>();
        for (String word : Args.words(save)) {
            String name = Args.unquote(word);
            int field = SummaryFields.find(name);
            if (field < 0) {
                args.error("unknown content type '" + name + "'");
            } else {
                found.add(field);
            }
        }
        if (found.isEmpty() && args.ok()) {
            args.error("no contents specified");
        }
        args.complete();
        fields = found.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void initialize() throws ConfigurationException {
        openFile(true);
        startPullTask(this::pullAndWrite);
    }

    @Override
    void writeFileHeader() {
        if (header) {
            StringBuilder text = new StringBuilder("!IPSummaryDump 1.3\n");
            if (banner != null) {
                text.append("!creator ").append(Args.quote(banner)).append('\n');
            }
            if (verbose) {
                try {
                    text.append("!host ").append(InetAddress.getLocalHost().getHostName()).append('\n');
                } catch (IOException unknownHost) {
                    // Click leaves the line out when gethostname fails
                }
                long now = context().clock().epochNanos();
                text.append("!runtime ");
                SummaryFields.appendTimestamp(text, now);
                ZonedDateTime local = ZonedDateTime.now(ZoneId.systemDefault());
                text.append(" (").append(local.format(
                        DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT))).append(")\n");
            }
            text.append("!data");
            for (int field : fields) {
                text.append(' ').append(field == SummaryFields.NTIMESTAMP ? "timestamp" : SummaryFields.name(field));
            }
            text.append('\n');
            writeText(text);
        }
    }

    @Override
    String format() {
        return "ipsumdump " + Arrays.toString(fields);
    }

    @Override
    void write(PacketBatch batch, int from) {
        if (!ready()) {
            return;
        }
        for (int i = from, n = batch.size(); i < n; i++) {
            writePacket(batch, i);
        }
    }

    private void writePacket(PacketBatch batch, int index) {
        view.prepare(batch.get(index));
        StringBuilder text = line;
        text.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            if (!SummaryFields.append(text, fields[i], view)) {
                text.append('-');
            }
        }
        text.append('\n');
        writeText(text);
        outputCount++;
    }

    /** Writes {@code text}, one byte per char, through the buffer. */
    private void writeText(CharSequence text) {
        int n = text.length();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        try {
            out.write(bytes, 0, n);
        } catch (IOException e) {
            context().warning(filename + ": " + e.getMessage());
        }
    }

    /** Lines written so far. */
    long lines() {
        return outputCount;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addWrite("flush", value -> flush());
    }
}
