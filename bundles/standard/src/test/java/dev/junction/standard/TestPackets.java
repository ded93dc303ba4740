package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.net.IPv4;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.util.HexFormat;

/** The packets of the tests: raw bytes, counting bytes, Ethernet frames, IPv4 headers, and batches of them. */
final class TestPackets {
    /** The packet of Click's userlevel/iprouter-01 test: Ethernet, IPv4 1.0.0.1 -> 2.0.0.2, UDP. */
    static final String IPROUTER_FRAME = "0000c0ae67ef 000000000000 0800"
            + "45000028 00000000 401177c3 01000001 02000002"
            + "13691369 0014d641"
            + "55445020 7061636b 6574210a 04000000 01000000";

    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;

    private TestPackets() {
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    /** A packet holding {@code bytes}, from {@code pool}. */
    static Packet packet(PacketPool pool, byte[] bytes) {
        Packet packet = pool.allocate();
        packet.put(bytes.length);
        packet.setBytes(0, bytes, 0, bytes.length);
        return packet;
    }

    /**
     * An IPv4 header of {@code headerLength} bytes (options zero unless given) and {@code payload} bytes of
     * payload (counting bytes), with a correct checksum.
     */
    static byte[] ip(int source, int destination, int protocol, int ttl, int payload, byte[] options) {
        int headerLength = 20 + (options == null ? 0 : options.length);
        byte[] bytes = header(headerLength, payload, source, destination, protocol, ttl);
        bytes[4] = 0x12;
        bytes[5] = 0x34;
        if (options != null) {
            System.arraycopy(options, 0, bytes, 20, options.length);
        }
        for (int i = 0; i < payload; i++) {
            bytes[headerLength + i] = (byte) i;
        }
        fixChecksum(bytes, 0);
        return bytes;
    }

    /** An IPv4 header of {@code headerLength} bytes followed by {@code payload} zero bytes; ID and checksum 0. */
    private static byte[] header(int headerLength, int payload, int source, int destination, int protocol, int ttl) {
        byte[] bytes = new byte[headerLength + payload];
        bytes[0] = (byte) (0x40 | headerLength / 4);
        bytes[2] = (byte) (bytes.length >> 8);
        bytes[3] = (byte) bytes.length;
        bytes[8] = (byte) ttl;
        bytes[9] = (byte) protocol;
        putInt(bytes, 12, source);
        putInt(bytes, 16, destination);
        return bytes;
    }

    /**
     * A packet of an IPv4 header (20 bytes, TTL 64, ID and checksum 0) of {@code protocol} and a zeroed 8-byte
     * (UDP, ICMP) or 20-byte (TCP) transport header starting with the two ports; network header marked.
     */
    static Packet ipPacket(PacketPool pool, int protocol, String src, String dst, int sport, int dport) {
        byte[] bytes = header(20, protocol == TCP ? 20 : 8, IPv4.parse(src), IPv4.parse(dst), protocol, 64);
        bytes[20] = (byte) (sport >> 8);
        bytes[21] = (byte) sport;
        bytes[22] = (byte) (dport >> 8);
        bytes[23] = (byte) dport;
        Packet packet = packet(pool, bytes);
        packet.setNetworkHeader(0, 20);
        return packet;
    }

    static Packet udp(PacketPool pool, int sport, int dport) {
        return ipPacket(pool, UDP, "10.0.0.1", "10.0.0.2", sport, dport);
    }

    /** Click's Truncate: keeps the first {@code length} bytes. */
    static Packet truncate(Packet p, int length) {
        if (p.length() > length) {
            p.take(p.length() - length);
        }
        return p;
    }

    /** Click's EtherEncap(0x0800, 1:1:1:1:1:1, 2:2:2:2:2:2): pushes an Ethernet header and marks it. */
    static Packet etherEncap(Packet p) {
        p.push(14);
        p.setUnsigned48(0, 0x020202020202L);
        p.setUnsigned48(6, 0x010101010101L);
        p.setShort(12, 0x0800);
        p.setMacHeader(0);
        return p;
    }

    static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    static void fixChecksum(byte[] bytes, int offset) {
        int headerLength = (bytes[offset] & 0xf) * 4;
        bytes[offset + 10] = 0;
        bytes[offset + 11] = 0;
        int sum = Checksums.finish(Checksums.partial(bytes, offset, headerLength));
        bytes[offset + 10] = (byte) (sum >> 8);
        bytes[offset + 11] = (byte) sum;
    }

    /** Whether the IP header at the packet's network header has a correct checksum. */
    static boolean checksumOk(Packet packet) {
        int header = packet.networkHeaderOffset();
        int length = (packet.getUnsignedByte(header) & 0xf) * 4;
        return Checksums.internet(packet, header, length) == 0;
    }

    /** A packet whose network header is marked at {@code offset}. */
    static Packet marked(PacketPool pool, byte[] bytes, int offset) {
        Packet packet = packet(pool, bytes);
        packet.setNetworkHeader(offset, (bytes[offset] & 0xf) * 4);
        return packet;
    }

    /** A packet from the router's pool holding {@code bytes}. */
    static Packet packet(TestRouter router, byte... bytes) {
        return packet(router.pool, bytes);
    }

    /** A packet of {@code length} bytes 0, 1, 2, ... */
    static Packet counting(TestRouter router, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return packet(router, bytes);
    }

    /** A packet of {@code length} zero bytes with destination IP annotation {@code dstIp}. */
    static Packet zeros(PacketPool pool, int length, int dstIp) {
        Packet packet = packet(pool, new byte[length]);
        packet.setDstIp(dstIp);
        return packet;
    }

    /** A 60-byte Ethernet frame from {@code source} to {@code destination}, stamped {@code nanos}. */
    static Packet frame(PacketPool pool, long destination, long source, long nanos) {
        Packet packet = zeros(pool, 60, 0);
        packet.setUnsigned48(0, destination);
        packet.setUnsigned48(6, source);
        packet.setTimestampNanos(nanos);
        return packet;
    }

    /** A batch of {@code packets}. */
    static PacketBatch batch(Packet... packets) {
        PacketBatch batch = new PacketBatch(Math.max(packets.length, 1));
        for (Packet packet : packets) {
            batch.add(packet);
        }
        return batch;
    }

    /** Pushes {@code packets} into input 0 of {@code element} as one batch. */
    static void push(Element element, Packet... packets) {
        push(element, 0, packets);
    }

    /** Pushes {@code packets} into input {@code port} of {@code element} as one batch. */
    static void push(Element element, int port, Packet... packets) {
        element.push(port, batch(packets));
    }
}
