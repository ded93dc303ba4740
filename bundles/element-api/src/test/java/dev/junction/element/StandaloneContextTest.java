package dev.junction.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.packet.PacketPool;
import dev.junction.sched.ManualClock;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import org.junit.jupiter.api.Test;

class StandaloneContextTest {
    @Test
    void tasksRunOnlyWhenScheduledAndAsked() {
        try (PacketPool pool = PacketPool.create("ctx", 1)) {
            StandaloneContext context = new StandaloneContext("e", pool, new ManualClock(0));
            int[] runs = {0};
            Task task = context.createTask(() -> ++runs[0] < 3);
            assertFalse(context.runTasks(), "unscheduled tasks do not run");
            assertEquals(0, runs[0]);
            task.reschedule();
            assertTrue(context.runTasks());
            assertTrue(context.runTasks());
            assertFalse(context.runTasks(), "the body said it did nothing useful");
            assertEquals(3, runs[0]);
            assertEquals(1, context.tasks().get(0).rescheduleCount());
            task.unschedule();
            context.runTasks();
            assertEquals(3, runs[0]);
        }
    }

    @Test
    void timersFireWhenTheManualClockReachesThem() {
        try (PacketPool pool = PacketPool.create("ctx", 1)) {
            ManualClock clock = new ManualClock(1_000_000_000L);
            StandaloneContext context = new StandaloneContext("e", pool, clock);
            int[] fired = {0};
            Timer timer = context.createTimer(t -> {
                fired[0]++;
                t.rescheduleAfter(100);
            });
            timer.rescheduleAfter(100);
            assertEquals(100, timer.expiry());
            clock.advance(99);
            assertEquals(0, context.runTimers());
            clock.advance(1);
            assertEquals(1, context.runTimers());
            assertEquals(200, timer.expiry(), "periodic timers count from the last expiry");
            clock.advance(150);
            assertEquals(1, context.runTimers());
            assertEquals(300, timer.expiry());
            timer.unschedule();
            clock.advance(1000);
            assertEquals(0, context.runTimers());
            assertEquals(2, fired[0]);
            assertEquals(1_000_001_250L, clock.epochNanos());
            assertThrows(IllegalArgumentException.class, () -> clock.advance(-1));
        }
    }

    @Test
    void namesDefinedOnTheContextReachArguments() throws Exception {
        try (PacketPool pool = PacketPool.create("names", 4, 128, 32)) {
            StandaloneContext context = new StandaloneContext("n", pool, new ManualClock(0));
            context.defineName(NameInfo.IP_ADDRESS, "gw", "10.0.0.1");
            assertEquals("10.0.0.1", context.lookupName(NameInfo.IP_ADDRESS, "gw"));
            Args args = Args.parse("gw", context.resolver());
            assertEquals(0x0A000001, args.requirePositional("ADDR", ArgTypes.IPV4_ADDRESS));
            args.complete();
        }
    }
}
