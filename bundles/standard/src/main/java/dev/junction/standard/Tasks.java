package dev.junction.standard;

import dev.junction.element.ElementContext;
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

    /** The upstream empty signals of each of an element's inputs, waking {@code listener} (or none) when they rise. */
    static NotifierSignal[] upstreamSignals(ElementContext context, int inputs, Task listener) {
        NotifierSignal[] signals = new NotifierSignal[inputs];
        for (int i = 0; i < inputs; i++) {
            signals[i] = context.upstreamEmptySignal(i, listener);
        }
        return signals;
    }
}
