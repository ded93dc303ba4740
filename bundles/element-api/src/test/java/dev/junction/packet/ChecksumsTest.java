package dev.junction.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (carries folded).
        byte[] data = hex("0001 f203 f4f5 f6f7");
        assertEquals(0xddf2, Checksums.fold(Checksums.partial(data, 0, data.length)));
        assertEquals(0x220d, Checksums.finish(Checksums.partial(data, 0, data.length)));
    }

    @Test
    void ipv4HeaderChecksumKnownVector() {
        // A captured IPv4 header whose checksum field holds b861.
        byte[] header = hex("4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7");
        assertEquals(0xb861, Checksums.finish(Checksums.partial(header, 0, 20)));
        header[10] = (byte) 0xb8;
        header[11] = (byte) 0x61;
        assertEquals(0, Checksums.finish(Checksums.partial(header, 0, 20)), "a correct header verifies to 0");
    }

    @Test
    void oddLengthPadsTheLastByteWithZero() {
        byte[] odd = hex("0102 03");
        byte[] padded = hex("0102 0300");
        assertEquals(Checksums.fold(Checksums.partial(padded, 0, 4)), Checksums.fold(Checksums.partial(odd, 0, 3)));
        for (int length = 0; length <= 300; length++) {
            for (int offset = 0; offset < 8; offset++) {
                byte[] data = new byte[offset + length];
                new Random(31L * length + offset).nextBytes(data);
                byte[] piece = java.util.Arrays.copyOfRange(data, offset, offset + length);
                assertEquals(slowSum(piece), Checksums.fold(Checksums.partial(data, offset, length)),
                        "length " + length + " at offset " + offset);
            }
        }
    }

    private static int slowSum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int high = data[i] & 0xff;
            int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            sum += high << 8 | low;
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    @Test
    void packetChecksumIsBoundsChecked() {
        try (PacketPool pool = PacketPool.create("sum", 1)) {
            Packet packet = pool.allocate();
            packet.put(20);
            packet.setBytes(0, hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7"), 0, 20);
            assertEquals(0, Checksums.internet(packet, 0, 20));
            packet.pull(2);
            assertThrows(PacketException.class, () -> Checksums.internet(packet, 0, 20));
            assertThrows(PacketException.class, () -> Checksums.partial(packet, -1, 2));
        }
    }

    @Test
    void udpOverIpv4WithPseudoHeader() {
        // UDP 198.18.0.1:1234 -> 198.18.0.2:4789, payload "hello!": checksum computed by hand-checked sum.
        int source = 0xc6120001;
        int destination = 0xc6120002;
        byte[] udp = hex("04d2 12b5 000e 0000 6865 6c6c 6f21");
        long sum = Checksums.ipv4PseudoHeader(source, destination, 17, udp.length) + Checksums.partial(udp, 0, udp.length);
        int checksum = Checksums.finish(sum);
        // Independent computation over the explicit pseudo-header bytes.
        byte[] explicit = hex("c612 0001 c612 0002 0011 000e 04d2 12b5 000e 0000 6865 6c6c 6f21");
        assertEquals(Checksums.finish(Checksums.partial(explicit, 0, explicit.length)), checksum);
        udp[6] = (byte) (checksum >>> 8);
        udp[7] = (byte) checksum;
        assertEquals(0, Checksums.finish(Checksums.ipv4PseudoHeader(source, destination, 17, udp.length)
                + Checksums.partial(udp, 0, udp.length)));
    }

    @Test
    void ipv6PseudoHeaderMatchesTheExplicitBytes() {
        byte[] explicit = hex("2001 0db8 0000 0000 0000 0000 0000 0001"
                + "2001 0db8 0000 0000 0000 0000 0000 0002"
                + "0000 0008 0000 0011");
        long expected = Checksums.partial(explicit, 0, explicit.length);
        long actual = Checksums.ipv6PseudoHeader(0x20010db800000000L, 1L, 0x20010db800000000L, 2L, 17, 8);
        assertEquals(Checksums.fold(expected), Checksums.fold(actual));
    }

    @Test
    void rfc1624Example() {
        // RFC 1624 section 4: HC 0xdd2f, a word changes from 0x5555 to 0x3285; equation 3 gives 0x0000.
        assertEquals(0x0000, Checksums.update16(0xdd2f, 0x5555, 0x3285));
    }

    @Test
    void incrementalUpdatesKeepRandomHeadersValid() {
        Random random = new Random(1624);
        for (int round = 0; round < 2000; round++) {
            byte[] header = new byte[20];
            random.nextBytes(header);
            header[10] = 0;
            header[11] = 0;
            int checksum = Checksums.finish(Checksums.partial(header, 0, 20));
            header[10] = (byte) (checksum >>> 8);
            header[11] = (byte) checksum;

            int wordAt = 2 * random.nextInt(10);
            if (wordAt == 10) {
                continue;
            }
            int oldWord = (header[wordAt] & 0xff) << 8 | header[wordAt + 1] & 0xff;
            int newWord = random.nextInt(0x10000);
            header[wordAt] = (byte) (newWord >>> 8);
            header[wordAt + 1] = (byte) newWord;
            checksum = Checksums.update16(checksum, oldWord, newWord);
            header[10] = (byte) (checksum >>> 8);
            header[11] = (byte) checksum;
            assertEquals(0, Checksums.finish(Checksums.partial(header, 0, 20)), "16-bit update, round " + round);

            int oldAddress = readInt(header, 12);
            int newAddress = random.nextInt();
            writeInt(header, 12, newAddress);
            checksum = Checksums.update32(checksum, oldAddress, newAddress);
            header[10] = (byte) (checksum >>> 8);
            header[11] = (byte) checksum;
            assertEquals(0, Checksums.finish(Checksums.partial(header, 0, 20)), "32-bit update, round " + round);
        }
    }

    @Test
    void ttlDecrementMatchesFullRecomputation() {
        // DecIPTTL's case: TTL 64 -> 63 changes the word (ttl << 8 | protocol).
        byte[] header = hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7");
        int updated = Checksums.update16(0xb861, 0x4011, 0x3f11);
        header[8] = 0x3f;
        header[10] = 0;
        header[11] = 0;
        assertEquals(Checksums.finish(Checksums.partial(header, 0, 20)), updated);
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
