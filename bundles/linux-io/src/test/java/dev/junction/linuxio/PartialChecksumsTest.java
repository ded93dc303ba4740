package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Completing an offloaded checksum gives the checksum the frame would have had: frames of random lengths with a
 * correct TCP or UDP checksum over IPv4 or IPv6 are put in the kernel's unfinished state (the field holding the
 * pseudo-header's folded sum) and completed; other frames are left untouched.
 */
class PartialChecksumsTest {
    private final Random random = new Random(42);

    @Test
    void completedChecksumsEqualTheOriginals() {
        try (PacketPool pool = PacketPool.create("checksums", 4)) {
            for (int round = 0; round < 2000; round++) {
                boolean ipv6 = random.nextBoolean();
                int protocol = random.nextBoolean() ? 6 : 17;
                int network = ipv6 ? 40 : 20;
                int transportLength = (protocol == 6 ? 20 : 8) + random.nextInt(300);
                Packet packet = pool.allocate();
                packet.put(14 + network + transportLength);
                for (int i = 0; i < packet.length(); i++) {
                    packet.setByte(i, random.nextInt(256));
                }
                int field = 14 + network + (protocol == 6 ? 16 : 6);
                long pseudo;
                if (ipv6) {
                    packet.setShort(12, 0x86DD);
                    packet.setByte(14, 0x60);
                    packet.setShort(14 + 4, transportLength);
                    packet.setByte(14 + 6, protocol);
                    pseudo = Checksums.ipv6PseudoHeader(packet.getLong(22), packet.getLong(30), packet.getLong(38),
                            packet.getLong(46), protocol, transportLength);
                } else {
                    packet.setShort(12, 0x0800);
                    packet.setByte(14, 0x45);
                    packet.setShort(16, 20 + transportLength);
                    packet.setShort(20, 0);
                    packet.setByte(23, protocol);
                    pseudo = Checksums.ipv4PseudoHeader(packet.getInt(26), packet.getInt(30), protocol,
                            transportLength);
                }
                if (protocol == 17) {
                    packet.setShort(14 + network + 4, transportLength);
                }
                packet.setShort(field, 0);
                int correct = Checksums.finish(pseudo + Checksums.partial(packet, 14 + network, transportLength));
                if (protocol == 17 && correct == 0) {
                    correct = 0xFFFF;
                }
                // The kernel's unfinished state: the pseudo-header's folded sum, not complemented.
                packet.setShort(field, Checksums.fold(pseudo));
                PartialChecksums.complete(packet);
                assertEquals(correct, packet.getUnsignedShort(field), "round " + round);
                packet.kill();
            }
        }
    }

    @Test
    void otherFramesAreLeftAlone() {
        try (PacketPool pool = PacketPool.create("checksums", 4)) {
            Packet packet = pool.allocate();
            packet.put(80);
            packet.setShort(12, 0x0806);
            packet.setShort(40, 0x1234);
            PartialChecksums.complete(packet);
            assertEquals(0x1234, packet.getUnsignedShort(40), "ARP untouched");
            packet.setShort(12, 0x0800);
            packet.setByte(14, 0x45);
            packet.setShort(16, 66);
            packet.setShort(20, 0x2000);
            packet.setByte(23, 17);
            packet.setShort(14 + 20 + 6, 0x1234);
            PartialChecksums.complete(packet);
            assertEquals(0x1234, packet.getUnsignedShort(14 + 20 + 6), "a fragment untouched");
            packet.kill();
        }
    }
}
