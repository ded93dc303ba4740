package dev.junction.standard;

import dev.junction.packet.Packet;

/**
 * Click annotations that Junction's Packet has no named field for, kept in its user words. The assignment is
 * this bundle's convention; every element of the bundle reads them through here.
 */
final class Annotations {
    private Annotations() {
    }

    /**
     * User word holding Click's EXTRA_LENGTH annotation: bytes the packet had on the wire beyond its data
     * (Truncate adds what it cuts, Pad restores it, dump writers report it in the original length).
     */
    static final int EXTRA_LENGTH_WORD = 3;

    /**
     * User word holding the IP annotations of Click's ICMP path: the parameter-problem pointer and the
     * fix-IP-source flag (their layout is IPHeaders' business).
     */
    static final int IP_ANNOTATIONS_WORD = 2;

    static long extraLength(Packet packet) {
        return packet.userWord(EXTRA_LENGTH_WORD);
    }

    static void setExtraLength(Packet packet, long bytes) {
        packet.setUserWord(EXTRA_LENGTH_WORD, bytes);
    }
}
