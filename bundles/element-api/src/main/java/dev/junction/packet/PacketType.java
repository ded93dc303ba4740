package dev.junction.packet;

/**
 * Link-level packet type, as Click's {@code PACKET_TYPE_ANNO} and Linux's {@code sll_pkttype} use it:
 * to whom the frame was addressed on the link it arrived on.
 */
public enum PacketType {
    /** Addressed to this host. */
    HOST,
    /** Sent to the link's broadcast address. */
    BROADCAST,
    /** Sent to a multicast group. */
    MULTICAST,
    /** Addressed to another host (seen in promiscuous mode). */
    OTHERHOST,
    /** Sent by this host. */
    OUTGOING,
    /** Looped back by this host. */
    LOOPBACK
}
