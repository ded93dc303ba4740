package dev.junction.engine.runtime;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * One router thread's timers, on Agrona's {@link DeadlineTimerWheel}. Due timers are collected first and then
 * fired in order of expiry (ties in the order they were set), so that a callback may set timers freely and
 * timers of one tick still fire in order. The earliest deadline is tracked so that an idle thread can park
 * until it and the wheel can skip empty ticks. Nothing here allocates once the tables have grown to the
 * number of timers in use.
 */
final class TimerWheel {
    /** About 131 us per tick: finer than any timer an element asks for in practice. */
    private static final long TICK_NANOS = 1L << 17;
    private static final int TICKS_PER_WHEEL = 1024;
    private static final long NONE = Long.MAX_VALUE;

    private final DeadlineTimerWheel wheel;
    private final Long2ObjectHashMap<RouterTimer> byId = new Long2ObjectHashMap<>();
    private final DeadlineTimerWheel.TimerHandler collector = this::collect;
    private final DeadlineTimerWheel.TimerConsumer earliestFinder = this::noteDeadline;
    private RouterTimer[] dueTimers = new RouterTimer[16];
    private int dueCount;
    private long earliest = NONE;
    private boolean earliestStale;
    private long sequence;

    TimerWheel(long startNanos) {
        wheel = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, startNanos, TICK_NANOS, TICKS_PER_WHEEL);
    }

    /** Puts {@code timer} on the wheel at {@code expiry} if {@code scheduled}, taking it off first if it was on. */
    void sync(RouterTimer timer, boolean scheduled, long expiry) {
        timer.due = false;
        if (timer.wheelId != RouterTimer.NOT_ON_WHEEL) {
            wheel.cancelTimer(timer.wheelId);
            byId.remove(timer.wheelId);
            timer.wheelId = RouterTimer.NOT_ON_WHEEL;
            if (timer.wheelDeadline <= earliest) {
                earliestStale = true;
            }
        }
        if (scheduled) {
            long id = wheel.scheduleTimer(expiry);
            byId.put(id, timer);
            timer.wheelId = id;
            timer.wheelDeadline = expiry;
            timer.sequence = ++sequence;
            if (!earliestStale && expiry < earliest) {
                earliest = expiry;
            }
        }
    }

    /** Takes {@code timer} off the wheel. */
    void cancel(RouterTimer timer) {
        sync(timer, false, 0);
    }

    /** The earliest deadline on the wheel, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        if (earliestStale) {
            earliest = NONE;
            wheel.forEach(earliestFinder);
            earliestStale = false;
        }
        return earliest;
    }

    /** Number of timers on the wheel. */
    long size() {
        return wheel.timerCount();
    }

    /**
     * Collects every timer due at {@code now} into {@link #due(int)}, sorted by expiry; returns how many.
     * The caller fires those still {@link RouterTimer#due}.
     */
    int expire(long now) {
        dueCount = 0;
        if (wheel.timerCount() == 0) {
            wheel.currentTickTime(now);
            return 0;
        }
        // Bounded: every round either fires the earliest timer or finds nothing due.
        for (int round = 0; round < 64; round++) {
            long next = nextDeadline();
            if (next > now) {
                break;
            }
            wheel.currentTickTime(next);
            int before = dueCount;
            wheel.poll(now, collector, Integer.MAX_VALUE);
            if (dueCount == before && wheel.currentTickTime() > now) {
                break;
            }
        }
        sortDue();
        return dueCount;
    }

    /** Due timer {@code index} of the last {@link #expire(long)}. */
    RouterTimer due(int index) {
        RouterTimer timer = dueTimers[index];
        dueTimers[index] = null;
        return timer;
    }

    private boolean collect(TimeUnit unit, long now, long timerId) {
        RouterTimer timer = byId.remove(timerId);
        if (timer == null) {
            return true;
        }
        timer.wheelId = RouterTimer.NOT_ON_WHEEL;
        timer.due = true;
        if (timer.wheelDeadline <= earliest) {
            earliestStale = true;
        }
        if (dueCount == dueTimers.length) {
            dueTimers = Arrays.copyOf(dueTimers, dueCount * 2);
        }
        dueTimers[dueCount++] = timer;
        return true;
    }

    private void noteDeadline(long deadline, long timerId) {
        if (deadline < earliest) {
            earliest = deadline;
        }
    }

    /** Insertion sort: few timers are due at once, and it allocates nothing. */
    private void sortDue() {
        for (int i = 1; i < dueCount; i++) {
            RouterTimer timer = dueTimers[i];
            int j = i - 1;
            while (j >= 0 && later(dueTimers[j], timer)) {
                dueTimers[j + 1] = dueTimers[j];
                j--;
            }
            dueTimers[j + 1] = timer;
        }
    }

    private static boolean later(RouterTimer a, RouterTimer b) {
        return a.wheelDeadline > b.wheelDeadline || (a.wheelDeadline == b.wheelDeadline && a.sequence > b.sequence);
    }
}
