package dev.junction.standard;

import dev.junction.element.ArgParser;
import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.net.IPv4Prefix;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import java.util.Arrays;
import java.util.List;

/**
 * CheckIPHeader's test of an IPv4 header, shared with IPInputCombo: lengths, version, checksum and the
 * RFC 1812 bad-source rule, then the annotations a good packet gets (network header, destination address) and
 * the trim of bytes past the IP length.
 *
 * <p>The common case reads the 20-byte header in three wide accesses and sums the checksum from them, so a
 * packet without options costs a handful of loads and no allocation.
 */
final class IPHeaderCheck {
    /** {@link #check} found nothing wrong. */
    static final int OK = -1;
    static final int TINY = 0;
    static final int BAD_VERSION = 1;
    static final int BAD_HEADER_LENGTH = 2;
    static final int BAD_LENGTH = 3;
    static final int BAD_CHECKSUM = 4;
    static final int BAD_SOURCE = 5;
    /** Click's reason texts, indexed by reason. */
    static final List<String> REASONS = List.of("tiny packet", "bad IP version", "bad IP header length",
            "bad IP length", "bad IP checksum", "bad source address");

    /** The parsed INTERFACES argument: bad sources (directed broadcasts, 0, 255.255.255.255) and good destinations. */
    record Interfaces(int[] badSources, int[] goodDestinations) {
    }

    /** Click's CheckIPHeader INTERFACES argument: prefixes whose broadcast addresses are bad sources. */
    static final ArgParser<Interfaces> INTERFACES = ArgParser.of("list of IP address prefixes", (text, args) -> {
        List<String> words = Args.words(text);
        int[] bad = new int[words.size() + 2];
        int[] good = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            IPv4Prefix prefix = ArgTypes.IPV4_ADDRESS_OR_PREFIX.parse(words.get(i), args);
            bad[i] = (prefix.address() & prefix.mask()) | ~prefix.mask();
            good[i] = prefix.address();
        }
        bad[words.size()] = 0;
        bad[words.size() + 1] = 0xffffffff;
        return new Interfaces(bad, good);
    });

    /** Click's old positional BADSRC: a list of addresses, to which 0.0.0.0 and 255.255.255.255 are added. */
    static final ArgParser<int[]> OLD_BAD_SOURCES = ArgParser.of("list of IP address", (text, args) -> {
        int[] listed = IPHeaders.ADDRESS_LIST.parse(text, args);
        int[] bad = Arrays.copyOf(listed, listed.length + 2);
        bad[listed.length] = 0;
        bad[listed.length + 1] = 0xffffffff;
        return bad;
    });

    private int[] badSources = new int[0];
    private int[] goodDestinations = new int[0];
    private boolean checksum = true;

    /** Reads INTERFACES, BADSRC and GOODDST (keywords), in Click's order: later ones replace earlier ones. */
    void readAddressKeywords(Args args) {
        Interfaces interfaces = args.read("INTERFACES", INTERFACES, null);
        if (interfaces != null) {
            badSources = interfaces.badSources();
            goodDestinations = interfaces.goodDestinations();
        }
        badSources = args.read("BADSRC", IPHeaders.ADDRESS_LIST, badSources);
        goodDestinations = args.read("GOODDST", IPHeaders.ADDRESS_LIST, goodDestinations);
    }

    void setBadSources(int[] addresses) {
        badSources = addresses;
    }

    void setChecksum(boolean check) {
        checksum = check;
    }

    boolean checksum() {
        return checksum;
    }

    int[] badSources() {
        return badSources;
    }

    int[] goodDestinations() {
        return goodDestinations;
    }

    /**
     * Checks the IP header at {@code offset}. Returns {@link #OK} after marking the network header, trimming the
     * data to the IP length and setting the destination address annotation; otherwise the reason (the packet is
     * untouched). Never throws.
     */
    int check(Packet packet, int offset) {
        int available = packet.length() - offset;
        if (offset < 0 || available < IPHeaders.MIN_HEADER) {
            return TINY;
        }
        long first = packet.getLong(offset); // version+IHL, TOS, total length, id, fragment offset
        int versionAndLength = (int) (first >>> 56);
        if (versionAndLength >>> 4 != 4) {
            return BAD_VERSION;
        }
        int headerLength = (versionAndLength & 0xf) << 2;
        if (headerLength < IPHeaders.MIN_HEADER) {
            return BAD_HEADER_LENGTH;
        }
        int length = (int) (first >>> 32) & 0xffff;
        if (length > available || length < headerLength) {
            return BAD_LENGTH;
        }
        long second = packet.getLong(offset + 8); // TTL, protocol, checksum, source
        int destination = packet.getInt(offset + 16);
        if (checksum) {
            long sum = (first >>> 32) + (first & 0xffffffffL) + (second >>> 32) + (second & 0xffffffffL)
                    + Integer.toUnsignedLong(destination);
            if (headerLength > IPHeaders.MIN_HEADER) {
                sum += Checksums.partial(packet, offset + IPHeaders.MIN_HEADER, headerLength - IPHeaders.MIN_HEADER);
            }
            // Fold without a loop: five 32-bit words and the options sum fit in 48 bits.
            sum = (sum & 0xffffffffL) + (sum >>> 32);
            sum = (sum & 0xffff) + (sum >>> 16);
            sum = (sum & 0xffff) + (sum >>> 16);
            if ((sum & 0xffff) + (sum >>> 16) != 0xffff) {
                return BAD_CHECKSUM;
            }
        }
        if (badSources.length != 0 && IPHeaders.contains(badSources, (int) second)
                && !IPHeaders.contains(goodDestinations, destination)) {
            return BAD_SOURCE;
        }
        packet.setNetworkHeader(offset, headerLength);
        if (available > length) {
            packet.take(available - length);
        }
        packet.setDstIp(destination);
        return OK;
    }
}
