package dev.junction.standard;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.Arrays;

/**
 * A FIFO of packets for one thread that grows as needed (doubling, so a steady state allocates nothing): the
 * packets LinkUnqueue has on its emulated link and DelayUnqueue holds until their time.
 */
final class PacketRing {
    private Packet[] packets = new Packet[64];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The oldest packet; the ring must not be empty. */
    Packet first() {
        return packets[head];
    }

    /** The newest packet; the ring must not be empty. */
    Packet last() {
        return packets[(head + size - 1) & (packets.length - 1)];
    }

    /** Appends packets {@code from..size-1} of {@code batch}. */
    void addAll(PacketBatch batch, int from) {
        int count = batch.size() - from;
        if (size + count > packets.length) {
            grow(size + count);
        }
        Packet[] source = batch.array();
        int mask = packets.length - 1;
        for (int i = 0; i < count; i++) {
            packets[(head + size + i) & mask] = source[from + i];
        }
        size += count;
    }

    /** Moves the oldest packet into {@code into}. */
    void moveFirst(PacketBatch into) {
        into.add(packets[head]);
        packets[head] = null;
        head = (head + 1) & (packets.length - 1);
        size--;
    }

    /** Frees every packet; the ring is empty afterwards. */
    void killAll() {
        while (size > 0) {
            packets[head].kill();
            packets[head] = null;
            head = (head + 1) & (packets.length - 1);
            size--;
        }
    }

    private void grow(int needed) {
        int capacity = Integer.highestOneBit(Math.max(needed, 2) - 1) << 1;
        Packet[] grown = new Packet[capacity];
        int mask = packets.length - 1;
        for (int i = 0; i < size; i++) {
            grown[i] = packets[(head + i) & mask];
        }
        Arrays.fill(packets, null);
        packets = grown;
        head = 0;
    }
}
