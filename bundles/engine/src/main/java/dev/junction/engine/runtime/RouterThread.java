package dev.junction.engine.runtime;

import dev.junction.sched.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One router thread: runs its tasks by stride scheduling, fires its timers, applies work posted by other
 * threads, and stops at a safe point (between tasks) when the {@link Scheduler} pauses the router.
 *
 * <p>A push path runs to completion inside the task that started it. When nothing does useful work the thread
 * backs off: it spins a little, then yields, then parks until its next timer, until another thread posts work,
 * or, while it still has scheduled tasks that keep finding nothing to do, for a short and growing while. An
 * exception from element code is contained here; see {@link Containment}.
 */
final class RouterThread implements Runnable {
    private static final int TASKS_PER_ROUND = 32;
    private static final int SPIN_ROUNDS = 64;
    private static final int YIELD_ROUNDS = 16;
    private static final long MIN_POLL_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_POLL_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int index;
    private final Scheduler scheduler;
    private final Clock clock;
    private final TaskHeap runList = new TaskHeap();
    private final TimerWheel timers;
    private final AtomicReference<ThreadWork> inbox = new AtomicReference<>();
    private Thread javaThread;
    private volatile boolean parked;
    /** On simulated time: the next deadline reported when idle, and whether idle; guarded by the scheduler. */
    long simulatedDeadline = Long.MAX_VALUE;
    boolean simulatedIdle;
    private long pass;
    private int idleRounds;
    private long pollPark = MIN_POLL_PARK_NANOS;

    RouterThread(int index, Scheduler scheduler, Clock clock) {
        this.index = index;
        this.scheduler = scheduler;
        this.clock = clock;
        this.timers = new TimerWheel(clock.nanoTime());
    }

    /** Starts the Java thread, named {@code name}. */
    void start(String name) {
        javaThread = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
        javaThread.start();
    }

    int index() {
        return index;
    }

    Thread javaThread() {
        return javaThread;
    }

    boolean isCurrentThread() {
        return Thread.currentThread() == javaThread;
    }

    TaskHeap runList() {
        return runList;
    }

    TimerWheel timers() {
        return timers;
    }

    /** The thread's pass: where a newly scheduled task starts, as Click's {@code RouterThread::pass}. */
    long pass() {
        RouterTask first = runList.peek();
        return first == null ? pass : first.pass;
    }

    /** Hands {@code work} to this thread; safe from any thread, allocates nothing. */
    void post(ThreadWork work) {
        if (work.markQueued()) {
            ThreadWork head;
            do {
                head = inbox.get();
                work.nextWork = head;
            } while (!inbox.compareAndSet(head, work));
        }
        wake();
    }

    /** Unparks the thread if it is parked. */
    void wake() {
        if (parked) {
            LockSupport.unpark(javaThread);
        }
    }

    /** Whether the thread has nothing to do now: no scheduled task and nothing posted. */
    boolean hasNoWork() {
        return runList.isEmpty() && inbox.get() == null;
    }

    @Override
    public void run() {
        while (!scheduler.isStopping()) {
            if (scheduler.isPauseRequested()) {
                scheduler.safePoint();
                continue;
            }
            boolean worked = drainInbox();
            worked |= fireTimers();
            worked |= runTasks();
            if (worked) {
                idleRounds = 0;
                pollPark = MIN_POLL_PARK_NANOS;
            } else {
                backOff();
            }
        }
    }

    private boolean drainInbox() {
        ThreadWork work = inbox.getAndSet(null);
        if (work == null) {
            return false;
        }
        while (work != null) {
            ThreadWork next = work.nextWork;
            work.nextWork = null;
            work.clearQueued();
            work.applyOn(this);
            work = next;
        }
        return true;
    }

    private boolean fireTimers() {
        int count = timers.expire(clock.nanoTime());
        for (int i = 0; i < count; i++) {
            RouterTimer timer = timers.due(i);
            if (!timer.due) {
                continue; // unscheduled or moved by an earlier callback of this round
            }
            timer.due = false;
            timer.fired();
            try {
                timer.callback.expired(timer);
            } catch (Throwable failure) {
                Containment.contain(timer.owner, failure);
            }
        }
        return count > 0;
    }

    private boolean runTasks() {
        boolean worked = false;
        for (int i = 0; i < TASKS_PER_ROUND; i++) {
            RouterTask task = runList.peek();
            if (task == null) {
                break;
            }
            if (!task.isScheduled() || !task.owner.graph().isLive() || task.isMoving(this)) {
                task.applyOn(this); // leaves the run list, or moves to its new thread
                continue;
            }
            try {
                worked |= task.run();
            } catch (Throwable failure) {
                Containment.contain(task.owner, failure);
                worked = true;
            }
            task.advance(this);
            pass = task.pass;
        }
        return worked;
    }

    private void backOff() {
        idleRounds++;
        if (scheduler.isSimulated() && runList.isEmpty()) {
            scheduler.idleOnSimulatedTime(this, timers.nextDeadline());
            return;
        }
        if (idleRounds < SPIN_ROUNDS) {
            Thread.onSpinWait();
        } else if (idleRounds < SPIN_ROUNDS + YIELD_ROUNDS) {
            Thread.yield();
        } else {
            park(parkNanos());
        }
    }

    /** How long to park: until the next timer, and briefly while tasks are scheduled but find nothing to do. */
    private long parkNanos() {
        long limit = MAX_PARK_NANOS;
        if (!runList.isEmpty()) {
            limit = pollPark;
            pollPark = Math.min(MAX_POLL_PARK_NANOS, pollPark * 2);
        }
        long next = timers.nextDeadline();
        if (next != Long.MAX_VALUE && !scheduler.isSimulated()) {
            limit = Math.min(limit, next - clock.nanoTime());
        }
        return limit;
    }

    /** Parks for up to {@code nanos} unless work arrived meanwhile; posting threads see {@link #parked}. */
    void park(long nanos) {
        if (nanos <= 0) {
            return;
        }
        parked = true;
        if (inbox.get() == null && !scheduler.isPauseRequested() && !scheduler.isStopping()) {
            LockSupport.parkNanos(this, nanos);
        }
        parked = false;
    }

    @Override
    public String toString() {
        return "RouterThread[" + index + "]";
    }
}
