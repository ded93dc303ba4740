package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** IPFragmenter: splits IP packets longer than the MTU into fragments. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPFragmenter")
@ElementDoc(
        synopsis = "IPFragmenter(MTU [, HONOR_DF, VERBOSE, keyword HEADROOM])",
        category = "ip",
        summary = "fragments large IP packets",
        description = """
                Expects IP packets with a marked network header. A packet whose network part (from the \
                network header to the end) is at most MTU bytes goes to output 0 unchanged. A longer one is \
                split into fragments of at most MTU bytes (RFC 791): the first is the packet itself, cut \
                short, keeping its options and whatever precedes the network header; the others are new \
                packets from the router's pool carrying the options marked "copy", and are marked as the \
                network header. All fragments go to output 0, in order.

                A packet too big with the Don't Fragment bit set (when HONOR_DF is true), or whose header \
                leaves fewer than 8 bytes of data per fragment, goes to output 1 if there is one (an \
                ICMPError needfrag, say), dropped otherwise, and is counted. The first five, and with VERBOSE \
                all, are reported on standard error. When HONOR_DF is false and the bit is set, the bit is \
                cleared and the IP ID replaced by a random one. Packets whose header is malformed are \
                dropped and counted.

                Push only; one input, one or two outputs.""",
        arguments = {
            @ElementDoc.Argument(name = "MTU", description = "Unsigned, at least 8. The largest packet to emit."),
            @ElementDoc.Argument(name = "HONOR_DF", description = "Boolean. Respect the DF bit. Default true."),
            @ElementDoc.Argument(name = "VERBOSE", description = "Boolean. Report every DF drop. Default false."),
            @ElementDoc.Argument(name = "HEADROOM", description = """
                    Unsigned. Headroom of the fragments made after the first. Default: the pool's headroom.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "drops", description = "Number of packets that could not be fragmented."),
            @ElementDoc.Handler(name = "fragments", description = "Number of fragments emitted.")
        },
        example = "fr :: IPFragmenter(1500); fr[1] -> ICMPError(18.26.4.24, unreachable, needfrag, PMTU 1500) -> ...",
        seeAlso = {"ICMPError", "CheckLength", "IPOutputCombo"})
public final class IPFragmenter extends Element {
    private int mtu;
    private boolean honorDf;
    private boolean verbose;
    private int headroom = -1;
    private long drops;
    private long fragments;

    private OutputBatches gatherer;
    /** Fragments after the first, made before the first is cut; grows to the largest count seen. */
    private Packet[] pending = new Packet[8];

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configured = args.requirePositional("MTU", ArgTypes.UNSIGNED);
        honorDf = args.readPositional("HONOR_DF", ArgTypes.BOOLEAN, true);
        verbose = args.readPositional("VERBOSE", ArgTypes.BOOLEAN, false);
        Long room = args.read("HEADROOM", ArgTypes.UNSIGNED, null);
        if (configured != null && configured < 8) {
            args.error("MTU must be at least 8");
        }
        args.complete();
        mtu = (int) Math.min(configured, Integer.MAX_VALUE);
        headroom = room == null ? -1 : (int) Math.min(room, Integer.MAX_VALUE);
    }

    @Override
    public void initialize() {
        gatherer = new OutputBatches(this);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int size = batch.size();
        int i = 0;
        while (i < size && networkLength(batch.get(i)) <= mtu) {
            i++;
        }
        if (i == size) { // nothing to fragment: the common case passes the batch on as it is
            output(0).push(batch);
            return;
        }
        for (int j = 0; j < size; j++) {
            Packet packet = batch.get(j);
            if (j < i || networkLength(packet) <= mtu) {
                emit(packet);
            } else {
                fragment(packet);
            }
        }
        batch.clear();
        flush();
    }

    private static int networkLength(Packet packet) {
        int header = packet.networkHeaderOffset();
        return header == Packet.NO_HEADER ? packet.length() : packet.length() - header;
    }

    private void emit(Packet packet) {
        gatherer.add(0, packet);
    }

    private void flush() {
        gatherer.flush();
    }

    /** A packet that cannot be fragmented: to output 1, or dropped without one. */
    private void refuse(Packet packet) {
        if (outputCount() > 1) {
            gatherer.add(1, packet);
        } else {
            packet.kill();
        }
    }

    private void fragment(Packet packet) {
        int header = IPHeaders.networkHeader(packet);
        if (header < 0) {
            drops++;
            packet.kill();
            return;
        }
        int headerLength = IPHeaders.headerLength(packet, header);
        int totalLength = packet.getUnsignedShort(header + 2);
        if (headerLength < IPHeaders.MIN_HEADER || totalLength < headerLength
                || totalLength > packet.length() - header) {
            drops++;
            packet.kill();
            return;
        }
        int firstData = (mtu - headerLength) & ~7;
        int dataLength = totalLength - headerLength;
        int fragmentBits = packet.getUnsignedShort(header + 6);
        if (((fragmentBits & IPHeaders.IP_DF) != 0 && honorDf) || firstData < 8) {
            if (verbose || drops < 5) {
                IPHeaders.chatter("IPFragmenter(" + mtu + ") DF " + IPv4.format(packet.getInt(header + 12)) + " "
                        + IPv4.format(packet.getInt(header + 16)) + " len=" + packet.length());
            }
            drops++;
            refuse(packet);
            return;
        }
        if ((fragmentBits & IPHeaders.IP_DF) != 0) { // cheating the DF bit: the ID cannot be trusted
            packet.setShort(header + 4, ThreadLocalRandom.current().nextInt());
            fragmentBits &= ~IPHeaders.IP_DF;
        }
        boolean hadMoreFragments = (fragmentBits & IPHeaders.IP_MF) != 0;
        packet.setShort(header + 2, headerLength + firstData);
        packet.setShort(header + 6, fragmentBits | IPHeaders.IP_MF);
        IPHeaders.setChecksum(packet, header, headerLength);

        int copiedOptions = copyOptions(packet, header, headerLength, null, 0);
        int laterHeader = IPHeaders.MIN_HEADER + copiedOptions;
        int made = 0;
        PacketPool pool = context().packetPool();
        for (int offset = firstData; offset < dataLength; ) {
            int chunk = (mtu - laterHeader) & ~7;
            if (chunk + offset > dataLength) {
                chunk = dataLength - offset;
            }
            Packet fragment = pool.allocate();
            if (fragment != null && fragment.capacity() >= laterHeader + chunk) {
                int room = headroom < 0 ? fragment.headroom() : headroom;
                fragment.setWindow(Math.min(room, fragment.capacity() - laterHeader - chunk), laterHeader + chunk);
                fragment.copyAnnotations(packet);
                fragment.clearHeaders();
                fragment.setNetworkHeader(0, laterHeader);
                fragment.setBytes(0, packet.buffer(), packet.dataOffset() + header, IPHeaders.MIN_HEADER);
                copyOptions(packet, header, headerLength, fragment, IPHeaders.MIN_HEADER);
                fragment.setBytes(laterHeader, packet.buffer(),
                        packet.dataOffset() + header + headerLength + offset, chunk);
                fragment.setByte(0, 0x40 | laterHeader >> 2);
                int bits = (fragmentBits | IPHeaders.IP_MF) + (offset >> 3);
                if (chunk + offset >= dataLength && !hadMoreFragments) {
                    bits &= ~IPHeaders.IP_MF;
                }
                fragment.setShort(6, bits);
                fragment.setShort(2, laterHeader + chunk);
                IPHeaders.setChecksum(fragment, 0, laterHeader);
                if (made == pending.length) {
                    pending = Arrays.copyOf(pending, made * 2); // grows to the largest split seen, then stays
                }
                pending[made++] = fragment;
            } else if (fragment != null) {
                fragment.kill();
            }
            offset += chunk;
        }
        packet.take(packet.length() - header - headerLength - firstData);
        emit(packet);
        fragments++;
        for (int k = 0; k < made; k++) {
            emit(pending[k]);
            pending[k] = null;
            fragments++;
        }
    }

    /**
     * Copies the options of {@code packet}'s header that must be copied into every fragment (copy bit set) to
     * {@code target} at {@code at}, padded with end-of-list to a multiple of 4; with a null target only
     * measures. Returns the length written.
     */
    private static int copyOptions(Packet packet, int header, int headerLength, Packet target, int at) {
        int position = header + IPHeaders.MIN_HEADER;
        int end = header + headerLength;
        int written = 0;
        while (position < end) {
            int type = packet.getUnsignedByte(position);
            if (type == 1) { // NOP is not copied
                position++;
                continue;
            }
            if (type == 0 || position + 1 == end) {
                break;
            }
            int length = packet.getUnsignedByte(position + 1);
            if (length < 2 || position + length > end) {
                break;
            }
            if ((type & 0x80) != 0) {
                if (target != null) {
                    target.setBytes(at + written, packet.buffer(), packet.dataOffset() + position, length);
                }
                written += length;
            }
            position += length;
        }
        for (; (written & 3) != 0; written++) {
            if (target != null) {
                target.setByte(at + written, 0);
            }
        }
        return written;
    }

    /** Packets that could not be fragmented. */
    public long drops() {
        return drops;
    }

    /** Fragments emitted. */
    public long fragments() {
        return fragments;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addRead("fragments", () -> Long.toString(fragments));
    }
}
