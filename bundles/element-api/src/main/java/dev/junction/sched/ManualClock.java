package dev.junction.sched;

/**
 * A simulated clock that moves only when told to, for tests and for elements wired without a router.
 * It starts at 0 monotonic time and at the given wall time.
 */
public final class ManualClock implements Clock {
    private final long epochOrigin;
    private long now;

    /** Creates a clock at monotonic time 0 whose wall time starts at {@code epochNanos}. */
    public ManualClock(long epochNanos) {
        this.epochOrigin = epochNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long epochNanos() {
        return epochOrigin + now;
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    /** Moves the clock forward by {@code nanos} (not negative). */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a clock cannot go back " + (-nanos) + " ns");
        }
        now += nanos;
    }
}
