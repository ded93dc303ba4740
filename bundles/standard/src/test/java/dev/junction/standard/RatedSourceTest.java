package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Args;
import dev.junction.element.HandlerException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.sched.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatedSourceTest {
    private static final long MS = 1_000_000L;

    /** A RatedSource pushing into a sink, on one manual clock whose timers and tasks the test runs. */
    private static final class Rig implements AutoCloseable {
        final PacketPool pool = PacketPool.create("rated", 256);
        final RatedSource source;
        final Sink sink;
        final StandaloneContext context;
        final ManualClock clock;

        Rig(String config) throws Exception {
            source = StandaloneContext.attach(new RatedSource(), "s", pool, 0, 1);
            sink = StandaloneContext.attach(new Sink(), "k", pool, 1, 0);
            StandaloneContext.connect(source, 0, sink, 0);
            source.configure(Args.parse(config));
            source.initialize();
            context = (StandaloneContext) source.context();
            clock = context.manualClock();
        }

        /** Advances the clock by {@code nanos} in steps of {@code step}, firing timers and running tasks. */
        void run(long nanos, long step) {
            for (long t = 0; t < nanos; t += step) {
                clock.advance(step);
                context.runTimers();
                while (context.runTasks()) {
                    // until the task sleeps
                }
            }
        }

        TestRouter.Handlers handlers() {
            TestRouter.Handlers handlers = new TestRouter.Handlers();
            source.addHandlers(handlers);
            return handlers;
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    @Test
    void sendsRatePacketsPerSecondWakingOnItsTimer() throws Exception {
        try (Rig rig = new Rig("DATA abc, RATE 10")) {
            assertTrue(rig.context.runTasks());
            assertEquals(1, rig.sink.packets(), "the bucket starts with one token");
            assertFalse(rig.context.runTasks(), "no token: the task sleeps on its timer");
            assertFalse(rig.context.tasks().getFirst().isScheduled());
            rig.run(1_000 * MS, MS);
            assertEquals(11, rig.sink.packets(), "one more every 100 ms");
            assertEquals("abc", new String(rig.sink.lastData()));
            assertEquals(rig.clock.epochNanos(), rig.sink.lastTimestamp());
            rig.run(10_000 * MS, 10 * MS);
            assertEquals(111, rig.sink.packets());
            assertEquals(256, rig.pool.available());
        }
    }

    @Test
    void anIdleSourceSavesAtMostItsBucket() throws Exception {
        try (Rig rig = new Rig("RATE 1000, LIMIT 100")) {
            rig.context.runTasks();
            assertEquals(1, rig.sink.packets());
            rig.handlers().write("active", "false");
            rig.run(5_000 * MS, 1_000 * MS);
            assertEquals(1, rig.sink.packets());
            rig.handlers().write("active", "true");
            rig.context.runTasks();
            assertEquals(2, rig.sink.packets(), "reactivating restarts the bucket with 1 token");
            rig.run(1_000 * MS, 1_000 * MS);
            assertEquals(12, rig.sink.packets(), "a full bucket of RATE/100 = 10 tokens, in one batch");
            assertEquals(1 + 1 + 1, rig.sink.batches, "batch-native: one push for the whole bucket");
            rig.run(1_000 * MS, MS);
            assertEquals(100, rig.sink.packets(), "LIMIT");
            assertEquals("100", rig.handlers().read("count"));
        }
    }

    @Test
    void stopAsksTheRouterToStopOnceLimitIsReached() throws Exception {
        try (Rig rig = new Rig("DATA \"I love myself\\n\", RATE 10000, LIMIT 10, STOP true")) {
            rig.run(10 * MS, MS);
            assertEquals(10, rig.sink.packets());
            assertEquals(List.of("stop="), rig.context.handlerWrites());
            assertEquals(14, rig.sink.lastData().length);
        }
    }

    @Test
    void handlersAsClick() throws Exception {
        try (Rig rig = new Rig("abc, 5, 2, LENGTH 5")) {
            TestRouter.Handlers handlers = rig.handlers();
            assertEquals("abc", handlers.read("data"));
            assertEquals("5", handlers.read("rate"));
            assertEquals("2", handlers.read("limit"));
            assertEquals("true", handlers.read("active"));
            assertEquals("5", handlers.read("length"));
            rig.run(1_000 * MS, MS);
            assertEquals(2, rig.sink.packets());
            assertEquals("abcab", new String(rig.sink.lastData()));

            handlers.write("limit", "-1");
            handlers.write("rate", "100");
            handlers.write("length", "-1");
            handlers.write("reset", "");
            assertEquals("0", handlers.read("count"));
            rig.run(1_000 * MS, MS);
            assertEquals(2 + 101, rig.sink.packets());
            assertEquals("abc", new String(rig.sink.lastData()));
            handlers.write("data", "\"xy\"");
            rig.run(10 * MS, MS);
            assertEquals("\"xy\"", new String(rig.sink.lastData()), "written data is taken raw");

            for (String handler : List.of("rate", "limit", "active", "length")) {
                assertEquals("syntax error",
                        assertThrows(HandlerException.class, () -> handlers.write(handler, "x"), handler)
                                .getMessage());
            }
            assertTrue(assertThrows(HandlerException.class, () -> handlers.write("length", "100000"))
                    .getMessage().startsWith("packet data of 100000 bytes does not fit"));
        }
    }

    @Test
    void bandwidthSetsTheRateFromThePacketLength() throws Exception {
        try (Rig rig = new Rig("DATA abcd, BANDWIDTH 400Bps")) {
            assertEquals("100", rig.handlers().read("rate"));
        }
    }

    @Test
    void inPullContextAnswersPullsAtTheRate() throws Exception {
        try (TestRouter router = new TestRouter()) {
            RatedSource source = router.add(new RatedSource(), "s", 0, 1, "RATE 1000, LIMIT 15");
            Unqueue unqueue = router.add(new Unqueue(), "u", 1, 1, "BURST 100");
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(source, 0, unqueue, 0);
            connect(unqueue, 0, sink, 0);
            router.initialize(source, unqueue, sink);
            PacketBatch batch = new PacketBatch();
            assertEquals(1, source.pull(0, batch, 100));
            assertEquals(0, source.pull(0, batch, 100));
            router.clock.advance(3 * MS);
            assertEquals(3, source.pull(0, batch, 100));
            router.clock.advance(100 * MS);
            assertEquals(4, source.pull(0, batch, 4));
            assertEquals(6, source.pull(0, batch, 100), "the bucket holds RATE/100 = 10");
            router.clock.advance(100 * MS);
            assertEquals(1, source.pull(0, batch, 100), "LIMIT");
            assertEquals(15, source.count());
            batch.killAll();
        }
    }

    @Test
    void badArgumentsReadAsInClick() {
        assertEquals(List.of("RATE: invalid number"), errors("a, -1"));
        assertEquals(List.of("LIMIT: invalid number"), errors("LIMIT many"));
        assertEquals(List.of("ACTIVE: parse error", "FOO: unknown argument"), errors("ACTIVE perhaps, FOO 1"));
        assertEquals(List.of("too many arguments"), errors("a, 1, 1, true, extra"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new RatedSource(), 0, 1, config);
    }
}
