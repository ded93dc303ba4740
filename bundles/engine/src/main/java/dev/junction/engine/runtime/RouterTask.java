package dev.junction.engine.runtime;

import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;

/**
 * A task on a router thread, scheduled by stride scheduling as in Click: each run adds the task's stride
 * ({@value #STRIDE1} / tickets) to its pass, and the thread always runs the task with the smallest pass.
 *
 * <p>{@link #reschedule()} and {@link #unschedule()} may be called from any thread: on the task's own thread
 * they act at once, from elsewhere they post the task to its thread's inbox and wake that thread. A task of a
 * graph that is not live yet (being built for a hot swap) only remembers that it is scheduled; the graph puts
 * it on its thread when it goes live.
 */
final class RouterTask extends ThreadWork implements Task {
    /** Click's STRIDE1: the stride of a task with one ticket. */
    static final int STRIDE1 = 1 << 16;
    static final int DEFAULT_TICKETS = 1024;
    static final int MAX_TICKETS = 1 << 15;

    final TaskBody body;
    final RouterElementContext owner;
    private final Scheduler scheduler;

    /** The thread whose run list holds (or will hold) the task; changed only by that thread. */
    volatile RouterThread thread;
    private volatile int home;
    private volatile boolean scheduled;
    private volatile int tickets = DEFAULT_TICKETS;
    private volatile int stride = STRIDE1 / DEFAULT_TICKETS;

    // Owned by the task's thread.
    long pass;
    int heapIndex = -1;
    private long runs;
    private long reschedules;

    RouterTask(TaskBody body, RouterElementContext owner, Scheduler scheduler, int home) {
        this.body = body;
        this.owner = owner;
        this.scheduler = scheduler;
        this.home = home;
        this.thread = scheduler.thread(home);
    }

    @Override
    public void reschedule() {
        reschedules++;
        scheduled = true;
        deliver();
    }

    @Override
    public void unschedule() {
        scheduled = false;
        deliver();
    }

    /** Brings the task's thread up to date with its state, at once on that thread, through its inbox otherwise. */
    void deliver() {
        if (!owner.graph().isLive()) {
            return;
        }
        RouterThread current = thread;
        if (current.isCurrentThread()) {
            applyOn(current);
        } else {
            current.post(this);
        }
    }

    @Override
    void applyOn(RouterThread on) {
        if (thread != on) {
            thread.post(this);
            return;
        }
        if (home != on.index()) {
            on.runList().remove(this);
            thread = scheduler.thread(home);
            thread.post(this);
            return;
        }
        if (scheduled && owner.graph().isLive()) {
            if (heapIndex < 0) {
                pass = on.pass() + stride;
                on.runList().insert(this);
            }
        } else if (heapIndex >= 0) {
            on.runList().remove(this);
        }
    }

    /** Runs one quantum on the task's thread; returns whether it did useful work. */
    boolean run() {
        runs++;
        return body.run();
    }

    /** After a run on {@code on}: moves the task along the run list by its stride. */
    void advance(RouterThread on) {
        if (heapIndex >= 0) {
            pass += stride;
            on.runList().passIncreased(this);
        }
    }

    @Override
    public boolean isScheduled() {
        return scheduled;
    }

    @Override
    public int tickets() {
        return tickets;
    }

    @Override
    public void setTickets(int count) {
        int clamped = Math.max(1, Math.min(MAX_TICKETS, count));
        tickets = clamped;
        stride = STRIDE1 / clamped;
    }

    @Override
    public int homeThread() {
        return home;
    }

    /** Whether the task should move to another thread before it runs again. */
    boolean isMoving(RouterThread on) {
        return home != on.index();
    }

    @Override
    public void moveToThread(int target) {
        home = scheduler.clampThread(target);
        deliver();
    }

    /** Number of times the task ran; for tests and statistics (read racily). */
    long runCount() {
        return runs;
    }

    /** Number of times {@link #reschedule()} was called; for tests of wake-ups (read racily). */
    long rescheduleCount() {
        return reschedules;
    }

    @Override
    public String toString() {
        return "Task[" + owner.name() + ", thread " + home + (scheduled ? ", scheduled" : "") + "]";
    }
}
