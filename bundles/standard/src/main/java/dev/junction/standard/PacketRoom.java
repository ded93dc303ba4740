package dev.junction.standard;

import dev.junction.packet.Packet;
import java.lang.foreign.MemorySegment;

/**
 * Makes room in a packet's buffer where Click would reallocate it: Click's {@code push} and {@code put} copy a
 * packet into a larger buffer when its headroom or tailroom is short. Junction's buffers have a fixed size, so
 * the data moves within its own buffer instead (header marks move with it); only a packet whose whole buffer is
 * too small cannot get the room. This is the cold path: a pool's headroom normally covers every push.
 */
final class PacketRoom {
    private PacketRoom() {
    }

    /** Whether {@code packet} has, or now has after moving its data back, {@code bytes} bytes of headroom. */
    static boolean headroom(Packet packet, int bytes) {
        int headroom = packet.headroom();
        if (headroom >= bytes) {
            return true;
        }
        if (bytes > headroom + packet.tailroom()) {
            return false;
        }
        move(packet, bytes);
        return true;
    }

    /** Whether {@code packet} has, or now has after moving its data forward, {@code bytes} bytes of tailroom. */
    static boolean tailroom(Packet packet, int bytes) {
        int tailroom = packet.tailroom();
        if (tailroom >= bytes) {
            return true;
        }
        if (bytes > tailroom + packet.headroom()) {
            return false;
        }
        move(packet, packet.capacity() - packet.length() - bytes);
        return true;
    }

    /** Moves the data so that it starts at {@code newHeadroom}, keeping the header marks on the same bytes. */
    private static void move(Packet packet, int newHeadroom) {
        int mac = packet.macHeaderOffset();
        int network = packet.networkHeaderOffset();
        int transport = packet.transportHeaderOffset();
        int length = packet.length();
        MemorySegment buffer = packet.buffer();
        MemorySegment.copy(buffer, packet.dataOffset(), buffer, newHeadroom, length);
        packet.setWindow(newHeadroom, length);
        packet.clearHeaders();
        if (mac != Packet.NO_HEADER) {
            packet.setMacHeader(mac);
        }
        if (network != Packet.NO_HEADER) {
            packet.setNetworkHeader(network, 0);
        }
        if (transport != Packet.NO_HEADER) {
            packet.setTransportHeader(transport);
        }
    }
}
