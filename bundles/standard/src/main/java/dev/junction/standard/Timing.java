package dev.junction.standard;

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
}
