package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ElementState;
import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscardTest {
    private static void fill(TestRouter router, Queue queue, int packets) {
        queue.push(0, router.batch(packets, 0));
    }

    @Test
    void pushContextFreesAndCounts() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "LIMIT 7, BURST 7");
            Discard discard = router.add(new Discard(), "d", 1, 0, "");
            connect(source, 0, discard, 0);
            router.initialize(source, discard);
            router.runTasks(2);
            TestRouter.Handlers handlers = router.handlers(discard);
            assertEquals("7", handlers.read("count"));
            assertEquals(256, router.pool.available());
            assertFalse(handlers.readNames().contains("active"), "active exists in pull context only");
            handlers.write("reset_counts", "");
            assertEquals("0", handlers.read("count"));
        }
    }

    @Test
    void theCountCrossesAHotSwap() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "LIMIT 5, BURST 5");
            Discard old = router.add(new Discard(), "d", 1, 0, "");
            connect(source, 0, old, 0);
            router.initialize(source, old);
            router.runTasks(1);
            ElementState state = new ElementState();
            old.saveState(state);
            Discard replacement = router.add(new Discard(), "d2", 1, 0, "");
            replacement.takeState(state);
            assertEquals("5", router.handlers(replacement).read("count"));
        }
    }

    @Test
    void activeFalseInPushContextIsAnError() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "");
            Discard discard = router.add(new Discard(), "d", 1, 0, "ACTIVE false");
            connect(source, 0, discard, 0);
            assertEquals("ACTIVE is meaningless in push context",
                    assertThrows(ConfigurationException.class, discard::initialize).getMessage());
        }
    }

    @Test
    void pullContextPullsBurstPacketsAndSleepsOnTheQueue() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Discard discard = router.add(new Discard(), "d", 1, 0, "BURST 3");
            connect(queue, 0, discard, 0);
            router.initialize(queue, discard);
            fill(router, queue, 7);
            router.runTasks();
            assertEquals(3, discard.count());
            router.runTasks(2);
            assertEquals(7, discard.count());
            assertEquals(256, router.pool.available());

            router.runTasks(10);
            assertFalse(router.anyTaskScheduled(), "asleep on the queue's empty notifier");
            fill(router, queue, 1);
            assertTrue(router.anyTaskScheduled());
            router.runTasks();
            assertEquals(8, discard.count());
        }
    }

    @Test
    void burstZeroPullsEverythingAndActiveHandlerStopsAndStarts() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Discard discard = router.add(new Discard(), "d", 1, 0, "BURST 0, ACTIVE false");
            connect(queue, 0, discard, 0);
            router.initialize(queue, discard);
            fill(router, queue, 100);
            assertFalse(router.runTasks());
            TestRouter.Handlers handlers = router.handlers(discard);
            assertEquals("false", handlers.read("active"));
            handlers.write("active", "true");
            router.runTasks();
            assertEquals(100, discard.count());
            handlers.write("active", "false");
            assertFalse(router.anyTaskScheduled());
            assertEquals("syntax error",
                    assertThrows(HandlerException.class, () -> handlers.write("active", "on")).getMessage());
        }
    }

    @Test
    void badArguments() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("ACTIVE: parse error", "BURST: invalid number"),
                    assertThrows(ConfigurationException.class,
                            () -> router.add(new Discard(), "d", 1, 0, "BURST -1, ACTIVE maybe")).errors());
            assertEquals(List.of("too many arguments"), assertThrows(ConfigurationException.class,
                    () -> router.add(new Discard(), "d", 1, 0, "true")).errors());
        }
    }
}
