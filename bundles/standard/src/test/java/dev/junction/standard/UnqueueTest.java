package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnqueueTest {
    @Test
    void movesBurstPacketsPerRun() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<Unqueue> path = QueuePath.of(router, new Unqueue(), "BURST 4");
            path.fill(10, 0);
            router.runTasks();
            assertEquals(4, path.sink().packets());
            router.runTasks(2);
            assertEquals(10, path.sink().packets());
            assertEquals("10", router.handlers(path.unqueue()).read("count"));
            assertEquals("4", router.handlers(path.unqueue()).read("burst"));
        }
    }

    @Test
    void defaultBurstIsOneAndNegativeMeansAll() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<Unqueue> path = QueuePath.of(router, new Unqueue(), "");
            path.fill(5, 0);
            router.runTasks();
            assertEquals(1, path.sink().packets());
            router.handlers(path.unqueue()).write("burst", "-1");
            assertEquals("2147483647", router.handlers(path.unqueue()).read("burst"));
            router.runTasks();
            assertEquals(5, path.sink().packets());
        }
    }

    @Test
    void sleepsOnAnEmptyQueueAndWakesWhenPacketsArrive() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<Unqueue> path = QueuePath.of(router, new Unqueue(), "BURST 8");
            for (int run = 0; run < 9; run++) {
                assertFalse(router.runTasks());
                assertTrue(isScheduled(router), "polls while the queue's empty notifier is still active");
            }
            assertFalse(router.runTasks());
            assertFalse(isScheduled(router), "asleep once the queue's notifier went inactive");
            assertFalse(router.runTasks());

            path.fill(3, 0);
            assertTrue(isScheduled(router), "the push woke it");
            assertTrue(router.runTasks());
            assertEquals(3, path.sink().packets());
        }
    }

    /** Whether any task of the router is scheduled: here, the Unqueue's (Queue and Sink have none). */
    private static boolean isScheduled(TestRouter router) {
        return router.anyTaskScheduled();
    }

    @Test
    void limitStopsItUntilReset() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<Unqueue> path = QueuePath.of(router, new Unqueue(), "BURST 4, LIMIT 6");
            path.fill(20, 0);
            router.runTasks(5);
            assertEquals(6, path.sink().packets());
            assertFalse(isScheduled(router));
            TestRouter.Handlers handlers = router.handlers(path.unqueue());
            assertEquals("6", handlers.read("limit"));
            handlers.write("reset", "");
            assertTrue(isScheduled(router));
            router.runTasks(5);
            assertEquals(12, path.sink().packets());
            handlers.write("limit", "-1");
            router.runTasks(5);
            assertEquals(20, path.sink().packets());
            handlers.write("reset_counts", "");
            assertEquals("0", handlers.read("count"));
        }
    }

    @Test
    void activeFalseMovesNothingUntilSetTrue() throws Exception {
        try (TestRouter router = new TestRouter()) {
            QueuePath<Unqueue> path = QueuePath.of(router, new Unqueue(), "ACTIVE false");
            path.fill(2, 0);
            router.runTasks(3);
            assertEquals(0, path.sink().packets());
            TestRouter.Handlers handlers = router.handlers(path.unqueue());
            assertEquals("false", handlers.read("active"));
            handlers.write("active", "true");
            router.runTasks(3);
            assertEquals(2, path.sink().packets());
            handlers.write("active", "false");
            assertFalse(router.runTasks());
            assertEquals("syntax error",
                    assertThrows(HandlerException.class, () -> handlers.write("active", "2")).getMessage());
            assertEquals("syntax error",
                    assertThrows(HandlerException.class, () -> handlers.write("burst", "lots")).getMessage());
            assertEquals("syntax error",
                    assertThrows(HandlerException.class, () -> handlers.write("limit", "1.5")).getMessage());
        }
    }

    @Test
    void badArguments() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("BURST: invalid number", "ACTIVE: parse error", "LIMIT: invalid number"),
                    assertThrows(ConfigurationException.class,
                            () -> router.add(new Unqueue(), "u", 1, 1, "x, ACTIVE 2, LIMIT y")).errors());
        }
    }
}
