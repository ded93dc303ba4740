package dev.junction.sched;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A unit of scheduled work (Click's {@code Task}), created by the engine for an element and run by one router
 * thread at a time. A scheduled task runs again and again, in proportion to its tickets, until it is
 * unscheduled; a task waiting for packets unschedules itself and is woken by a {@link Notifier}.
 */
@ProviderType
public interface Task {
    /** Puts the task on its thread's run list if it is not there; safe to call from any thread. */
    void reschedule();

    /** Takes the task off its thread's run list; it runs no more until rescheduled. */
    void unschedule();

    /** Whether the task is on its thread's run list. */
    boolean isScheduled();

    /** The task's share of its thread in stride scheduling (Click's tickets; default 1024). */
    int tickets();

    /** Sets the task's tickets (1 to 32768, as in Click). */
    void setTickets(int tickets);

    /** Index of the router thread the task runs on. */
    int homeThread();

    /** Moves the task to router thread {@code thread}; takes effect at the thread's next safe point. */
    void moveToThread(int thread);

    /**
     * Takes this task off its run list until {@code signal} wakes it. The signal is read again after the
     * unschedule because a notifier on another thread may have woken the task between the caller's check and
     * the unschedule, and that wake-up must not be lost.
     *
     * @since 1.1
     */
    default void sleepUntil(NotifierSignal signal) {
        unschedule();
        if (signal.isActive()) {
            reschedule();
        }
    }
}
