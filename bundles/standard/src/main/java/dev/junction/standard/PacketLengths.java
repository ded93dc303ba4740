package dev.junction.standard;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;

/**
 * Lets the byte-rated elements (BandwidthShaper, BandwidthRatedUnqueue, LinkUnqueue) pull whole batches yet
 * decide packet by packet as Click does. Click pulls one packet, charges its length, and pulls the next only if
 * credit is left; pulling a batch at once must not take a packet Click would have left upstream. Knowing a bound
 * on packet lengths, an element asks for the number of packets of which all but the last are sure to leave
 * credit: {@link #chunk}.
 *
 * <p>The bound is the longest packet seen so far; until one is seen, packets are pulled one at a time. So the
 * batch decision equals Click's packet-by-packet one while no packet is longer than one seen before (always, for
 * traffic of one size); a longer packet can take one packet more than Click would, once, and raises the bound.
 * (The pool's buffer size would be a bound that always holds, but at 2 KiB it would pull small packets one or
 * two at a time, and the pulls' fixed cost would then cap the rate far below RATE.)
 */
final class PacketLengths {
    /**
     * Until a packet is seen: longer than any packet (so every chunk is one packet), yet small enough that
     * callers may multiply it by a transmission time per byte without overflow.
     */
    private static final long UNKNOWN = 1L << 32;

    private long bound = UNKNOWN;

    /** The longest a packet is taken to be. */
    long bound() {
        return bound;
    }

    /**
     * How many packets to pull (at most {@code max}, at least 1) so that, when each costs at most
     * {@code perPacket} of a {@code credit} that must stay positive for the next packet to go, every packet
     * but the last is sure to find credit left. {@code perPacket} 0 means packets cost nothing: {@code max}.
     */
    static int chunk(long credit, long perPacket, int max) {
        if (perPacket <= 0) {
            return max;
        }
        return (int) Math.min(max, (credit - 1) / perPacket + 1);
    }

    /** The total length of packets {@code from..size-1} of {@code batch}; raises the bound if one is longer. */
    long sum(PacketBatch batch, int from) {
        Packet[] packets = batch.array();
        long total = 0;
        long longest = 0;
        for (int i = from, size = batch.size(); i < size; i++) {
            int length = packets[i].length();
            total += length;
            longest = Math.max(longest, length);
        }
        if (longest > bound || bound == UNKNOWN && longest > 0) {
            bound = longest;
        }
        return total;
    }
}
