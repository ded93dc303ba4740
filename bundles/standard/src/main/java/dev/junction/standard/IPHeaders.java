package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.net.IPv4;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketType;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv4 header operations shared by the IP elements and their combinations (DecIPTTL and IPOutputCombo, FixIPSrc
 * and IPOutputCombo, ...), and Click's annotations that Junction keeps in a user word.
 *
 * <p>Click keeps the ICMP parameter-problem pointer and the "fix IP source" flag in annotation bytes; Junction
 * keeps both in user word {@link #IP_ANNO_WORD}: bits 0-7 the pointer, bit 8 the flag.
 */
final class IPHeaders {
    /** The user annotation word holding the ICMP parameter-problem pointer and the fix-IP-source flag. */
    static final int IP_ANNO_WORD = Annotations.IP_ANNOTATIONS_WORD;
    private static final long PARAMPROB_MASK = 0xff;
    private static final long FIX_IP_SRC_BIT = 0x100;

    static final int MIN_HEADER = 20;
    static final int PROTO_ICMP = 1;
    static final int IP_DF = 0x4000;
    static final int IP_MF = 0x2000;
    static final int IP_OFFMASK = 0x1fff;

    /** Click's list of IP addresses ({@code Vector<IPAddress>}): addresses separated by spaces. */
    static final ArgParser<int[]> ADDRESS_LIST = ArgParser.of("list of IP address", (text, args) -> {
        List<String> words = Args.words(text);
        int[] addresses = new int[words.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = ArgTypes.IPV4_ADDRESS.parse(words.get(i), args);
        }
        return addresses;
    });

    private IPHeaders() {
    }

    // ---------------------------------------------------------------- annotations

    /** Click's FIX_IP_SRC_ANNO: whether a later FixIPSrc should set the source address. */
    static boolean fixIpSrc(Packet packet) {
        return (packet.userWord(IP_ANNO_WORD) & FIX_IP_SRC_BIT) != 0;
    }

    static void setFixIpSrc(Packet packet, boolean fix) {
        long word = packet.userWord(IP_ANNO_WORD);
        packet.setUserWord(IP_ANNO_WORD, fix ? word | FIX_IP_SRC_BIT : word & ~FIX_IP_SRC_BIT);
    }

    /** Click's ICMP_PARAMPROB_ANNO: the offset in the IP header of the byte a parameter problem is about. */
    static int paramProblem(Packet packet) {
        return (int) (packet.userWord(IP_ANNO_WORD) & PARAMPROB_MASK);
    }

    static void setParamProblem(Packet packet, int offset) {
        long word = packet.userWord(IP_ANNO_WORD);
        packet.setUserWord(IP_ANNO_WORD, (word & ~PARAMPROB_MASK) | (offset & PARAMPROB_MASK));
    }

    /** Whether the packet arrived as a link-level broadcast or multicast (what DropBroadcasts drops). */
    static boolean isLinkBroadcast(Packet packet) {
        PacketType type = packet.packetType();
        return type == PacketType.BROADCAST || type == PacketType.MULTICAST;
    }

    static boolean contains(int[] addresses, int address) {
        for (int candidate : addresses) {
            if (candidate == address) {
                return true;
            }
        }
        return false;
    }

    static boolean isMulticast(int address) {
        return (address & 0xf0000000) == 0xe0000000;
    }

    // ---------------------------------------------------------------- headers

    /**
     * The offset of the packet's network header if a whole minimal IPv4 header and the header length its first
     * byte claims fit in the data; -1 otherwise (no header marked, or a truncated one).
     */
    static int networkHeader(Packet packet) {
        int offset = packet.networkHeaderOffset();
        if (offset == Packet.NO_HEADER || offset < 0 || offset > packet.length() - MIN_HEADER) {
            return -1;
        }
        int headerLength = (packet.getUnsignedByte(offset) & 0xf) << 2;
        return headerLength <= packet.length() - offset ? offset : -1;
    }

    /** The header length the IP header at {@code offset} claims (ip_hl times 4). */
    static int headerLength(Packet packet, int offset) {
        return (packet.getUnsignedByte(offset) & 0xf) << 2;
    }

    /** Recomputes the header checksum of the {@code headerLength}-byte IP header at {@code offset}. */
    static void setChecksum(Packet packet, int offset, int headerLength) {
        packet.setShort(offset + 10, 0);
        packet.setShort(offset + 10, Checksums.internet(packet, offset, headerLength));
    }

    /**
     * The offset of the packet's network header if a minimal (20-byte) IPv4 header fits there; -1 otherwise.
     * Cheaper than {@link #networkHeader}: for elements that touch only the fixed header (DecIPTTL).
     */
    static int fixedHeader(Packet packet) {
        int offset = packet.networkHeaderOffset();
        return offset == Packet.NO_HEADER || offset < 0 || offset > packet.length() - MIN_HEADER ? -1 : offset;
    }

    /**
     * Decrements the TTL of the IP header at {@code offset}, updating the checksum incrementally (RFC 1624):
     * {@code word} is the header's TTL, protocol and checksum word as the caller read it (checking that the
     * TTL is above 1), so the update is one 32-bit write.
     */
    static void decrementTtl(Packet packet, int offset, int word) {
        // The TTL is the high byte of its 16-bit word, so that word drops by 0x0100: ~m + m' = 0xFEFF.
        int sum = (~word & 0xffff) + 0xfeff;
        int checksum = ~(sum + (sum >>> 16)) & 0xffff;
        packet.setInt(offset + 8, ((word - 0x01000000) & 0xffff0000) | checksum);
    }

    /**
     * FixIPSrc's change: clears the fix-IP-source annotation and sets the source address of the IP header at
     * {@code offset}. The caller recomputes the checksum (once, if it changes other fields too).
     */
    static void fixSource(Packet packet, int offset, int address) {
        setFixIpSrc(packet, false);
        packet.setInt(offset + 12, address);
    }

    /** A byte of the data, or 0 past its end: option parsers read like Click but never outside the packet. */
    static int byteAt(Packet packet, int offset) {
        return offset >= 0 && offset < packet.length() ? packet.getUnsignedByte(offset) : 0;
    }

    /** Prints a Click-style chatter line (standard error, as Click's {@code click_chatter}). */
    static void chatter(String line) {
        System.err.println(line);
    }

    static String formatAddresses(int[] addresses) {
        List<String> words = new ArrayList<>(addresses.length);
        for (int address : addresses) {
            words.add(IPv4.format(address));
        }
        return String.join(" ", words);
    }
}
