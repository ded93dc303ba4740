package dev.junction.engine.runtime;

import dev.junction.sched.Clock;
import dev.junction.sched.ManualClock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A router's threads: starts and stops them, pauses them at a safe point (between tasks) so that a controller
 * can call element code or swap graphs with no element running, and on simulated time moves the clock when
 * every thread is idle.
 *
 * <p>Pausing: {@link #pause()} raises a flag every thread checks between tasks (one volatile read), unparks the
 * parked ones and waits until all have arrived in {@link #safePoint()}. While paused, the controller may touch
 * the threads' run lists and timer wheels directly: the lock it shares with the paused threads orders the
 * memory accesses. A router thread may pause the others (a handler called from element code): it is then
 * not waited for, and a router thread that waits for another controller's pause counts as paused, since it
 * runs no element code while it waits.
 */
final class Scheduler {
    private static final long SAFE_POINT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long SIMULATED_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long JOIN_MILLIS = 10_000;

    private final Clock clock;
    private final ManualClock simulatedClock;
    private final RouterThread[] threads;
    private final Object lock = new Object();
    private volatile boolean pauseRequested;
    private volatile boolean stopping;
    private Thread pauser;
    private int pauseDepth;
    private int pausedThreads;
    private int idleThreads;

    Scheduler(int threadCount, Clock clock) {
        this.clock = clock;
        this.simulatedClock = clock instanceof ManualClock simulated ? simulated : null;
        this.threads = new RouterThread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            threads[i] = new RouterThread(i, this, clock);
        }
    }

    void start(String routerName) {
        for (RouterThread thread : threads) {
            thread.start("junction-" + routerName + "-" + thread.index());
        }
    }

    Clock clock() {
        return clock;
    }

    int threadCount() {
        return threads.length;
    }

    RouterThread thread(int index) {
        return threads[clampThread(index)];
    }

    List<RouterThread> threads() {
        return List.of(threads);
    }

    /** {@code index} moved into the range of thread numbers. */
    int clampThread(int index) {
        return Math.max(0, Math.min(threads.length - 1, index));
    }

    boolean isSimulated() {
        return simulatedClock != null;
    }

    boolean isStopping() {
        return stopping;
    }

    boolean isPauseRequested() {
        return pauseRequested;
    }

    /** The router thread running the caller, or {@code null}. */
    RouterThread currentRouterThread() {
        for (RouterThread thread : threads) {
            if (thread.isCurrentThread()) {
                return thread;
            }
        }
        return null;
    }

    /**
     * Stops every router thread (but the caller's) at a safe point and returns when they are all there.
     * Reentrant for the thread that paused. Every call is matched by {@link #resume()}.
     */
    void pause() {
        Thread me = Thread.currentThread();
        boolean routerThread = currentRouterThread() != null;
        synchronized (lock) {
            if (pauser == me) {
                pauseDepth++;
                return;
            }
            while (pauser != null) {
                waitAsPaused(routerThread);
            }
            pauser = me;
            pauseDepth = 1;
            pauseRequested = true;
            for (RouterThread thread : threads) {
                thread.wake();
            }
            int needed = liveThreadCount() - (routerThread ? 1 : 0);
            long deadline = System.nanoTime() + SAFE_POINT_TIMEOUT_NANOS;
            while (pausedThreads < needed && !stopping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    pauseRequested = false;
                    pauser = null;
                    lock.notifyAll();
                    throw new IllegalStateException("router threads did not reach a safe point within 30 s");
                }
                timedWait(left);
            }
        }
    }

    /** Lets the threads go on after {@link #pause()}. */
    void resume() {
        synchronized (lock) {
            if (pauser != Thread.currentThread()) {
                throw new IllegalStateException("resume() without pause() on this thread");
            }
            if (--pauseDepth > 0) {
                return;
            }
            pauser = null;
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Called by a router thread between tasks when a pause is requested: waits there until it ends. */
    void safePoint() {
        synchronized (lock) {
            pausedThreads++;
            lock.notifyAll();
            while (pauseRequested && !stopping) {
                untimedWait();
            }
            pausedThreads--;
        }
    }

    private void waitAsPaused(boolean routerThread) {
        if (routerThread) {
            pausedThreads++;
            lock.notifyAll();
        }
        untimedWait();
        if (routerThread) {
            pausedThreads--;
        }
    }

    private int liveThreadCount() {
        int live = 0;
        for (RouterThread thread : threads) {
            Thread java = thread.javaThread();
            if (java != null && java.isAlive()) {
                live++;
            }
        }
        return live;
    }

    /**
     * On simulated time: {@code thread} has nothing to do and its next timer is at {@code nextDeadline}. When
     * every thread is idle and nothing is posted, the clock jumps to the earliest deadline of all threads and
     * they are woken. Then the thread parks.
     */
    void idleOnSimulatedTime(RouterThread thread, long nextDeadline) {
        synchronized (lock) {
            thread.simulatedDeadline = nextDeadline;
            thread.simulatedIdle = true;
            idleThreads++;
            advanceIfAllIdle();
        }
        thread.park(SIMULATED_PARK_NANOS);
        synchronized (lock) {
            thread.simulatedIdle = false;
            idleThreads--;
        }
    }

    private void advanceIfAllIdle() {
        if (idleThreads < threads.length || pauseRequested) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (RouterThread thread : threads) {
            if (!thread.hasNoWork()) {
                return;
            }
            earliest = Math.min(earliest, thread.simulatedDeadline);
        }
        if (earliest != Long.MAX_VALUE && simulatedClock.advanceTo(earliest)) {
            for (RouterThread thread : threads) {
                thread.wake();
            }
        }
    }

    /** Stops the threads and waits for them (but not for the caller, if it is one of them). */
    void stop() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
        for (RouterThread thread : threads) {
            thread.wake();
        }
        for (RouterThread thread : threads) {
            Thread java = thread.javaThread();
            if (java != null && java != Thread.currentThread()) {
                try {
                    java.join(JOIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void timedWait(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing the router", e);
        }
    }

    private void untimedWait() {
        try {
            lock.wait(1000); // woken by notifyAll; the timeout only guards against a lost wake-up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused", e);
        }
    }
}
