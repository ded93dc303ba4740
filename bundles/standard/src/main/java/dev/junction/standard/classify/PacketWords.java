package dev.junction.standard.classify;

import dev.junction.packet.Packet;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Where each {@linkplain Expr.Base base} of a packet starts in its buffer, and reads of 32-bit words from them
 * that never fault: a word that runs past the packet's end is read up to the end and padded with zeros (its
 * mask decides whether the missing bytes matter). {@link DecisionTree} uses the static helpers; an instance
 * {@linkplain #load loads} one packet and {@linkplain #evaluate evaluates} expressions on it directly, the
 * reference the tests hold the decision tree to.
 */
public final class PacketWords {
    static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** Buffer position of each base, or -1 where the packet has no such header. */
    final int[] starts = new int[4];
    MemorySegment buffer;
    /** Buffer position just past the last data byte. */
    int end;

    /**
     * Finds the bases of {@code packet}. An unmarked network header is taken to start at the data (so
     * IPClassifier works on a bare IP packet); an unmarked transport header follows the network header by its
     * IP header length field; with no MAC header, MAC tests see a short packet.
     */
    public void load(Packet packet) {
        int data = packet.dataOffset();
        int stop = data + packet.length();
        buffer = packet.buffer();
        end = stop;
        starts[0] = data;
        starts[1] = macStart(packet, data);
        int net = netStart(packet, data);
        starts[2] = net;
        starts[3] = transpStart(packet, data, net, stop, buffer);
    }

    /** Buffer position of the MAC base (2 bytes before the MAC header), or -1. */
    static int macStart(Packet packet, int data) {
        int mac = packet.macHeaderOffset();
        return mac == Packet.NO_HEADER || data + mac - 2 < 0 ? -1 : data + mac - 2;
    }

    /** Buffer position of the network header (the data start if unmarked), or -1. */
    static int netStart(Packet packet, int data) {
        int net = packet.networkHeaderOffset();
        int start = net == Packet.NO_HEADER ? data : data + net;
        return start < 0 ? -1 : start;
    }

    /**
     * Buffer position of the transport header, or -1 if the packet has no byte past its network header (as
     * Click: then every transport test is short).
     */
    static int transpStart(Packet packet, int data, int netStart, int stop, MemorySegment buffer) {
        int transp = packet.transportHeaderOffset();
        int start;
        if (transp != Packet.NO_HEADER && packet.networkHeaderOffset() != Packet.NO_HEADER) {
            start = data + transp;
        } else if (netStart >= 0 && netStart < stop) {
            start = netStart + ((buffer.get(ValueLayout.JAVA_BYTE, netStart) & 0x0F) << 2);
        } else {
            start = -1;
        }
        return start < 0 || start > stop ? -1 : start;
    }

    /** The word at {@code offset} from base {@code base}, or {@link Long#MIN_VALUE} if fewer than {@code need} bytes are there. */
    long word(int base, int offset, int need) {
        int start = starts[base];
        if (start < 0) {
            return Long.MIN_VALUE;
        }
        int pos = start + offset;
        if (pos < 0) {
            return Long.MIN_VALUE;
        }
        if (pos + 4 <= end) {
            return buffer.get(INT_BE, pos);
        }
        if (pos + need > end) {
            return Long.MIN_VALUE;
        }
        return partial(pos);
    }

    int partial(int pos) {
        return partial(buffer, pos, end);
    }

    /** The bytes from {@code pos} to {@code end}, as the top bytes of a word. */
    static int partial(MemorySegment buffer, int pos, int end) {
        int w = 0;
        for (int i = 0; i < 4; i++) {
            int b = pos + i < end ? buffer.get(ValueLayout.JAVA_BYTE, pos + i) & 0xFF : 0;
            w = w << 8 | b;
        }
        return w;
    }

    /** Evaluates {@code expr} directly, with no compilation: the reference the decision tree must agree with. */
    public boolean evaluate(Expr expr) {
        return switch (expr) {
            case Expr.Const c -> c.value();
            case Expr.Test t when t.mask() == 0 -> true;
            case Expr.Test t -> {
                long w = word(t.base().ordinal(), t.offset(), t.need());
                yield w == Long.MIN_VALUE ? t.shortYes() : ((int) w & t.mask()) == t.value();
            }
            case Expr.Not n -> !evaluate(n.operand());
            case Expr.And a -> evaluate(a.left()) && evaluate(a.right());
            case Expr.Or o -> evaluate(o.left()) || evaluate(o.right());
            case Expr.Ternary t -> evaluate(t.condition()) ? evaluate(t.then()) : evaluate(t.otherwise());
        };
    }
}
