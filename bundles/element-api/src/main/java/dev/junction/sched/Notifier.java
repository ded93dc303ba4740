package dev.junction.sched;

import java.util.Arrays;

/**
 * A signal an element raises while it can supply (or accept) packets, and the tasks that listen to it
 * (Click's {@code ActiveNotifier}). A queue keeps its empty notifier active while it holds packets; the
 * task that pulls from it sleeps while the signal is inactive and is rescheduled when the queue wakes it.
 *
 * <p>{@link #wake()} and {@link #sleep()} are cheap when the state does not change (one volatile read), so an
 * element may call them for every batch. The listener list is fixed at initialization.
 */
public final class Notifier {
    private static final Task[] NO_LISTENERS = {};

    private final NotifierKind kind;
    private volatile boolean active;
    private Task[] listeners = NO_LISTENERS;

    /** Creates a notifier of {@code kind}, initially {@code active}. */
    public Notifier(NotifierKind kind, boolean active) {
        this.kind = kind;
        this.active = active;
    }

    /** What this notifier announces. */
    public NotifierKind kind() {
        return kind;
    }

    /** Whether the signal is active. */
    public boolean isActive() {
        return active;
    }

    /** Activates the signal and reschedules every listener, if it was inactive. */
    public void wake() {
        if (!active) {
            active = true;
            for (Task listener : listeners) {
                listener.reschedule();
            }
        }
    }

    /** Deactivates the signal; listeners will find it inactive and may sleep. */
    public void sleep() {
        if (active) {
            active = false;
        }
    }

    /** Adds a task to wake; called while the router is initialized, never on the packet path. */
    public synchronized void addListener(Task task) {
        for (Task listener : listeners) {
            if (listener == task) {
                return;
            }
        }
        Task[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[listeners.length] = task;
        listeners = grown;
    }

    /** Number of listening tasks. */
    public int listenerCount() {
        return listeners.length;
    }
}
