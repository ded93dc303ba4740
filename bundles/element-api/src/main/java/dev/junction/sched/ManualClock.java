package dev.junction.sched;

/**
 * A simulated clock that moves only when told to: for tests, for elements wired without a router, and for
 * routers run on simulated time. It starts at 0 monotonic time and at the given wall time. Any thread may read
 * it; one thread at a time moves it.
 */
public final class ManualClock implements Clock {
    private final long epochOrigin;
    private volatile long now;

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

    /** Moves the clock to {@code nanoTime} if that is later; returns whether it moved. */
    public boolean advanceTo(long nanoTime) {
        if (nanoTime > now) {
            now = nanoTime;
            return true;
        }
        return false;
    }

    /** Moves the clock forward by {@code nanos} (not negative). */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a clock cannot go back " + (-nanos) + " ns");
        }
        now += nanos;
    }
}
