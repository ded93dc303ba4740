package dev.junction.standard;

import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The ARP table behind ARPQuerier, with Click's ARPTable rules: entries keyed by IP address, kept in age order
 * for expiry, each with the packets waiting for its answer; capacities on entries, on waiting packets overall
 * and per entry; polls limited to ten a second per address (one every two seconds after ten unanswered).
 *
 * <p>Lookups by the forwarding path use an open-addressing map on the raw {@code int}, so they allocate nothing.
 * Times are nanoseconds on the router's clock.
 */
final class ArpTable {
    static final long SECOND = 1_000_000_000L;
    /** {@link #appendQuery}: the entry became known meanwhile; look it up again. */
    static final int AGAIN = -2;
    /** {@link #appendQuery}: the packet could not be kept (per-entry capacity); the caller drops it. */
    static final int FULL = -1;

    static final class Entry {
        final int ip;
        long ether;
        boolean known;
        int pollsSinceReply;
        long liveAt;
        long polledAt;
        ArrayDeque<Packet> waiting;
        Entry older;
        Entry newer;

        Entry(int ip) {
            this.ip = ip;
        }

        int waitingCount() {
            return waiting == null ? 0 : waiting.size();
        }
    }

    long timeout = 300 * SECOND;
    long packetCapacity = 2048;
    long entryCapacity;
    long entryPacketCapacity;
    long slimFactor = 2;

    private int entryCount;
    private int packetCount;
    private long drops;
    private Entry oldest;
    private Entry newest;
    private int[] keys = new int[16];
    private Entry[] values = new Entry[16];

    /** The Ethernet address found by the last successful {@link #lookup}. */
    long foundEther;

    int entryCount() {
        return entryCount;
    }

    int packetCount() {
        return packetCount;
    }

    long drops() {
        return drops;
    }

    private boolean expired(Entry entry, long now) {
        return timeout != 0 && entry.liveAt + timeout < now;
    }

    private boolean known(Entry entry, long now) {
        return entry.known && !expired(entry, now);
    }

    private static boolean allowPoll(Entry entry, long now) {
        return now >= entry.polledAt + (entry.pollsSinceReply >= 10 ? 2 * SECOND : SECOND / 10);
    }

    private static void markPoll(Entry entry, long now) {
        entry.polledAt = now;
        if (entry.pollsSinceReply < 255) {
            entry.pollsSinceReply++;
        }
    }

    /**
     * Looks {@code ip} up: -1 if it is not known; 0 if it is, with its address in {@link #foundEther}; 1 if it
     * is but is older than {@code pollTimeout} (non-zero) and may be polled now, which counts as a poll.
     */
    int lookup(int ip, long now, long pollTimeout) {
        Entry entry = find(ip);
        if (entry == null || !known(entry, now)) {
            return -1;
        }
        foundEther = entry.ether;
        if (pollTimeout != 0 && now >= entry.liveAt + pollTimeout && allowPoll(entry, now)) {
            markPoll(entry, now);
            return 1;
        }
        return 0;
    }

    /**
     * Records that {@code ip} is at {@code ether} (the broadcast address makes it unknown); returns the packets
     * that waited for it, oldest first, or null.
     */
    ArrayDeque<Packet> insert(int ip, long ether, long now) {
        Entry entry = ensure(ip, now);
        entry.ether = ether;
        entry.known = ether != EtherAddress.BROADCAST;
        entry.liveAt = now;
        entry.pollsSinceReply = 0;
        entry.polledAt = now - SECOND;
        unlink(entry);
        linkNewest(entry);
        ArrayDeque<Packet> waiting = entry.waiting;
        entry.waiting = null;
        if (waiting != null) {
            packetCount -= waiting.size();
        }
        return waiting;
    }

    /**
     * Keeps {@code packet} until {@code ip} is known. Returns 1 if a query should be sent now, 0 if not,
     * {@link #FULL} if the packet was refused, {@link #AGAIN} if the address is known after all.
     */
    int appendQuery(int ip, Packet packet, long now) {
        Entry entry = ensure(ip, now);
        if (known(entry, now)) {
            return AGAIN;
        }
        if (timeout != 0 && entry.liveAt < now - timeout) {
            // Keep an entry that is still wanted just short of expiring, so that slim() below spares it.
            entry.liveAt = now - timeout;
            Entry next = entry.newer;
            while (next != null && next.liveAt < entry.liveAt) {
                next = next.newer;
            }
            if (next != entry.newer) {
                unlink(entry);
                linkBefore(entry, next);
            }
        }
        if (entryPacketCapacity != 0 && entry.waitingCount() >= entryPacketCapacity) {
            drops++;
            return FULL;
        }
        packetCount++;
        if (packetCapacity != 0 && packetCount > packetCapacity) {
            slim(now);
        }
        if (entry.waiting == null) {
            entry.waiting = new ArrayDeque<>();
        }
        entry.waiting.addLast(packet);
        if (allowPoll(entry, now)) {
            markPoll(entry, now);
            return 1;
        }
        return 0;
    }

    /** Removes expired entries and entries over capacity, then waiting packets over capacity, oldest first. */
    void slim(long now) {
        while (oldest != null && (expired(oldest, now) || (entryCapacity != 0 && entryCount > entryCapacity))) {
            Entry entry = oldest;
            remove(entry.ip);
            unlink(entry);
            packetCount -= entry.waitingCount();
            drops += entry.waitingCount();
            killWaiting(entry);
            entryCount--;
        }
        if (packetCapacity != 0 && packetCount > packetCapacity) {
            long slimCapacity = Math.max(1, packetCapacity - packetCapacity / slimFactor);
            for (Entry entry = oldest; entry != null && packetCount > slimCapacity; entry = entry.newer) {
                while (entry.waitingCount() > 0 && packetCount > slimCapacity) {
                    entry.waiting.pollFirst().kill();
                    packetCount--;
                    drops++;
                }
            }
        }
    }

    /** Forgets every entry, dropping the waiting packets. */
    void clear() {
        for (Entry entry = oldest; entry != null; entry = entry.newer) {
            drops += entry.waitingCount();
            killWaiting(entry);
        }
        oldest = null;
        newest = null;
        keys = new int[16];
        values = new Entry[16];
        entryCount = 0;
        packetCount = 0;
    }

    /**
     * The entries in age order as JDK and element-api values, for a hot swap (the successor may be of another
     * revision of this bundle, so the table cannot travel as itself): per entry an {@code Object[]} of the
     * address, the Ethernet address, known, polls since the last reply, the live and polled times, and the list of
     * waiting packets. The table is left empty: the entries and their packets belong to the successor.
     */
    List<Object[]> export() {
        List<Object[]> entries = new ArrayList<>(entryCount);
        for (Entry entry = oldest; entry != null; entry = entry.newer) {
            List<Packet> waiting = entry.waiting == null ? List.of() : new ArrayList<>(entry.waiting);
            entries.add(new Object[] {entry.ip, entry.ether, entry.known, entry.pollsSinceReply, entry.liveAt,
                entry.polledAt, waiting});
        }
        oldest = null;
        newest = null;
        keys = new int[16];
        values = new Entry[16];
        entryCount = 0;
        packetCount = 0;
        return entries;
    }

    /** Takes in the entries an {@link #export} gave (into an empty table), in their age order. */
    void restore(List<?> entries) {
        for (Object item : entries) {
            Object[] fields = (Object[]) item;
            Entry entry = new Entry((Integer) fields[0]);
            entry.ether = (Long) fields[1];
            entry.known = (Boolean) fields[2];
            entry.pollsSinceReply = (Integer) fields[3];
            entry.liveAt = (Long) fields[4];
            entry.polledAt = (Long) fields[5];
            List<?> waiting = (List<?>) fields[6];
            if (!waiting.isEmpty()) {
                entry.waiting = new ArrayDeque<>(waiting.size());
                for (Object packet : waiting) {
                    entry.waiting.addLast((Packet) packet);
                }
                packetCount += waiting.size();
            }
            entryCount++;
            put(entry);
            linkNewest(entry);
        }
    }

    /** Frees the waiting packets of exported entries that will not be restored. */
    static long dropExported(List<?> entries) {
        long dropped = 0;
        for (Object item : entries) {
            for (Object packet : (List<?>) ((Object[]) item)[6]) {
                ((Packet) packet).kill();
                dropped++;
            }
        }
        return dropped;
    }

    private static void killWaiting(Entry entry) {
        if (entry.waiting != null) {
            for (Packet packet; (packet = entry.waiting.pollFirst()) != null; ) {
                packet.kill();
            }
        }
    }

    /** Click's table handler: per entry in age order, address, known (1/0), Ethernet address, age in seconds. */
    String format(long now) {
        StringBuilder text = new StringBuilder();
        for (Entry entry = oldest; entry != null; entry = entry.newer) {
            long ageMillis = Math.max(0, (now - entry.liveAt) / 1_000_000L);
            text.append(IPv4.format(entry.ip)).append(' ').append(known(entry, now) ? 1 : 0).append(' ')
                    .append(EtherAddress.format(entry.ether)).append(' ')
                    .append(ageMillis / 1000).append('.').append(String.format("%03d000", ageMillis % 1000))
                    .append('\n');
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- entries

    private Entry ensure(int ip, long now) {
        Entry entry = find(ip);
        if (entry == null) {
            entryCount++;
            if (entryCapacity != 0 && entryCount > entryCapacity) {
                slim(now);
            }
            entry = new Entry(ip);
            entry.liveAt = now;
            entry.polledAt = now - SECOND;
            put(entry);
            linkNewest(entry);
        }
        return entry;
    }

    private void linkNewest(Entry entry) {
        linkBefore(entry, null);
    }

    /** Links {@code entry} into the age list just before {@code next} (at the end if null). */
    private void linkBefore(Entry entry, Entry next) {
        Entry previous = next == null ? newest : next.older;
        entry.older = previous;
        entry.newer = next;
        if (previous == null) {
            oldest = entry;
        } else {
            previous.newer = entry;
        }
        if (next == null) {
            newest = entry;
        } else {
            next.older = entry;
        }
    }

    private void unlink(Entry entry) {
        if (entry.older == null) {
            oldest = entry.newer;
        } else {
            entry.older.newer = entry.newer;
        }
        if (entry.newer == null) {
            newest = entry.older;
        } else {
            entry.newer.older = entry.older;
        }
        entry.older = null;
        entry.newer = null;
    }

    // ---------------------------------------------------------------- open-addressing map, linear probing

    private static int slot(int ip, int mask) {
        int hash = ip * 0x9E3779B9;
        return (hash ^ (hash >>> 16)) & mask;
    }

    Entry find(int ip) {
        int mask = values.length - 1;
        for (int i = slot(ip, mask); ; i = (i + 1) & mask) {
            Entry entry = values[i];
            if (entry == null || keys[i] == ip) {
                return entry;
            }
        }
    }

    private void put(Entry entry) {
        if ((entryCount + 1) * 2 > values.length) {
            grow();
        }
        int mask = values.length - 1;
        int i = slot(entry.ip, mask);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = entry.ip;
        values[i] = entry;
    }

    private void grow() {
        int[] oldKeys = keys;
        Entry[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Entry[oldValues.length * 2];
        int mask = values.length - 1;
        for (Entry entry : oldValues) {
            if (entry != null) {
                int i = slot(entry.ip, mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = entry.ip;
                values[i] = entry;
            }
        }
    }

    private void remove(int ip) {
        int mask = values.length - 1;
        int i = slot(ip, mask);
        while (values[i] != null && keys[i] != ip) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        values[i] = null;
        // Backward-shift deletion: move later members of the probe run into the hole when their home allows.
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - i) & mask)) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
    }
}
