package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.sched.NotifierKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfiniteSourceTest {
    private static final int DEFAULT_DATA_LENGTH = 69;

    @Test
    void pushesBurstPacketsOfDefaultDataEachRunUntilLimit() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "LIMIT 10, BURST 4");
            Sink sink = Sink.wire(router, source, Sink::new)[0];

            assertTrue(router.runTasks());
            assertEquals(4, sink.packets());
            assertEquals(DEFAULT_DATA_LENGTH, sink.lastData().length);
            assertTrue(new String(sink.lastData()).startsWith("Random"));
            assertEquals(router.clock.epochNanos(), sink.lastTimestamp());
            router.runTasks(5);
            assertEquals(10, sink.packets(), "LIMIT caps the last burst at 2");
            assertEquals("10", router.handlers(source).read("count"));
            assertFalse(router.runTasks(), "done: the task sleeps");
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void stopAsksTheRouterToStopOnceLimitIsReached() throws Exception {
        try (PacketPool pool = PacketPool.create("stop", 64)) {
            InfiniteSource source = StandaloneContext.attach(new InfiniteSource(), "s", pool, 0, 1);
            Sink sink = StandaloneContext.attach(new Sink(), "k", pool, 1, 0);
            StandaloneContext.connect(source, 0, sink, 0);
            source.configure(Args.parse("LIMIT 3, BURST 2, STOP true"));
            source.initialize();
            StandaloneContext context = (StandaloneContext) source.context();
            for (int round = 0; round < 5; round++) {
                context.runTasks();
            }
            assertEquals(3, sink.packets());
            assertEquals(List.of("stop="), context.handlerWrites(), "one stop request, after the LIMIT");
        }
    }

    @Test
    void theCountCrossesAHotSwapSoLimitIsNotRestarted() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource old = router.add(new InfiniteSource(), "s", 0, 1, "LIMIT 10, BURST 4");
            Sink sink = Sink.wire(router, old, Sink::new)[0];
            router.runTasks(2);
            assertEquals(8, sink.packets());

            ElementState state = new ElementState();
            old.saveState(state);
            router.handlers(old).write("active", "false"); // a real swap stops the old graph

            InfiniteSource replacement = router.add(new InfiniteSource(), "s2", 0, 1, "LIMIT 10, BURST 4");
            connect(replacement, 0, sink, 0);
            router.initialize(replacement);
            replacement.takeState(state);
            assertEquals("8", router.handlers(replacement).read("count"));
            router.runTasks(5);
            assertEquals(10, sink.packets(), "only the 2 packets left under LIMIT follow the swap");
        }
    }

    @Test
    void positionalArgumentsAndDataKeywords() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "\\<0800 45>, 3, 2, true, TIMESTAMP false");
            Sink sink = Sink.wire(router, source, Sink::new)[0];
            router.runTasks(5);
            assertEquals(3, sink.packets());
            assertArrayEquals(new byte[] {8, 0, 0x45}, sink.lastData());
            assertEquals(0, sink.lastTimestamp());
            TestRouter.Handlers handlers = router.handlers(source);
            assertEquals("3", handlers.read("limit"));
            assertEquals("2", handlers.read("burst"));
            assertEquals("true", handlers.read("active"));
            assertEquals("-1", handlers.read("length"));
        }
    }

    @Test
    void lengthCutsOrRepeatsData() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "DATA abc, LENGTH 7, LIMIT 1");
            Sink sink = Sink.wire(router, source, Sink::new)[0];
            router.runTasks();
            assertEquals("abcabca", new String(sink.lastData()));

            TestRouter.Handlers handlers = router.handlers(source);
            handlers.write("length", "2");
            handlers.write("reset", "");
            router.runTasks();
            assertEquals("ab", new String(sink.lastData()));
            handlers.write("data", "\"raw\"");
            handlers.write("length", "-1");
            handlers.write("reset", "");
            router.runTasks();
            assertEquals("\"raw\"", new String(sink.lastData()), "written data is taken raw");
            assertEquals("\"raw\"", handlers.read("data"));
        }
    }

    @Test
    void handlersRestartProductionAndRefuseBadValues() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "ACTIVE false, LIMIT 2");
            Sink sink = Sink.wire(router, source, Sink::new)[0];
            assertFalse(router.runTasks());
            assertEquals(0, sink.packets());

            TestRouter.Handlers handlers = router.handlers(source);
            handlers.write("active", "true");
            router.runTasks(3);
            assertEquals(2, sink.packets());
            handlers.write("limit", "5");
            handlers.write("burst", "8");
            router.runTasks(3);
            assertEquals(5, sink.packets());
            handlers.write("reset", "");
            assertEquals("0", handlers.read("count"));
            router.runTasks();
            assertEquals(10, sink.packets());

            assertEquals("active parameter must be boolean",
                    assertThrows(HandlerException.class, () -> handlers.write("active", "maybe")).getMessage());
            assertEquals("limit parameter must be integer",
                    assertThrows(HandlerException.class, () -> handlers.write("limit", "x")).getMessage());
            assertEquals("burstsize parameter must be integer >= 1",
                    assertThrows(HandlerException.class, () -> handlers.write("burst", "0")).getMessage());
            assertEquals("length must be integer",
                    assertThrows(HandlerException.class, () -> handlers.write("length", "long")).getMessage());
            assertTrue(assertThrows(HandlerException.class, () -> handlers.write("length", "1000"))
                    .getMessage().startsWith("packet data of 1000 bytes does not fit"));
        }
    }

    @Test
    void badArgumentsReadAsInClick() throws Exception {
        assertEquals(List.of("burst size must be >= 1"), errors("BURST 0"));
        assertEquals(List.of("LIMIT: invalid number"), errors("LIMIT many"));
        assertEquals(List.of("ACTIVE: parse error", "FOO: unknown argument"), errors("ACTIVE perhaps, FOO 1"));
        assertEquals(List.of("too many arguments"), errors("a, 1, 1, true, extra"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new InfiniteSource(), 0, 1, config);
    }

    @Test
    void dataTooLongForThePoolFailsInitialization() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "LENGTH 300");
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(source, 0, sink, 0);
            assertEquals("packet data of 300 bytes does not fit in the pool's packets (192 bytes after headroom)",
                    assertThrows(ConfigurationException.class, source::initialize).getMessage());
        }
    }

    @Test
    void anEmptyPoolIsADropCountedByThePool() throws Exception {
        try (TestRouter router = new TestRouter(8)) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "BURST 10");
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            connect(source, 0, queue, 0);
            router.initialize(source, queue);
            router.runTasks();
            assertEquals(8, queue.length());
            assertEquals(8, source.count(), "only packets made are counted");
            assertEquals(2, router.pool.drops());
            queue.cleanup();
        }
    }

    @Test
    void inPullContextAnswersPullsAndSleepsItsNotifierAtLimit() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "LIMIT 5, BURST 1");
            Unqueue unqueue = router.add(new Unqueue(), "u", 1, 1, "BURST 100");
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(source, 0, unqueue, 0);
            connect(unqueue, 0, sink, 0);
            router.initialize(source, unqueue, sink);

            assertTrue(source.notifier(NotifierKind.EMPTY).isActive());
            router.runTasks();
            assertEquals(5, sink.packets(), "pulls ignore BURST and stop at LIMIT");
            assertFalse(source.notifier(NotifierKind.EMPTY).isActive());
            router.handlers(source).write("reset", "");
            assertTrue(source.notifier(NotifierKind.EMPTY).isActive());
            PacketBatch batch = new PacketBatch();
            assertEquals(3, source.pull(0, batch, 3));
            batch.killAll();
        }
    }
}
