package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.standard.trace.SummaryFields;
import dev.junction.standard.trace.SummaryPacketBuilder;
import dev.junction.standard.trace.TraceFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * FromIPSummaryDump: reads an IP summary dump (Click's text trace format: one line per packet, fields named by
 * a {@code !data} line) and makes a packet of every line.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("FromIPSummaryDump")
@ElementDoc(
        synopsis = "FromIPSummaryDump([FILENAME, keywords DATA, STOP, ACTIVE, ZERO, TIMING, CHECKSUM, SAMPLE, "
                + "PROTO, FIELDS, FLOWID, MULTIPACKET, ALLOW_NONEXISTENT, BURST])",
        category = "traces",
        summary = "reads packets from an IP summary dump file",
        description = """
                Reads the IP summary dump FILENAME, or the text DATA given in the configuration, and emits one \
                packet per line on its single output, which is agnostic (a task pushes batches in push context; \
                pulls are answered in pull context). ToIPSummaryDump writes such files.

                Lines starting with ! describe the dump: "!data FIELD..." (or "!contents") names the fields of \
                the following lines; "!proto P" sets the default IP protocol (T, U, I or a number); \
                "!flowid SRC SPORT DST DPORT [PROTO]" gives the addresses, ports \
                (and protocol) of packets whose fields do not, and makes every packet an IP packet ("-" leaves a \
                part zero; Click 2.1 parses this line but then ignores the values, Junction uses them); \
                "!IPSummaryDump MAJOR.MINOR" is the banner. Lines starting with # are comments. In a packet line \
                the fields are separated by spaces; "-" leaves a field unset; a payload is a double-quoted \
                string.

                Every field that touches the IP header makes a 20-byte IPv4 header (TTL 100, the default \
                protocol, TCP unless PROTO or !proto says otherwise); then a transport header of the protocol's \
                size is added (TCP 20, UDP 8, ICMP 8 bytes). The IP length is ip_len if given, else it covers \
                the headers and any payload_len; the UDP length is filled in; the destination IP annotation is \
                set to the destination. Fields: timestamp (ts, utimestamp, ntimestamp), ts_sec, ts_usec, \
                ts_usec1, link (paint, direction: > is 0, < is 1; sets the paint annotation), count, wire_len, \
                ip_src, ip_dst, ip_tos, ip_dscp, ip_ecn, ip_ttl, ip_frag, ip_fragoff, ip_id, ip_sum, ip_proto, \
                ip_hl, ip_len (length), ip_capture_len, sport, dport, tcp_seq, tcp_ack, tcp_off, tcp_flags, \
                tcp_window, tcp_urp, udp_len, icmp_type, icmp_code, icmp_type_name, icmp_code_name, \
                icmp_flowid, icmp_seq, icmp_nextmtu (the ICMP fields apply only to ICMP packets: give ip_proto \
                or !proto I), payload_len, payload, and eth_src, eth_dst, \
                eth_type, which put a 14-byte Ethernet header (type 0800) before the IP header (an eth_type \
                other than IPv4 or IPv6 makes a packet without IP header). A name without an \
                underscore means the ip_ field (src is ip_src). An unknown field is ignored with a warning; a \
                line none of whose fields could be read is reported once ("packet parse error") and skipped.

                In a hot swap, a replacement reading the same dump goes on from the next line. Junction's \
                packets have no "extra length" annotation: a packet is as long as its headers and \
                payload, whatever ip_len or wire_len says (CHECKSUM pads it to the IP length). Binary dumps \
                (!binary), !aggregate lines and MULTIPACKET are not supported; MULTIPACKET is \
                accepted only when false. With ZERO false the bytes no field sets are still zero.""",
        arguments = {
            @ElementDoc.Argument(name = "FILENAME", description = """
                    File name. The dump to read. Give either FILENAME or DATA; a missing file is a \
                    configuration error."""),
            @ElementDoc.Argument(name = "DATA", description = "String. The dump's text itself, instead of a file."),
            @ElementDoc.Argument(name = "STOP", description = """
                    Boolean. If true, the router stops when the dump is done. Default false."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, nothing is read until the active handler is set true. Default true."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Integer, 1 to 256. The most packets pushed in one batch (a Junction extension). Default 1: \
                    each packet goes through the graph before the next is read, as in Click, which matters when \
                    the graph changes per packet (a Script writing a Switch, say). Larger bursts are faster."""),
            @ElementDoc.Argument(name = "ZERO", description = """
                    Boolean. Whether unset packet bytes are zero. Always so in Junction. Default true."""),
            @ElementDoc.Argument(name = "TIMING", description = """
                    Boolean. If true, packets are emitted with the spacing of their timestamps (the first one \
                    at once). Default false."""),
            @ElementDoc.Argument(name = "CHECKSUM", description = """
                    Boolean. If true, the IP and TCP/UDP/ICMP checksums are set (the packet is padded with zeros \
                    to its IP length). Default false."""),
            @ElementDoc.Argument(name = "SAMPLE", description = """
                    Real from 0 to 1. Each packet is emitted with this probability. Default 1."""),
            @ElementDoc.Argument(name = "PROTO", description = """
                    Integer 0-255. The IP protocol of packets whose dump says none. Default 6 (TCP)."""),
            @ElementDoc.Argument(name = "FIELDS", description = """
                    String. The fields of the lines, as a "!data" line would give them, for dumps without one. \
                    CONTENTS, DEFAULT_FIELDS and DEFAULT_CONTENTS are other names for it."""),
            @ElementDoc.Argument(name = "FLOWID", description = """
                    String. The default flow, as a "!flowid" line gives it: "SRC SPORT DST DPORT [PROTO]". \
                    DEFAULT_FLOWID is another name for it."""),
            @ElementDoc.Argument(name = "MULTIPACKET", description = "Boolean. Only false is supported."),
            @ElementDoc.Argument(name = "ALLOW_NONEXISTENT", description = """
                    Boolean. If true, a missing FILENAME is an empty dump instead of an error. Default false.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    The ACTIVE setting: makes the element read or stop reading."""),
            @ElementDoc.Handler(name = "sampling_prob", description = "The SAMPLE probability."),
            @ElementDoc.Handler(name = "encap", description = "The packets' encapsulation: always IP."),
            @ElementDoc.Handler(name = "filename", description = "The FILENAME setting (empty with DATA)."),
            @ElementDoc.Handler(name = "stop", mode = "write-only", description = """
                    Makes the element inactive and stops the router.""")
        },
        example = """
                FromIPSummaryDump(trace.txt, STOP true) -> IPPrint -> Discard;""",
        seeAlso = {"ToIPSummaryDump", "FromDump", "IPPrint"})
public final class FromIPSummaryDump extends TraceSource {
    private final SummaryPacketBuilder builder = new SummaryPacketBuilder();

    private String filename;
    private String data;
    private boolean checksum;
    private boolean allowNonexistent;
    private int defaultProto;
    private String defaultFields;
    private String defaultFlow;
    private String flowLine;

    private BufferedReader reader;
    private long lineNumber;
    private int minorVersion = 3;
    private int[] fields = new int[0];
    private int[] fieldOrder = new int[0];
    private final List<String> values = new ArrayList<>();
    private boolean formatComplaint;
    private boolean built;
    private boolean done;
    private boolean stopRequested;

    @Override
    public String portCount() {
        return "0/1";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        filename = args.readPositional("FILENAME", ArgTypes.STRING, null);
        stop = args.read("STOP", ArgTypes.BOOLEAN, false);
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        burst = args.read("BURST", ArgTypes.INTEGER, 1);
        args.read("ZERO", ArgTypes.BOOLEAN, true);
        timing = args.read("TIMING", ArgTypes.BOOLEAN, false);
        checksum = args.read("CHECKSUM", ArgTypes.BOOLEAN, false);
        double sample = args.read("SAMPLE", ArgTypes.REAL, 1.0);
        defaultProto = args.read("PROTO", ArgTypes.integer(0, 255), 6);
        boolean multipacket = args.read("MULTIPACKET", ArgTypes.BOOLEAN, false);
        String fieldsText = args.read("DEFAULT_CONTENTS", ArgTypes.ANY, null);
        fieldsText = args.read("DEFAULT_FIELDS", ArgTypes.ANY, fieldsText);
        String flowid = args.read("DEFAULT_FLOWID", ArgTypes.ANY, null);
        fieldsText = args.read("CONTENTS", ArgTypes.ANY, fieldsText);
        fieldsText = args.read("FIELDS", ArgTypes.ANY, fieldsText);
        flowid = args.read("FLOWID", ArgTypes.ANY, flowid);
        allowNonexistent = args.read("ALLOW_NONEXISTENT", ArgTypes.BOOLEAN, false);
        data = args.read("DATA", ArgTypes.STRING, null);
        checkSample(args, sample);
        if (multipacket) {
            args.error("MULTIPACKET: not supported: Junction's packets have no extra-packets annotation");
        }
        args.complete();
        setSampleAndBurst(sample);
        defaultFields = fieldsText;
        defaultFlow = flowid;
        if (data != null && filename != null) {
            throw new ConfigurationException("FILENAME and DATA conflict");
        } else if (data == null && filename == null) {
            throw new ConfigurationException("FILENAME: required argument missing");
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        initializePacing(this::runTask);
        if (defaultFields != null) {
            setFields(defaultFields);
        }
        if (defaultFlow != null) {
            setFlow("!flowid " + defaultFlow);
        }
        if (data != null) {
            reader = new BufferedReader(new StringReader(data));
        } else {
            try {
                reader = new BufferedReader(new InputStreamReader(TraceFiles.openInput(filename),
                        StandardCharsets.ISO_8859_1), TraceFiles.BUFFER);
            } catch (ConfigurationException missing) {
                if (!allowNonexistent || !missing.getMessage().endsWith("No such file or directory")) {
                    throw missing;
                }
                reader = null;
            }
        }
        if (reader != null) {
            readBanner();
        }
        startPacing();
    }

    /** Click's banner check: the version line is read; a dump that starts otherwise gets a warning. */
    private void readBanner() throws ConfigurationException {
        try {
            reader.mark(1 << 14);
            String first = reader.readLine();
            if (first != null && first.startsWith("!IPSummaryDump")) {
                lineNumber++;
                String[] version = first.substring(14).trim().split("\\.", 2);
                try {
                    int major = Integer.parseInt(version[0].trim());
                    int minor = Integer.parseInt(version[1].trim().split("\\s")[0]);
                    if (major != 1 || minor > 3) {
                        warn("unexpected IPSummaryDump version " + major + "." + minor);
                    } else {
                        minorVersion = minor;
                    }
                } catch (RuntimeException notAVersion) {
                    // Click ignores a banner without a version
                }
            } else {
                reader.reset();
                if (first != null && !first.startsWith("!creator") && !first.startsWith("!data")
                        && !first.startsWith("!contents") && !first.startsWith("!proto")
                        && !first.startsWith("!flowid") && fields.length == 0) {
                    lineNumber = 1;
                    warn("missing banner line; is this an IP summary dump?");
                    lineNumber = 0;
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException(where() + ": " + e.getMessage());
        }
    }

    @Override
    public void cleanup() {
        closeReader();
        killPending();
    }

    private void closeReader() {
        if (reader != null) {
            TraceFiles.closeQuietly(reader);
            reader = null;
        }
    }

    // ---------------------------------------------------------------- packets

    private boolean runTask() {
        if (!active) {
            task.unschedule();
            return false;
        }
        int got = produce(batch, burst);
        if (got > 0) {
            output(0).push(batch);
            batch.clear();
            return true;
        }
        if (pending != null || reader != null) {
            task.unschedule(); // waiting for the timer (TIMING) or for the pool
            if (pending == null) {
                task.reschedule();
            }
        } else {
            task.unschedule();
            finished();
        }
        return false;
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        if (!active) {
            return 0;
        }
        int got = produce(into, max);
        if (got == 0) {
            if (reader == null && pending == null) {
                finished();
                producing.sleep();
            } else if (pending != null) {
                producing.sleep(); // the timer wakes us
            }
        }
        return got;
    }

    private void finished() {
        done = true;
        if (stop && !stopRequested) {
            stopRequested = true;
            Sources.stopRouter(context());
        }
    }

    /** Reads up to {@code max} packets into {@code into}; returns how many. */
    private int produce(PacketBatch into, int max) {
        int count = 0;
        while (count < max && into.remaining() > 0) {
            Packet packet = pending != null ? pending : readPacket();
            pending = null;
            if (packet == null) {
                break;
            }
            if (timing && !due(packet)) {
                pending = packet;
                break;
            }
            if (sampledOut()) {
                packet.kill();
                continue;
            }
            into.add(packet);
            count++;
        }
        return count;
    }

    /** The next packet of the dump, or null at its end (or when the pool is empty). */
    private Packet readPacket() {
        while (reader != null) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                warn(e.getMessage());
                line = null;
            }
            if (line == null) {
                closeReader();
                return null;
            }
            lineNumber++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.charAt(0) == '!') {
                bangLine(line);
                continue;
            }
            Packet packet = parsePacket(line);
            if (packet != null) {
                return packet;
            }
            if (built) {
                return null; // the pool is empty: the line's packet is lost, a drop counted by the pool
            }
        }
        return null;
    }

    private void bangLine(String line) {
        if (hasWord(line, "!data") || hasWord(line, "!contents")) {
            setFields(line);
        } else if (hasWord(line, "!proto")) {
            List<String> words = Args.words(line);
            int proto = words.size() == 2 ? protocol(words.get(1)) : -1;
            if (words.size() != 2) {
                warn("bad !proto");
            } else if (proto < 0) {
                warn("bad protocol in !proto");
            } else {
                defaultProto = proto;
            }
        } else if (hasWord(line, "!flowid")) {
            setFlow(line);
        } else if (hasWord(line, "!binary")) {
            warn("binary IP summary dumps are not supported");
            closeReader();
        }
    }

    /** A "!flowid SRC SPORT DST DPORT [PROTO]" line ("-" for any part): the default flow of the packets. */
    private void setFlow(String line) {
        flowLine = line;
        List<String> words = Args.words(line);
        long[] parts = new long[4];
        boolean ok = words.size() >= 5;
        for (int i = 0; ok && i < 4; i++) {
            String word = words.get(i + 1);
            if (word.equals("-")) {
                continue;
            }
            try {
                parts[i] = i % 2 == 0 ? IPv4.parse(word) : Long.parseLong(word);
                ok = i % 2 == 0 || (parts[i] >= 0 && parts[i] <= 65535);
            } catch (IllegalArgumentException bad) {
                ok = false;
            }
        }
        if (!ok) {
            warn("bad !flowid specification");
            builder.setDefaultFlow(false, 0, 0, 0, 0);
            flowLine = null;
            return;
        }
        if (words.size() >= 6) {
            int proto = protocol(words.get(5));
            if (proto < 0) {
                warn("bad protocol in !flowid");
            } else {
                defaultProto = proto;
            }
        }
        builder.setDefaultFlow(true, (int) parts[0], (int) parts[1], (int) parts[2], (int) parts[3]);
    }

    private static boolean hasWord(String line, String word) {
        return line.length() > word.length() && line.startsWith(word)
                && Character.isWhitespace(line.charAt(word.length()));
    }

    private static int protocol(String word) {
        switch (word) {
            case "T", "tcp" -> {
                return 6;
            }
            case "U", "udp" -> {
                return 17;
            }
            case "I", "icmp" -> {
                return 1;
            }
            default -> {
                try {
                    int proto = Integer.parseInt(word);
                    return proto >= 0 && proto < 256 ? proto : -1;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
    }

    /** A "!data" line (or FIELDS): the fields of the following lines, in Click's reading order. */
    private void setFields(String line) {
        List<String> words = Args.words(line);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = Args.unquote(words.get(i));
            if (i == 0 && (word.equals("!data") || word.equals("!contents"))) {
                continue;
            }
            int field = SummaryFields.find(word);
            if (field < 0) {
                warn("unknown content type '" + word + "'");
            }
            found.add(field);
        }
        fields = found.stream().mapToInt(Integer::intValue).toArray();
        if (fields.length == 0) {
            warn("no contents specified");
        }
        Integer[] order = new Integer[fields.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(rank(fields[a]), rank(fields[b]))); // stable
        fieldOrder = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static int rank(int field) {
        return field < 0 ? 100 : SummaryFields.order(field);
    }

    /** Click's line parsing: space-separated words (double-quoted strings kept whole), applied in field order. */
    private Packet parsePacket(String line) {
        built = false;
        values.clear();
        int at = 0;
        int end = line.length();
        while (at < end && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        while (values.size() < fields.length) {
            int start = at;
            while (at < end && !Character.isWhitespace(line.charAt(at))) {
                if (line.charAt(at) == '"') {
                    at = skipQuoted(line, at);
                } else {
                    at++;
                }
            }
            values.add(line.substring(start, at));
            while (at < end && Character.isWhitespace(line.charAt(at))) {
                at++;
            }
        }
        builder.reset(defaultProto, minorVersion);
        int applied = 0;
        for (int index : fieldOrder) {
            int field = fields[index];
            String value = values.get(index);
            if (field < 0 || value.isEmpty() || value.equals("-")) {
                continue;
            }
            if (SummaryFields.parse(field, value, builder)) {
                builder.inject(field);
                applied++;
            }
        }
        if (applied == 0) {
            if (!formatComplaint && !line.isBlank()) {
                warn(fields.length == 0 ? "no '!data' provided" : "packet parse error");
                formatComplaint = true;
            }
            return null;
        }
        built = true;
        return builder.finish(context().packetPool(), checksum);
    }

    private static int skipQuoted(String line, int at) {
        for (at++; at < line.length(); at++) {
            char c = line.charAt(at);
            if (c == '\\') {
                at++;
            } else if (c == '"') {
                return at + 1;
            }
        }
        return line.length();
    }

    private String where() {
        return (filename != null ? filename : "<data>") + ":" + lineNumber;
    }

    private void warn(String message) {
        context().warning(where() + ": " + message);
    }

    // ---------------------------------------------------------------- hot swap

    /**
     * Hands the dump, at its current line, to a replacement reading the same dump, so that a hot swap
     * elsewhere in the graph neither replays nor skips packets.
     */
    @Override
    public void saveState(ElementState state) {
        state.put("source", source());
        if (reader != null) {
            state.put("reader", reader);
            state.put("fields", fields);
            state.put("fieldOrder", fieldOrder);
            state.put("position", new long[] {lineNumber, minorVersion, defaultProto, formatComplaint ? 1 : 0});
            state.put("flow", flowLine);
            reader = null;
        }
        savePending(state);
    }

    @Override
    public void takeState(ElementState state) {
        if (!source().equals(state.get("source", String.class))) {
            return;
        }
        BufferedReader old = state.get("reader", BufferedReader.class);
        closeReader();
        if (old != null) {
            reader = old;
            fields = state.get("fields", int[].class);
            fieldOrder = state.get("fieldOrder", int[].class);
            long[] position = state.get("position", long[].class);
            lineNumber = position[0];
            minorVersion = (int) position[1];
            defaultProto = (int) position[2];
            formatComplaint = position[3] != 0;
            String flow = state.get("flow", String.class);
            if (flow != null) {
                setFlow(flow);
            }
        }
        takePending(state);
    }

    private String source() {
        return filename != null ? "file " + filename : "data " + data;
    }

    // ---------------------------------------------------------------- handlers

    /** Whether the dump has been read to its end. */
    boolean done() {
        return done;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("active", () -> Boolean.toString(active), value -> {
            active = HandlerValues.parseBoolean(value, "type mismatch");
            if (pullContext) {
                if (active) {
                    producing.wake();
                } else {
                    producing.sleep();
                }
            } else if (active && !task.isScheduled()) {
                task.reschedule();
            }
        });
        handlers.addRead("sampling_prob", this::samplingProbability);
        handlers.addRead("encap", () -> "IP");
        handlers.addRead("filename", () -> filename != null ? filename : "");
        handlers.addWrite("stop", value -> stopFromHandler());
    }
}
