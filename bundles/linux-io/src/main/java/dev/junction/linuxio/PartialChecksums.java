package dev.junction.linuxio;

import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;

/**
 * Finishes the TCP and UDP checksums the kernel left for a device to compute. A frame sent by the host's own stack
 * on a device with checksum offload (veth does it by default) reaches a packet socket before any device computed
 * its checksum: the field holds only the pseudo-header's sum, and the kernel marks the frame TP_STATUS_CSUMNOTREADY.
 * Passed on as it is, such a frame is refused by its receiver; so FromDevice completes the sum over the transport
 * segment, as the device would have. Only untagged IPv4 (unfragmented) and IPv6 (no extension headers) frames with
 * TCP or UDP can be in that state; anything else is left alone.
 */
final class PartialChecksums {
    private static final int ETHER_HEADER = 14;
    private static final int TCP = 6;
    private static final int UDP = 17;

    private PartialChecksums() {
    }

    /** Completes the transport checksum of the Ethernet frame in {@code packet} if it is one of the kinds above. */
    static void complete(Packet packet) {
        int length = packet.length();
        if (length < ETHER_HEADER + 20) {
            return;
        }
        int type = packet.getUnsignedShort(12);
        int transport;
        int protocol;
        if (type == 0x0800) {
            int headerLength = (packet.getUnsignedByte(ETHER_HEADER) & 0x0F) * 4;
            if ((packet.getUnsignedShort(ETHER_HEADER + 6) & 0x3FFF) != 0 || headerLength < 20) {
                return;
            }
            protocol = packet.getUnsignedByte(ETHER_HEADER + 9);
            transport = ETHER_HEADER + headerLength;
            length = Math.min(length, ETHER_HEADER + packet.getUnsignedShort(ETHER_HEADER + 2));
        } else if (type == 0x86DD && length >= ETHER_HEADER + 40) {
            protocol = packet.getUnsignedByte(ETHER_HEADER + 6);
            transport = ETHER_HEADER + 40;
            length = Math.min(length, transport + packet.getUnsignedShort(ETHER_HEADER + 4));
        } else {
            return;
        }
        int field = protocol == TCP ? 16 : protocol == UDP ? 6 : -1;
        if (field < 0 || transport + field + 2 > length) {
            return;
        }
        int checksum = Checksums.finish(Checksums.partial(packet, transport, length - transport));
        if (protocol == UDP && checksum == 0) {
            checksum = 0xFFFF;
        }
        packet.setShort(transport + field, checksum);
    }
}
