package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.standard.trace.Pcap;
import dev.junction.standard.trace.TraceFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** FromDump: reads the packets of a libpcap file ("tcpdump -w", Wireshark's pcap, ToDump). */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("FromDump")
@ElementDoc(
        synopsis = "FromDump(FILENAME [, TIMING, keywords STOP, ACTIVE, SAMPLE, FORCE_IP, START, START_AFTER, END, "
                + "END_AFTER, INTERVAL, END_CALL, BURST])",
        category = "traces",
        summary = "reads packets from a tcpdump file",
        description = """
                Reads the packets of FILENAME, a libpcap file as written by "tcpdump -w", Wireshark (pcap, not \
                pcapng) or ToDump, and emits them on output 0, which is agnostic: a task pushes batches in push \
                context, pulls are answered in pull context. Both byte orders and both timestamp precisions \
                (microsecond and nanosecond magic numbers) are read. Each packet's timestamp annotation is its \
                capture time, its MAC header annotation its first byte.

                With FORCE_IP, only IP packets are emitted, with their network header annotation set (and the \
                destination IP annotation for IPv4); the others leave on output 1 if there is one (push), or \
                are dropped. FORCE_IP understands the link types ETHER (with one 802.1Q tag), IP (raw), SLL \
                (Linux cooked capture) and NULL; a raw IP dump always has FORCE_IP. A missing file or one that \
                is not a pcap file is a configuration error.

                START or START_AFTER skip the packets before a time; at the END (END_AFTER, INTERVAL) time, \
                or at the end of the file, END_CALL is called: by default the router stops with STOP, else \
                the element becomes inactive at the END time.

                In a hot swap, a replacement reading the same file goes on from the next packet. A captured \
                packet longer than the router's packet buffers is cut to fit. Click's FILEPOS and \
                MMAP are not supported, nor are compressed files.""",
        arguments = {
            @ElementDoc.Argument(name = "FILENAME", description = "File name. The pcap file to read."),
            @ElementDoc.Argument(name = "TIMING", description = """
                    Boolean. If true, packets are emitted with the spacing of their timestamps (the first at \
                    once). Default false."""),
            @ElementDoc.Argument(name = "STOP", description = """
                    Boolean. If true, the router stops when the file is done. Default false."""),
            @ElementDoc.Argument(name = "ACTIVE", description = """
                    Boolean. If false, nothing is read until the active handler is set true. Default true."""),
            @ElementDoc.Argument(name = "SAMPLE", description = """
                    Real from 0 to 1. Each packet is emitted with this probability. Default 1."""),
            @ElementDoc.Argument(name = "FORCE_IP", description = """
                    Boolean. If true, only IP packets are emitted on output 0, with their IP header marked. \
                    Default false."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Integer, 1 to 256. The most packets pushed in one batch (a Junction extension). Default 1: \
                    each packet goes through the graph before the next is read, as in Click, which matters when \
                    the graph changes per packet (a Script writing a Switch, say). Larger bursts are faster."""),
            @ElementDoc.Argument(name = "START", description = """
                    Time in seconds since the epoch. Packets before it are skipped."""),
            @ElementDoc.Argument(name = "START_AFTER", description = """
                    Time in seconds. Packets in the first START_AFTER seconds of the file are skipped."""),
            @ElementDoc.Argument(name = "END", description = """
                    Time in seconds since the epoch. Reading ends at the first packet at or after it."""),
            @ElementDoc.Argument(name = "END_AFTER", description = """
                    Time in seconds. Reading ends END_AFTER seconds after the first packet of the file."""),
            @ElementDoc.Argument(name = "INTERVAL", description = """
                    Time in seconds. Reading ends INTERVAL seconds after the first packet emitted."""),
            @ElementDoc.Argument(name = "END_CALL", description = """
                    Handler call, "HANDLER [VALUE]": written at the END time or the end of the file. At most \
                    one of END_CALL and STOP.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets emitted so far."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Sets count to 0."),
            @ElementDoc.Handler(name = "sampling_prob", description = "The SAMPLE probability."),
            @ElementDoc.Handler(name = "active", mode = "read/write", description = """
                    The ACTIVE setting: makes the element read or stop reading."""),
            @ElementDoc.Handler(name = "encap", description = """
                    The file's link type, as Click names it (ETHER, IP, SLL, ... or #N)."""),
            @ElementDoc.Handler(name = "filename", description = "The FILENAME setting."),
            @ElementDoc.Handler(name = "stop", mode = "write-only", description = """
                    Makes the element inactive and stops the router.""")
        },
        example = "FromDump(trace.pcap, STOP true, FORCE_IP true) -> IPPrint -> Discard;",
        seeAlso = {"ToDump", "FromIPSummaryDump", "ToIPSummaryDump"})
public final class FromDump extends TraceSource {
    private final byte[] recordHeader = new byte[Pcap.RECORD_HEADER];
    private final ByteBuffer record = ByteBuffer.wrap(recordHeader);
    private byte[] data = new byte[2048];

    private String filename;
    private boolean forceIp;

    private InputStream in;
    private boolean nano;
    private int extraHeader;
    private int minorVersion;
    private int linkType = -1;
    private long count;
    private boolean stopRequested;
    private String endCall;
    private boolean haveFirstTime;
    private boolean firstRelative;
    private long firstTime;
    private boolean haveLastTime;
    private boolean lastRelative;
    private boolean lastInterval;
    private long lastTime;
    private boolean haveAnyTimes;

    private PacketBatch others;

    @Override
    public String portCount() {
        return "0/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        filename = args.requirePositional("FILENAME", ArgTypes.STRING);
        timing = args.readPositional("TIMING", ArgTypes.BOOLEAN, false);
        stop = args.read("STOP", ArgTypes.BOOLEAN, false);
        active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
        double sample = args.read("SAMPLE", ArgTypes.REAL, 1.0);
        forceIp = args.read("FORCE_IP", ArgTypes.BOOLEAN, false);
        burst = args.read("BURST", ArgTypes.INTEGER, 1);
        Long start = args.read("START", ArgTypes.TIME, null);
        Long startAfter = args.read("START_AFTER", ArgTypes.TIME, null);
        Long end = args.read("END", ArgTypes.TIME, null);
        Long endAfter = args.read("END_AFTER", ArgTypes.TIME, null);
        Long interval = args.read("INTERVAL", ArgTypes.TIME, null);
        endCall = args.read("END_CALL", ArgTypes.ANY, null);
        checkSample(args, sample);
        args.complete();
        setSampleAndBurst(sample);
        if (start != null && startAfter != null) {
            throw new ConfigurationException("START and START_AFTER are mutually exclusive");
        }
        haveFirstTime = start != null || startAfter != null;
        firstRelative = start == null;
        firstTime = start != null ? start : startAfter != null ? startAfter : 0;
        if ((end != null ? 1 : 0) + (endAfter != null ? 1 : 0) + (interval != null ? 1 : 0) > 1) {
            throw new ConfigurationException("END, END_AFTER, and INTERVAL are mutually exclusive");
        }
        haveLastTime = end != null || endAfter != null || interval != null;
        lastRelative = endAfter != null;
        lastInterval = interval != null;
        lastTime = end != null ? end : endAfter != null ? endAfter : interval != null ? interval : 0;
        if (stop && endCall != null) {
            throw new ConfigurationException("END_CALL and STOP are mutually exclusive");
        }
        if (endCall != null && Args.words(endCall).isEmpty()) {
            throw new ConfigurationException("END_CALL: missing handler name");
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        initializePacing(this::runTask);
        if (outputCount() > 1) {
            others = new PacketBatch();
        }
        in = new BufferedInputStream(TraceFiles.openInput(filename), TraceFiles.BUFFER);
        readFileHeader();
        startPacing();
    }

    private void readFileHeader() throws ConfigurationException {
        byte[] header = new byte[Pcap.FILE_HEADER];
        int got;
        try {
            got = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new ConfigurationException(filename + ": " + e.getMessage());
        }
        if (got < header.length) {
            throw new ConfigurationException(filename + ": not a tcpdump file (too short)");
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int magic = h.getInt(0);
        if (!isMagic(magic)) {
            h.order(ByteOrder.BIG_ENDIAN);
            magic = h.getInt(0);
            if (!isMagic(magic)) {
                throw new ConfigurationException(filename + ": not a tcpdump file (bad magic number)");
            }
        }
        record.order(h.order());
        nano = magic == Pcap.MAGIC_NANO;
        extraHeader = magic == Pcap.MAGIC_MODIFIED ? 8 : 0;
        int major = h.getShort(4) & 0xFFFF;
        if (major != Pcap.VERSION_MAJOR) {
            throw new ConfigurationException(filename + ": unknown major version " + major);
        }
        minorVersion = h.getShort(6) & 0xFFFF;
        linkType = h.getInt(20);
        if (linkType == Pcap.DLT_HOST_RAW) {
            linkType = Pcap.DLT_RAW;
        }
        if (forceIp && !Pcap.forceIpable(linkType)) {
            throw new ConfigurationException(filename + ": unknown linktype " + linkType + "; can't force IP packets");
        } else if (linkType == Pcap.DLT_RAW) {
            forceIp = true;
        }
    }

    private static boolean isMagic(int magic) {
        return magic == Pcap.MAGIC || magic == Pcap.MAGIC_NANO || magic == Pcap.MAGIC_MODIFIED;
    }

    @Override
    public void cleanup() {
        closeFile();
        killPending();
    }

    private void closeFile() {
        if (in != null) {
            TraceFiles.closeQuietly(in);
            in = null;
        }
    }

    // ---------------------------------------------------------------- packets

    private boolean runTask() {
        if (!active) {
            task.unschedule();
            return false;
        }
        int got = produce(batch, burst);
        if (others != null && !others.isEmpty()) {
            output(1).push(others);
            others.clear();
        }
        if (got > 0) {
            output(0).push(batch);
            batch.clear();
            return true;
        }
        if (pending != null) {
            task.unschedule(); // the timer wakes us
        } else if (in == null) {
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
        if (got == 0 && (in == null || pending != null)) {
            if (in == null && pending == null) {
                finished();
            }
            producing.sleep();
        }
        return got;
    }

    /** The end of the file or of the END time: END_CALL, the router's stop (STOP), or nothing. */
    private void finished() {
        if (stopRequested) {
            return;
        }
        stopRequested = true;
        if (endCall != null) {
            callEnd();
        } else if (stop) {
            Sources.stopRouter(context());
        }
    }

    /** END_CALL: writes "HANDLER VALUE" (Click's HandlerCall: the first word names the handler). */
    private void callEnd() {
        String call = endCall.strip();
        int space = 0;
        while (space < call.length() && !Character.isWhitespace(call.charAt(space))) {
            space++;
        }
        String handler = call.substring(0, space);
        String value = call.substring(space).strip();
        if (handler.startsWith(name() + ".") && handler.endsWith(".active") && value.equals("false")) {
            active = false;
            return;
        }
        try {
            context().writeHandler(handler, value);
        } catch (HandlerException e) {
            context().warning("END_CALL: " + e.getMessage());
        }
    }

    /** START, END: whether a packet of time {@code ts} is before the start (skip) or the end was reached. */
    private int checkTimes(long ts) {
        if (!haveAnyTimes) {
            if (firstRelative) {
                firstTime += ts;
            }
            if (lastRelative) {
                lastTime += ts;
            } else if (lastInterval) {
                lastTime += firstTime;
            }
            haveAnyTimes = true;
        }
        if (haveFirstTime) {
            if (ts < firstTime) {
                return -1;
            }
            haveFirstTime = false;
        }
        if (haveLastTime && ts >= lastTime) {
            haveLastTime = false;
            return 1;
        }
        return 0;
    }

    private int produce(PacketBatch into, int max) {
        int made = 0;
        while (made < max && into.remaining() > 0) {
            Packet packet = pending != null ? pending : readPacket();
            pending = null;
            if (packet == null) {
                break;
            }
            if (timing && !due(packet)) {
                pending = packet;
                break;
            }
            if (forceIp && !Pcap.forceIp(packet, linkType)) {
                if (others != null && !pullContext) {
                    others.add(packet);
                    if (others.isFull()) {
                        output(1).push(others);
                        others.clear();
                    }
                } else {
                    packet.kill();
                }
                continue;
            }
            into.add(packet);
            made++;
            count++;
        }
        return made;
    }

    /** The next sampled packet of the file, or null at its end (or when the pool is empty). */
    private Packet readPacket() {
        try {
            while (in != null) {
                if (in.readNBytes(recordHeader, 0, Pcap.RECORD_HEADER) < Pcap.RECORD_HEADER) {
                    closeFile();
                    return null;
                }
                long seconds = record.getInt(0) & 0xFFFF_FFFFL;
                long subsec = record.getInt(4) & 0xFFFF_FFFFL;
                long caplen = record.getInt(8) & 0xFFFF_FFFFL;
                long len = record.getInt(12) & 0xFFFF_FFFFL;
                if (minorVersion < 3 || (minorVersion == 3 && caplen > len)) { // old files swapped the two
                    long swap = caplen;
                    caplen = len;
                    len = swap;
                }
                long skip = extraHeader;
                if (caplen > 0x40000) { // libpcap's largest snapshot length (Click stops at 65535)
                    context().warning(filename + ": bad packet header; giving up");
                    closeFile();
                    return null;
                } else if (caplen > len) {
                    skip += caplen - len; // tcptrace's off-by-one caplen, as Click and tcpdump forgive it
                    caplen = len;
                }
                in.skipNBytes(extraHeader);
                skip -= extraHeader;
                int wanted = (int) caplen;
                if (data.length < wanted) {
                    data = new byte[Math.max(wanted, data.length * 2)];
                }
                if (in.readNBytes(data, 0, wanted) < wanted) {
                    closeFile();
                    return null;
                }
                in.skipNBytes(skip);
                long ts = seconds * 1_000_000_000L + (nano ? subsec : subsec * 1000);
                int when = checkTimes(ts);
                if (when < 0) {
                    continue;
                } else if (when > 0) {
                    // the END time: Click calls END_CALL (default: stop, or become inactive) and goes on if still active
                    if (endCall != null) {
                        callEnd();
                    } else if (stop) {
                        finished();
                        active = false;
                    } else {
                        active = false;
                    }
                    if (!active) {
                        closeFile();
                        return null;
                    }
                }
                if (sampledOut()) {
                    continue;
                }
                Packet packet = context().packetPool().allocate();
                if (packet == null) {
                    return null;
                }
                int room = packet.capacity() - packet.headroom();
                int length = Math.min(wanted, room);
                packet.put(length);
                packet.setBytes(0, data, 0, length);
                packet.setTimestampNanos(ts);
                packet.setMacHeader(0);
                return packet;
            }
        } catch (IOException e) {
            context().warning(filename + ": " + e.getMessage());
            closeFile();
        }
        return null;
    }

    // ---------------------------------------------------------------- hot swap

    /**
     * Hands the open file, at its position, to a replacement reading the same file, so that a hot swap
     * elsewhere in the graph neither replays nor skips packets (Click's FromDump does the same).
     */
    @Override
    public void saveState(ElementState state) {
        state.put("filename", filename);
        state.putLong("count", count);
        if (in != null) {
            state.put("in", in);
            state.put("format", new long[] {nano ? 1 : 0, extraHeader, minorVersion, linkType,
                haveAnyTimes ? 1 : 0, firstTime, lastTime, haveFirstTime ? 1 : 0, haveLastTime ? 1 : 0});
            in = null;
        }
        savePending(state);
    }

    @Override
    public void takeState(ElementState state) {
        if (!filename.equals(state.get("filename", String.class))) {
            return;
        }
        count = state.getLong("count", 0);
        InputStream old = state.get("in", InputStream.class);
        long[] format = state.get("format", long[].class);
        closeFile();
        if (old != null && format != null) {
            in = old;
            nano = format[0] != 0;
            extraHeader = (int) format[1];
            minorVersion = (int) format[2];
            linkType = (int) format[3];
            haveAnyTimes = format[4] != 0;
            firstTime = format[5];
            lastTime = format[6];
            haveFirstTime = format[7] != 0;
            haveLastTime = format[8] != 0;
            forceIp |= linkType == Pcap.DLT_RAW;
        }
        takePending(state);
    }

    // ---------------------------------------------------------------- handlers

    /** Packets emitted so far. */
    long count() {
        return count;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addWrite("reset_counts", value -> count = 0);
        handlers.addRead("sampling_prob", this::samplingProbability);
        handlers.addReadWrite("active", () -> Boolean.toString(active), value -> {
            active = HandlerValues.parseBoolean(value, "type mismatch");
            if (active) {
                wake();
            }
        });
        handlers.addRead("encap", () -> Pcap.linkTypeName(linkType));
        handlers.addRead("filename", () -> filename);
        handlers.addWrite("stop", value -> stopFromHandler());
    }
}
