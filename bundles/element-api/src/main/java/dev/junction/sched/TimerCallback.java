package dev.junction.sched;

/** What a {@link Timer} does when it expires. */
@FunctionalInterface
public interface TimerCallback {
    /** Runs on the router thread that owns the timer, once per expiry. */
    void expired(Timer timer);
}
