package dev.junction.standard;

import dev.junction.element.ElementContext;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;

/** What the element tasks of this package share about waking. */
final class Tasks {
    private Tasks() {
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
