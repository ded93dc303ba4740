package dev.junction.standard;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;

/** Hand-built IPv4 packets for the classifier tests, with the network header annotation set. */
final class IpPackets {
    private IpPackets() {
    }

    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;

    /** An IPv4 packet (20-byte header) of {@code protocol} with an 8-byte (UDP/ICMP) or 20-byte (TCP) transport header. */
    static Packet ip(PacketPool pool, int protocol, String src, String dst, int sport, int dport) {
        int transport = protocol == TCP ? 20 : 8;
        Packet p = pool.allocate();
        p.setWindow(64, 20 + transport);
        p.fill(0, p.length(), 0);
        p.setByte(0, 0x45);
        p.setShort(2, 20 + transport);
        p.setByte(8, 64);
        p.setByte(9, protocol);
        p.setInt(12, dev.junction.net.IPv4.parse(src));
        p.setInt(16, dev.junction.net.IPv4.parse(dst));
        p.setShort(20, sport);
        p.setShort(22, dport);
        p.setNetworkHeader(0, 20);
        return p;
    }

    static Packet udp(PacketPool pool, int sport, int dport) {
        return ip(pool, UDP, "10.0.0.1", "10.0.0.2", sport, dport);
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
}
