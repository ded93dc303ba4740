package dev.junction.engine.runtime;

import dev.junction.sched.Clock;
import dev.junction.sched.Timer;
import dev.junction.sched.TimerCallback;

/**
 * A timer on its element's home thread, kept in that thread's {@link TimerWheel}. Like tasks, it may be set from
 * any thread: on its own thread the wheel is updated at once, from elsewhere through the thread's inbox, and
 * a timer of a graph that is not live yet is put on the wheel when the graph goes live.
 */
final class RouterTimer extends ThreadWork implements Timer {
    static final long NOT_ON_WHEEL = -1;

    final TimerCallback callback;
    final RouterElementContext owner;
    private final Clock clock;
    final RouterThread thread;

    private volatile boolean scheduled;
    private volatile long expiry;
    private boolean everScheduled;

    // Owned by the timer's thread (and its wheel).
    long wheelId = NOT_ON_WHEEL;
    long wheelDeadline;
    long sequence;
    boolean due;

    RouterTimer(TimerCallback callback, RouterElementContext owner, Clock clock, RouterThread thread) {
        this.callback = callback;
        this.owner = owner;
        this.clock = clock;
        this.thread = thread;
    }

    @Override
    public void scheduleAt(long nanoTime) {
        expiry = nanoTime;
        everScheduled = true;
        scheduled = true;
        deliver();
    }

    @Override
    public void scheduleAfter(long delayNanos) {
        scheduleAt(clock.nanoTime() + delayNanos);
    }

    @Override
    public void rescheduleAfter(long periodNanos) {
        scheduleAt((everScheduled ? expiry : clock.nanoTime()) + periodNanos);
    }

    @Override
    public void unschedule() {
        scheduled = false;
        deliver();
    }

    @Override
    public boolean isScheduled() {
        return scheduled;
    }

    @Override
    public long expiry() {
        return expiry;
    }

    /** Marks the timer fired, just before its callback runs. */
    void fired() {
        scheduled = false;
    }

    void deliver() {
        if (!owner.graph().isLive()) {
            return;
        }
        if (thread.isCurrentThread()) {
            applyOn(thread);
        } else {
            thread.post(this);
        }
    }

    @Override
    void applyOn(RouterThread on) {
        on.timers().sync(this, scheduled && owner.graph().isLive(), expiry);
    }

    @Override
    public String toString() {
        return "Timer[" + owner.name() + (scheduled ? ", at " + expiry : "") + "]";
    }
}
