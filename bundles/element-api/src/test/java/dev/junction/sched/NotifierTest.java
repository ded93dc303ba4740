package dev.junction.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotifierTest {
    /** Counts reschedules. */
    static final class CountingTask implements Task {
        int reschedules;

        @Override
        public void reschedule() {
            reschedules++;
        }

        @Override
        public void unschedule() {
        }

        @Override
        public boolean isScheduled() {
            return false;
        }

        @Override
        public int tickets() {
            return 1024;
        }

        @Override
        public void setTickets(int tickets) {
        }

        @Override
        public int homeThread() {
            return 0;
        }

        @Override
        public void moveToThread(int thread) {
        }
    }

    @Test
    void wakeReschedulesListenersOnlyOnTheTransition() {
        Notifier notifier = new Notifier(NotifierKind.EMPTY, false);
        CountingTask task = new CountingTask();
        notifier.addListener(task);
        notifier.addListener(task);
        assertEquals(1, notifier.listenerCount(), "a listener is added once");
        notifier.wake();
        notifier.wake();
        assertEquals(1, task.reschedules);
        assertTrue(notifier.isActive());
        notifier.sleep();
        assertFalse(notifier.isActive());
        notifier.wake();
        assertEquals(2, task.reschedules);
        assertEquals(NotifierKind.EMPTY, notifier.kind());
    }

    @Test
    void signalIsTheOrOfItsNotifiers() {
        Notifier a = new Notifier(NotifierKind.EMPTY, false);
        Notifier b = new Notifier(NotifierKind.EMPTY, false);
        NotifierSignal signal = NotifierSignal.anyOf(List.of(a, b));
        assertFalse(signal.isActive());
        b.wake();
        assertTrue(signal.isActive());
        b.sleep();
        assertFalse(signal.isActive());
        assertFalse(signal.isAlwaysActive());
        assertEquals(List.of(a, b), signal.notifiers());
    }

    @Test
    void noNotifierMeansAlwaysActive() {
        assertSame(NotifierSignal.alwaysActive(), NotifierSignal.anyOf(List.of()));
        assertTrue(NotifierSignal.alwaysActive().isActive());
        assertTrue(NotifierSignal.alwaysActive().isAlwaysActive());
    }

    @Test
    void systemClockIsRealAndMonotonic() {
        Clock clock = Clock.system();
        long first = clock.nanoTime();
        long second = clock.nanoTime();
        assertTrue(second >= first);
        assertFalse(clock.isSimulated());
        long wall = clock.epochNanos();
        assertTrue(Math.abs(wall / 1_000_000 - System.currentTimeMillis()) < 10_000, "wall clock in nanoseconds");
    }
}
