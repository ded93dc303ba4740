package dev.junction.standard;

import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;

/** What the element tasks of this package share about sleeping. */
final class Tasks {
    private Tasks() {
    }

    /**
     * Takes {@code task} off its run list until {@code signal} wakes it. A task stays scheduled until it
     * unschedules itself; the signal is read again afterwards because a notifier on another thread may have
     * woken the task between the caller's check and the unschedule, and that wake-up must not be lost.
     */
    static void sleepUntil(Task task, NotifierSignal signal) {
        task.unschedule();
        if (signal.isActive()) {
            task.reschedule();
        }
    }
}
