package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.HandlerException;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;

/**
 * The fixed part of a 20-byte IPv4 header that an encapsulating element writes on every packet (IPEncap,
 * UDPIPEncap), prepared once so that each packet costs three stores and a checksum finished from a
 * precomputed partial sum: as Click keeps a checksummed header and updates it for length, ID and destination.
 */
final class IPv4Template {
    static final int LENGTH = 20;
    /** The DST setting that takes each packet's destination from its annotation. */
    static final String DST_ANNO = "DST_ANNO";

    private final long first;
    private final long second;
    private final long fixedSum;

    /**
     * A header with version 4, header length 5, {@code tos}, fragment word {@code fragment} (flags and offset),
     * {@code ttl}, {@code protocol} and source {@code source}.
     */
    IPv4Template(int tos, int fragment, int ttl, int protocol, int source) {
        first = 0x45L << 56 | (long) (tos & 0xFF) << 48 | (fragment & 0xFFFF);
        second = (long) (ttl & 0xFF) << 56 | (long) (protocol & 0xFF) << 48 | (source & 0xFFFF_FFFFL);
        fixedSum = (0x4500 | (tos & 0xFF)) + (fragment & 0xFFFF) + ((ttl & 0xFF) << 8 | (protocol & 0xFF))
                + (source >>> 16) + (source & 0xFFFF);
    }

    /**
     * Writes the header at the front of {@code packet}'s data (20 bytes that must exist) with total length
     * {@code totalLength}, identification {@code id} and destination {@code destination}, checksum included.
     */
    void write(Packet packet, int totalLength, int id, int destination) {
        int length = totalLength & 0xFFFF;
        int ident = id & 0xFFFF;
        long sum = fixedSum + length + ident + (destination >>> 16) + (destination & 0xFFFF);
        int checksum = Checksums.finish(sum);
        packet.setLong(0, first | (long) length << 32 | (long) ident << 16);
        packet.setLong(8, second | (long) checksum << 32);
        packet.setInt(16, destination);
    }

    /**
     * The destination of a packet being encapsulated: its destination annotation with DST_ANNO
     * ({@code fromAnnotation}), else {@code fixed}, which then becomes the annotation too.
     */
    static int destination(Packet packet, boolean fromAnnotation, int fixed) {
        if (fromAnnotation) {
            return packet.dstIp();
        }
        packet.setDstIp(fixed);
        return fixed;
    }

    /** A dst handler's value: -1 for DST_ANNO, else the address (unsigned); {@code error} if it is neither. */
    static long parseDestination(String value, String error) throws HandlerException {
        String text = value.strip();
        if (text.equals(DST_ANNO)) {
            return -1;
        }
        return HandlerValues.parse(ArgTypes.IPV4_ADDRESS, text, error) & 0xFFFF_FFFFL;
    }
}
