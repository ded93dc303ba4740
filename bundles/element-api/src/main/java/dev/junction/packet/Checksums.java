package dev.junction.packet;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071) and its incremental update (RFC 1624).
 *
 * <p>Sums come in two forms. A <em>partial sum</em> is an unfolded one's-complement accumulation held in a
 * {@code long}; partial sums of consecutive even-length pieces (pseudo-header, header, payload) add up with
 * {@code +}. {@link #finish(long)} folds a partial sum to 16 bits and complements it: that is the value
 * written into a checksum field, and a region that already contains a correct checksum finishes to 0.
 */
public final class Checksums {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfLong LONG_NATIVE = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT_NATIVE = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT_NATIVE = ValueLayout.JAVA_SHORT_UNALIGNED;

    private Checksums() {
    }

    /**
     * Partial sum of {@code length} bytes of {@code segment} at {@code offset}, as big-endian 16-bit words; an
     * odd last byte is padded with a zero byte, as RFC 1071 says.
     */
    public static long partial(MemorySegment segment, long offset, int length) {
        // Words are read in the machine's byte order, two accumulators wide: the one's-complement sum is
        // independent of byte order (RFC 1071, section 2(B)), so a little-endian machine sums byte-swapped
        // words and swaps the folded result once, instead of swapping every word it reads. Adding 32-bit
        // halves into 64 bits defers every carry to the final fold.
        long even = 0;
        long odd = 0;
        long position = offset;
        long stop = offset + length;
        while (position + 16 <= stop) {
            long first = segment.get(LONG_NATIVE, position);
            long second = segment.get(LONG_NATIVE, position + 8);
            even += (first >>> 32) + (first & 0xffffffffL);
            odd += (second >>> 32) + (second & 0xffffffffL);
            position += 16;
        }
        long sum = even + odd;
        if (position + 8 <= stop) {
            long word = segment.get(LONG_NATIVE, position);
            sum += (word >>> 32) + (word & 0xffffffffL);
            position += 8;
        }
        if (position + 4 <= stop) {
            sum += Integer.toUnsignedLong(segment.get(INT_NATIVE, position));
            position += 4;
        }
        if (position + 2 <= stop) {
            sum += Short.toUnsignedLong(segment.get(SHORT_NATIVE, position));
            position += 2;
        }
        if (position < stop) {
            // The odd last byte is the high byte of a big-endian word: in a swapped word, the low byte.
            long last = Byte.toUnsignedLong(segment.get(ValueLayout.JAVA_BYTE, position));
            sum += LITTLE_ENDIAN ? last : last << 8;
        }
        if (!LITTLE_ENDIAN) {
            return sum;
        }
        int folded = fold(sum);
        return ((folded & 0xff) << 8) | (folded >>> 8);
    }

    /** Partial sum of {@code length} data bytes of {@code packet} at {@code offset} (bounds checked). */
    public static long partial(Packet packet, int offset, int length) {
        if (offset < 0 || length < 0 || offset > packet.length() - length) {
            throw new PacketException("checksum of " + length + " bytes at offset " + offset
                    + " is outside packet data of length " + packet.length());
        }
        return partial(packet.buffer(), packet.dataOffset() + offset, length);
    }

    /** Partial sum of {@code length} bytes of {@code bytes} at {@code offset}. */
    public static long partial(byte[] bytes, int offset, int length) {
        return partial(MemorySegment.ofArray(bytes), offset, length);
    }

    /** Folds a partial sum to 16 bits without complementing it. */
    public static int fold(long sum) {
        sum = (sum >>> 32) + (sum & 0xffffffffL); // below 2^33
        sum = (sum >>> 16) + (sum & 0xffff); // below 2^17 + 2^16
        sum = (sum >>> 16) + (sum & 0xffff); // at most 0x10001
        sum = (sum >>> 16) + (sum & 0xffff); // at most 0xffff
        return (int) sum;
    }

    /** Folds and complements a partial sum: the value for a checksum field (0 over a correct region). */
    public static int finish(long sum) {
        return ~fold(sum) & 0xffff;
    }

    /** The Internet checksum of {@code length} data bytes of {@code packet} at {@code offset}. */
    public static int internet(Packet packet, int offset, int length) {
        return finish(partial(packet, offset, length));
    }

    /**
     * Partial sum of the IPv4 pseudo-header used by UDP and TCP (RFC 768, RFC 9293): source, destination,
     * protocol and transport length.
     */
    public static long ipv4PseudoHeader(int source, int destination, int protocol, int transportLength) {
        return (source >>> 16) + (source & 0xffff) + (destination >>> 16) + (destination & 0xffff)
                + (protocol & 0xff) + (transportLength & 0xffff);
    }

    /**
     * Partial sum of the IPv6 pseudo-header (RFC 8200 section 8.1): addresses as two big-endian longs each,
     * upper-layer packet length and next header.
     */
    public static long ipv6PseudoHeader(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow,
            int nextHeader, long upperLayerLength) {
        return halves(sourceHigh) + halves(sourceLow) + halves(destinationHigh) + halves(destinationLow)
                + (upperLayerLength >>> 32) + (upperLayerLength & 0xffffffffL) + (nextHeader & 0xff);
    }

    private static long halves(long word) {
        return (word >>> 32) + (word & 0xffffffffL);
    }

    /**
     * Updates checksum field {@code checksum} for a 16-bit word of the covered data changing from
     * {@code oldWord} to {@code newWord}: RFC 1624 equation 3, {@code HC' = ~(~HC + ~m + m')}, which never
     * produces the -0 that equation 2 can.
     */
    public static int update16(int checksum, int oldWord, int newWord) {
        long sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        return ~fold(sum) & 0xffff;
    }

    /** Updates checksum field {@code checksum} for a 32-bit value (an IPv4 address) changing; see {@link #update16}. */
    public static int update32(int checksum, int oldValue, int newValue) {
        long sum = (~checksum & 0xffff)
                + (~(oldValue >>> 16) & 0xffff) + (~oldValue & 0xffff)
                + (newValue >>> 16) + (newValue & 0xffff);
        return ~fold(sum) & 0xffff;
    }
}
