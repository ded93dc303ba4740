package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.standard.trace.Pcap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** ToDump: writes packets to a libpcap file that tcpdump, Wireshark and FromDump read. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ToDump")
@ElementDoc(
        synopsis = "ToDump(FILENAME [, SNAPLEN, ENCAP, keywords USE_ENCAP_FROM, EXTRA_LENGTH, UNBUFFERED, NANO])",
        category = "traces",
        summary = "writes packets to a tcpdump file",
        description = """
                Writes every packet to FILENAME ("-" is the standard output) in the libpcap format of \
                "tcpdump -w", readable by tcpdump, Wireshark and FromDump. The file header (24 bytes) and the \
                record headers (16 bytes) are in the machine's byte order, as libpcap writes them: version 2.4, \
                time zone 0, the SNAPLEN and the link type of ENCAP. Each record holds the packet's timestamp \
                annotation (the current time if it is zero), its first SNAPLEN bytes and its length.

                One input, zero or one output, agnostic. Packets leave on the output unchanged, or are freed. In \
                pull context without an output, a task pulls them. Records are gathered in a 64 KiB buffer and \
                written when it fills, at cleanup, and at once with UNBUFFERED. The file is \
                created when the router is initialized; in a hot swap, a ToDump of the same name, file and \
                format takes over the open file and goes on writing it, as in Click.""",
        arguments = {
            @ElementDoc.Argument(name = "FILENAME", description = "File name, or - for the standard output."),
            @ElementDoc.Argument(name = "SNAPLEN", description = """
                    Unsigned. The most bytes of a packet written; 0 means all. Default 2000."""),
            @ElementDoc.Argument(name = "ENCAP", description = """
                    The link type of the packets: ETHER (default), IP (raw IP), SLL (Linux cooked capture), \
                    NULL, FDDI, ATM, 802_11, 802_11_RADIO, AIRONET, HDLC, PPP_HDLC, PPP, SUNATM, PRISM, or #N \
                    for link type N. It must be right for tcpdump to read the file."""),
            @ElementDoc.Argument(name = "USE_ENCAP_FROM", description = """
                    Element names, separated by spaces. At initialization, the link type is read from their \
                    encap handlers, which must agree. At most one of ENCAP and USE_ENCAP_FROM."""),
            @ElementDoc.Argument(name = "EXTRA_LENGTH", description = """
                    Boolean. Accepted; Junction's packets have no extra length annotation. Default true."""),
            @ElementDoc.Argument(name = "UNBUFFERED", description = """
                    Boolean. If true, every record is written to the file at once. Default false."""),
            @ElementDoc.Argument(name = "NANO", description = """
                    Boolean. If true, timestamps have nanosecond precision (magic number a1b23c4d), otherwise \
                    microsecond (a1b2c3d4). Default true, as Click with nanosecond timestamps.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets written so far."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Sets count to 0."),
            @ElementDoc.Handler(name = "filename", description = "The FILENAME setting.")
        },
        example = "FromDevice(eth0) -> ToDump(capture.pcap, 0, ETHER);",
        seeAlso = {"FromDump", "ToIPSummaryDump"})
public final class ToDump extends TraceSink {
    private final byte[] recordHeader = new byte[Pcap.RECORD_HEADER];
    private final ByteBuffer record = ByteBuffer.wrap(recordHeader).order(ByteOrder.nativeOrder());
    private byte[] data = new byte[2048];

    private long snaplen;
    private int linkType;
    private List<String> encapFrom;
    private boolean unbuffered;
    private boolean nano;

    private boolean active;
    private long count;

    @Override
    public String portCount() {
        return "1/0-1";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        filename = args.requirePositional("FILENAME", ArgTypes.STRING);
        snaplen = args.readPositional("SNAPLEN", ArgTypes.UNSIGNED, 2000L);
        String encap = args.readPositional("ENCAP", ArgTypes.WORD, null);
        String useEncapFrom = args.read("USE_ENCAP_FROM", ArgTypes.ANY, null);
        args.read("EXTRA_LENGTH", ArgTypes.BOOLEAN, true);
        unbuffered = args.read("UNBUFFERED", ArgTypes.BOOLEAN, false);
        nano = args.read("NANO", ArgTypes.BOOLEAN, true);
        args.complete();
        if (snaplen == 0) {
            snaplen = 0xFFFF_FFFFL;
        }
        if (useEncapFrom != null && encap != null) {
            throw new ConfigurationException("specify at most one of 'ENCAP' and 'USE_ENCAP_FROM'");
        } else if (useEncapFrom != null) {
            encapFrom = Args.words(useEncapFrom);
            if (encapFrom.isEmpty()) {
                throw new ConfigurationException("element names missing after 'USE_ENCAP_FROM'");
            }
        } else if (encap == null) {
            linkType = Pcap.DLT_EN10MB;
        } else if ((linkType = Pcap.parseLinkType(encap)) < 0) {
            throw new ConfigurationException("bad encapsulation type");
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        if (encapFrom != null) {
            linkType = encapFromSources();
        }
        openFile(!unbuffered);
        active = true;
        startPullTask(this::runTask);
    }

    @Override
    void writeFileHeader() throws ConfigurationException {
        ByteBuffer header = ByteBuffer.allocate(Pcap.FILE_HEADER).order(ByteOrder.nativeOrder());
        header.putInt(nano ? Pcap.MAGIC_NANO : Pcap.MAGIC).putShort((short) Pcap.VERSION_MAJOR)
                .putShort((short) Pcap.VERSION_MINOR).putInt(0).putInt(0).putInt((int) snaplen).putInt(linkType);
        try {
            out.write(header.array());
        } catch (IOException e) {
            throw new ConfigurationException(filename + ": unable to write file header");
        }
    }

    @Override
    String format() {
        return "pcap " + linkType + " " + snaplen + (nano ? " nano" : "");
    }

    private int encapFromSources() throws ConfigurationException {
        int type = -1;
        String[] types = new String[encapFrom.size()];
        for (int i = 0; i < types.length; i++) {
            String name = encapFrom.get(i);
            try {
                types[i] = context().readHandler(name + ".encap").trim();
            } catch (HandlerException e) {
                throw new ConfigurationException("'" + name + "' has no 'encap' read handler");
            }
            int t = Pcap.parseLinkType(types[i]);
            if (t < 0) {
                throw new ConfigurationException("'" + name + ".encap' did not return a valid encapsulation type");
            } else if (type >= 0 && t != type) {
                StringBuilder message = new StringBuilder("source encapsulation types disagree:");
                for (int j = 0; j <= i; j++) {
                    message.append("\n  ").append(encapFrom.get(j)).append(" has ").append(types[j]);
                }
                throw new ConfigurationException(message.toString());
            }
            type = t;
        }
        return type;
    }

    private boolean runTask() {
        if (!active) {
            stopPullTask();
            return false;
        }
        return pullAndWrite();
    }

    @Override
    void write(PacketBatch batch, int from) {
        if (!active || !ready()) {
            return;
        }
        for (int i = from, n = batch.size(); i < n; i++) {
            writePacket(batch.get(i));
        }
    }

    private void writePacket(Packet p) {
        long ts = p.timestampNanos();
        if (ts == 0) {
            ts = context().clock().epochNanos();
        }
        long seconds = Math.floorDiv(ts, 1_000_000_000L);
        long subsec = Math.floorMod(ts, 1_000_000_000L);
        int length = p.length();
        int captured = (int) Math.min(length, snaplen);
        record.putInt(0, (int) seconds).putInt(4, (int) (nano ? subsec : subsec / 1000)).putInt(8, captured)
                .putInt(12, length);
        if (data.length < captured) {
            data = new byte[Math.max(captured, data.length * 2)];
        }
        p.getBytes(0, data, 0, captured);
        try {
            out.write(recordHeader);
            out.write(data, 0, captured);
            count++;
        } catch (IOException e) {
            active = false;
            context().warning("ToDump(" + filename + "): " + e.getMessage());
        }
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addWrite("reset_counts", value -> count = 0);
        handlers.addRead("filename", () -> filename);
    }
}
