package dev.junction.standard;

import java.util.Arrays;

/**
 * EtherSwitch's table: Ethernet address to port and time last seen, in open addressing with linear probing
 * over parallel arrays of primitives, so that a lookup or an update of a known address allocates nothing.
 * The arrays double when half full (only new addresses make it grow); removal shifts the following entries
 * back, so no tombstones accumulate.
 */
final class MacTable {
    private static final long EMPTY = -1; // Ethernet addresses are 48 bits: never -1

    private long[] keys;
    private int[] ports;
    private long[] stamps;
    private int mask;
    private int size;

    MacTable() {
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        ports = new int[capacity];
        stamps = new long[capacity];
        mask = capacity - 1;
        size = 0;
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 29);
    }

    /** The slot holding {@code address}, or -1. */
    int find(long address) {
        for (int slot = hash(address) & mask; ; slot = (slot + 1) & mask) {
            long key = keys[slot];
            if (key == address) {
                return slot;
            }
            if (key == EMPTY) {
                return -1;
            }
        }
    }

    /** Associates {@code address} with {@code port}, seen at {@code stamp}. */
    void put(long address, int port, long stamp) {
        int slot = hash(address) & mask;
        while (true) {
            long key = keys[slot];
            if (key == address) {
                break;
            }
            if (key == EMPTY) {
                if (2 * (size + 1) > keys.length) {
                    grow();
                    put(address, port, stamp);
                    return;
                }
                keys[slot] = address;
                size++;
                break;
            }
            slot = (slot + 1) & mask;
        }
        ports[slot] = port;
        stamps[slot] = stamp;
    }

    int port(int slot) {
        return ports[slot];
    }

    long stamp(int slot) {
        return stamps[slot];
    }

    /** Removes the entry in {@code slot}, moving back the entries of its probe run that may now sit earlier. */
    void removeAt(int slot) {
        int hole = slot;
        for (int next = (hole + 1) & mask; keys[next] != EMPTY; next = (next + 1) & mask) {
            int home = hash(keys[next]) & mask;
            // Move the entry into the hole unless its home lies cyclically in (hole, next].
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                keys[hole] = keys[next];
                ports[hole] = ports[next];
                stamps[hole] = stamps[next];
                hole = next;
            }
        }
        keys[hole] = EMPTY;
        size--;
    }

    int size() {
        return size;
    }

    /** The number of slots, for walking the entries in slot order with {@link #address}. */
    int capacity() {
        return keys.length;
    }

    /** The address in {@code slot}, or -1 if the slot is empty. */
    long address(int slot) {
        return keys[slot];
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldPorts = ports;
        long[] oldStamps = stamps;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldPorts[i], oldStamps[i]);
            }
        }
    }
}
