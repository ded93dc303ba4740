package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.HandlerException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimedSourceTest {
    @Test
    void pushesOnePacketPerIntervalUpToTheLimit() throws Exception {
        try (TestRouter router = new TestRouter()) {
            TimedSource source = router.add(new TimedSource(), "s", 0, 1, "10ms, hello, LIMIT 3");
            Sink sink = Sink.wire(router, source, Sink::new)[0];
            assertEquals(0, router.runTimers(), "the first packet comes after one INTERVAL");
            for (int i = 0; i < 5; i++) {
                router.clock.advance(10_000_000);
                router.runTimers();
            }
            assertEquals(3, sink.packets());
            assertEquals("hello", new String(sink.lastData(), StandardCharsets.ISO_8859_1));
            assertEquals(router.clock.epochNanos() - 20_000_000, sink.lastTimestamp());
            TestRouter.Handlers handlers = router.handlers(source);
            assertEquals("3", handlers.read("count"));
            assertEquals("10ms", handlers.read("interval"));
            handlers.write("reset", "");
            router.runTimers();
            assertEquals(4, sink.packets(), "reset restarts the ticks at once");
            handlers.write("data", "bye");
            handlers.write("interval", "1");
            router.clock.advance(1_000_000_000);
            router.runTimers();
            assertEquals("bye", new String(sink.lastData(), StandardCharsets.ISO_8859_1));
            assertEquals("bad interval", assertThrows(HandlerException.class,
                    () -> handlers.write("interval", "0")).getMessage());
        }
    }

    @Test
    void defaultsAndInactive() throws Exception {
        try (TestRouter router = new TestRouter()) {
            TimedSource source = router.add(new TimedSource(), "s", 0, 1, "ACTIVE false");
            Sink sink = Sink.wire(router, source, Sink::new)[0];
            router.clock.advance(2_000_000_000L);
            router.runTimers();
            assertEquals(0, sink.packets());
            TestRouter.Handlers handlers = router.handlers(source);
            assertEquals("500ms", handlers.read("interval"));
            assertEquals(Sources.DEFAULT_DATA, handlers.read("data"));
            handlers.write("active", "true");
            router.runTimers();
            assertEquals(1, sink.packets());
            assertEquals(69, sink.lastData().length);
        }
    }
}
