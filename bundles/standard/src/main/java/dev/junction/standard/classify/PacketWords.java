package dev.junction.standard.classify;

import dev.junction.packet.Packet;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Where each {@linkplain Expr.Base base} of one packet starts in its buffer, and reads of 32-bit words from
 * them that never fault: a word that runs past the packet's end is read up to the end and padded with zeros
 * (its mask decides whether the missing bytes matter). One instance per element; {@link #load} per packet.
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
        int mac = packet.macHeaderOffset();
        starts[1] = mac == Packet.NO_HEADER || data + mac - 2 < 0 ? -1 : data + mac - 2;
        int net = packet.networkHeaderOffset();
        int netStart = net == Packet.NO_HEADER ? data : data + net;
        starts[2] = netStart < 0 ? -1 : netStart;
        int transp = packet.transportHeaderOffset();
        int transpStart;
        if (transp != Packet.NO_HEADER && net != Packet.NO_HEADER) {
            transpStart = data + transp;
        } else if (netStart >= 0 && netStart < stop) {
            transpStart = netStart + ((buffer.get(ValueLayout.JAVA_BYTE, netStart) & 0x0F) << 2);
        } else {
            transpStart = -1;
        }
        // Click: a packet no longer than its network header has no transport bytes at all.
        starts[3] = transpStart < 0 || transpStart > stop ? -1 : transpStart;
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

    /** The bytes from {@code pos} to the end, as the top bytes of a word. */
    int partial(int pos) {
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
