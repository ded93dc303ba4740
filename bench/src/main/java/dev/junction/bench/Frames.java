package dev.junction.bench;

import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;

/** The 64-byte test frame of shared/notes/anchors.md: Ethernet, IPv4, UDP, zero payload, valid checksum. */
final class Frames {
    static final int LENGTH = 64;

    private Frames() {
    }

    /** Writes the frame into the first 64 data bytes of {@code packet}. */
    static void writeUdpFrame(Packet packet) {
        packet.fill(0, LENGTH, 0);
        packet.setUnsigned48(0, 0x0200_0000_0002L);      // destination MAC
        packet.setUnsigned48(6, 0x0200_0000_0001L);      // source MAC
        packet.setShort(12, 0x0800);                     // IPv4
        packet.setByte(14, 0x45);                        // version 4, IHL 5
        packet.setShort(16, LENGTH - 14);                // total length
        packet.setByte(22, 64);                          // TTL
        packet.setByte(23, 17);                          // UDP
        packet.setInt(26, 0xc612_0001);                  // 198.18.0.1
        packet.setInt(30, 0xc612_0002);                  // 198.18.0.2
        packet.setShort(24, Checksums.internet(packet, 14, 20));
        packet.setShort(34, 1234);
        packet.setShort(36, 4789);
        packet.setShort(38, LENGTH - 34);
    }
}
