package dev.junction.engine.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Something a router thread must look at on behalf of another thread: a task rescheduled or unscheduled from
 * elsewhere, a timer set from elsewhere. It sits at most once in a thread's inbox (an intrusive stack, so that
 * posting allocates nothing); the thread then reads the item's current state and applies it.
 */
abstract class ThreadWork {
    private static final VarHandle QUEUED;

    static {
        try {
            QUEUED = MethodHandles.lookup().findVarHandle(ThreadWork.class, "queued", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Next item of the inbox stack; written by the poster, read by the owning thread. */
    ThreadWork nextWork;
    @SuppressWarnings("unused") // accessed through QUEUED
    private volatile int queued;

    /** Claims the item's place in an inbox; false if it is already waiting in one. */
    final boolean markQueued() {
        return QUEUED.compareAndSet(this, 0, 1);
    }

    /** Frees the item's place before it is applied, so that later changes post it again. */
    final void clearQueued() {
        queued = 0;
    }

    /** Applies the item's current state on {@code thread}, which runs this call. */
    abstract void applyOn(RouterThread thread);
}
