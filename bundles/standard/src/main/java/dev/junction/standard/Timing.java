package dev.junction.standard;

import dev.junction.packet.Packet;
import dev.junction.sched.Clock;

/** What the timed elements of this package share about timers. */
final class Timing {
    /** Click's {@code Timer::adjustment()}: closer than this to due, a task runs again rather than set a timer. */
    private static final long ADJUSTMENT = 500_000L;

    private Timing() {
    }

    /** The adjustment, 0 on simulated time (as Click's when warping), where time moves only when all is idle. */
    static long adjustment(Clock clock) {
        return clock.isSimulated() ? 0 : ADJUSTMENT;
    }

    /**
     * The delay elements (DelayShaper, DelayUnqueue): stamps {@code count} packets from {@code from} with the time
     * they may leave, their timestamp (now, when it is unset) plus {@code delay}.
     */
    static void stampDelay(Packet[] packets, int from, int count, long now, long delay) {
        for (int i = from; i < from + count; i++) {
            long stamp = packets[i].timestampNanos();
            packets[i].setTimestampNanos((stamp == 0 ? now : stamp) + delay);
        }
    }

    /** When the first of the {@code held} packets (stamped by {@link #stampDelay}) is to be taken, adjusted. */
    static long firstExpiry(PacketRing held, Clock clock) {
        return held.first().timestampNanos() - adjustment(clock);
    }
}
