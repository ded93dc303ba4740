package dev.junction.engine.runtime;

import dev.junction.sched.Clock;

/**
 * The clock of a router run with {@code --simtime}: it starts at monotonic time 0 and a given wall time, stands
 * still while any router thread has work, and is moved by the {@link Scheduler} to the next timer deadline
 * when every thread is idle.
 */
final class SimulatedClock implements Clock {
    private final long epochOrigin;
    private volatile long now;

    SimulatedClock(long epochNanos) {
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

    /** Moves the clock to {@code time} if that is later; returns whether it moved. */
    boolean advanceTo(long time) {
        if (time > now) {
            now = time;
            return true;
        }
        return false;
    }
}
