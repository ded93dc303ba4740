package dev.junction.sched;

/**
 * The router's clock. Elements read time only through it, so that the engine can run a router on simulated
 * time ({@code click --simtime}): then time stands still while work is pending and jumps to the next timer
 * when the router is idle.
 */
public interface Clock {
    /** Monotonic time in nanoseconds, for intervals and timers; its origin is arbitrary. */
    long nanoTime();

    /** Wall-clock time in nanoseconds since the Unix epoch, for timestamps that leave the router. */
    long epochNanos();

    /** Whether this clock is simulated rather than read from the system. */
    default boolean isSimulated() {
        return false;
    }

    /** The system clock: {@link System#nanoTime()} and the wall clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
