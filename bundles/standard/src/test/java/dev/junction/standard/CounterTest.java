package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {
    private static final long MILLISECOND = 1_000_000;

    /** A Counter feeding a Sink, initialized. */
    private static Counter counter(TestRouter router) throws ConfigurationException {
        Counter counter = router.add(new Counter(), "c", 1, 1, "");
        Sink sink = Sink.wire(router, counter, Sink::new)[0];
        return counter;
    }

    private static void push(TestRouter router, Counter counter, int packets, int length) {
        counter.push(0, router.batch(packets, length));
    }

    @Test
    void countsPacketsAndBytesAndResets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Counter counter = counter(router);
            push(router, counter, 3, 100);
            push(router, counter, 2, 60);
            TestRouter.Handlers handlers = router.handlers(counter);
            assertEquals("5", handlers.read("count"));
            assertEquals("420", handlers.read("byte_count"));
            handlers.write("reset", "");
            assertEquals("0", handlers.read("count"));
            push(router, counter, 1, 10);
            handlers.write("reset_counts", "");
            assertEquals("0", handlers.read("byte_count"));
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void ratesFollowTheArrivalRateAndDecayWhenIdle() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Counter counter = counter(router);
            TestRouter.Handlers handlers = router.handlers(counter);
            assertEquals("0", handlers.read("rate"));
            for (int ms = 0; ms < 500; ms++) { // 2 packets of 100 bytes every millisecond
                push(router, counter, 2, 100);
                router.clock.advance(MILLISECOND);
            }
            assertEquals(2000, Double.parseDouble(handlers.read("rate")), 20);
            assertEquals(200_000, Double.parseDouble(handlers.read("byte_rate")), 2000);
            assertEquals(1_600_000, Double.parseDouble(handlers.read("bit_rate")), 16_000);
            router.clock.advance(200 * MILLISECOND);
            assertEquals("0", handlers.read("rate"), "a long idle period empties the average");
        }
    }

    @Test
    void countsPulledPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Counter counter = router.add(new Counter(), "c", 1, 1, "");
            connect(queue, 0, counter, 0);
            router.initialize(queue, counter);
            PacketBatch batch = new PacketBatch();
            router.pool.allocate(batch, 7);
            queue.push(0, batch);
            batch.clear();
            assertEquals(7, counter.pull(0, batch, 32));
            assertEquals(7, counter.count());
            batch.killAll();
        }
    }

    @Test
    void stateCarriesCountsAndRatesIntoAFreshCounter() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Counter old = counter(router);
            for (int ms = 0; ms < 300; ms++) {
                push(router, old, 1, 50);
                router.clock.advance(MILLISECOND);
            }
            ElementState state = new ElementState();
            old.saveState(state);

            Counter replacement = counter(router);
            replacement.takeState(state);
            TestRouter.Handlers handlers = router.handlers(replacement);
            assertEquals("300", handlers.read("count"));
            assertEquals("15000", handlers.read("byte_count"));
            assertEquals(router.handlers(old).read("rate"), handlers.read("rate"));
        }
    }

    /** Counter(config) -> s :: Switch -> [0] first, [1] second. */
    private record Switched(Counter counter, Switch sw, Sink first, Sink second) {
        static Switched of(TestRouter router, String config) throws ConfigurationException {
            Counter counter = router.add(new Counter(), "c", 1, 1, config);
            Switch sw = router.add(new Switch(), "s", 1, 2, "");
            Sink first = router.add(new Sink(), "a", 1, 0, "");
            Sink second = router.add(new Sink(), "b", 1, 0, "");
            connect(counter, 0, sw, 0);
            connect(sw, 0, first, 0);
            connect(sw, 1, second, 0);
            router.initialize(counter, sw, first, second);
            return new Switched(counter, sw, first, second);
        }
    }

    @Test
    void countCallWritesTheHandlerBeforeThePacketThatReachesTheCount() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Switched path = Switched.of(router, "COUNT_CALL 5 s.switch 1");
            path.counter.push(0, router.batch(8, 10, 0));
            assertEquals(4, path.first.packets(), "packets 1-4 went on before the call");
            assertEquals(4, path.second.packets(), "packet 5 and the rest after it");
            assertEquals(1, path.sw.selected());
            TestRouter.Handlers handlers = router.handlers(path.counter);
            assertEquals("5", handlers.read("count_call"));
            assertEquals("8", handlers.read("count"));

            // Made once; reset arms it again.
            router.handlers(path.sw).write("switch", "0");
            path.counter.push(0, router.batch(8, 10, 0));
            assertEquals(12, path.first.packets());
            handlers.write("reset", "");
            path.counter.push(0, router.batch(3, 10, 0));
            path.counter.push(0, router.batch(3, 10, 0));
            assertEquals(16, path.first.packets());
            assertEquals(6, path.second.packets());
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void byteCountCallFiresWhenTheByteCountReachesOrPasses() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Switched path = Switched.of(router, "BYTE_COUNT_CALL 250 s.switch 1");
            path.counter.push(0, router.batch(5, 100, 0));
            assertEquals(2, path.first.packets(), "200 bytes before the call");
            assertEquals(3, path.second.packets(), "the packet that passes 250, and the rest");
        }
    }

    @Test
    void countCallHandlerCanBeRewritten() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Switched path = Switched.of(router, "");
            TestRouter.Handlers handlers = router.handlers(path.counter);
            assertEquals("", handlers.read("count_call"));
            handlers.write("count_call", "3 s.switch -1");
            assertEquals("3", handlers.read("count_call"));
            path.counter.push(0, router.batch(4, 10, 0));
            assertEquals(2, path.first.packets());
            assertEquals(0, path.second.packets(), "switched to -1: the rest were freed");
            handlers.write("byte_count_call", "50 s.switch 1");
            path.counter.push(0, router.batch(2, 10, 0));
            assertEquals(2, path.second.packets(), "the first packet reaches 50: called before it");
            assertEquals("'count_call' first word should be unsigned (count)",
                    assertThrows(HandlerException.class, () -> handlers.write("count_call", "x s.switch 1")).getMessage());
            assertEquals("'byte_count_call' first word should be unsigned (count)",
                    assertThrows(HandlerException.class, () -> handlers.write("byte_count_call", "-1")).getMessage());
            assertEquals("no element named 'nowhere'",
                    assertThrows(HandlerException.class, () -> handlers.write("count_call", "1 nowhere.x")).getMessage());
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void aPullStopsAtThePacketThatReachesTheCount() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Counter counter = router.add(new Counter(), "c", 1, 1, "COUNT_CALL 3 s.switch 1");
            Switch sw = router.add(new Switch(), "s", 1, 2, "");
            connect(queue, 0, counter, 0);
            router.initialize(queue, counter, sw);
            queue.push(0, router.batch(10, 10, 0));
            PacketBatch batch = new PacketBatch();
            assertEquals(3, counter.pull(0, batch, 32));
            assertEquals(1, sw.selected(), "called before the pull returned the third packet");
            assertEquals(7, counter.pull(0, batch, 32));
            batch.killAll();
        }
    }

    @Test
    void countCallErrors() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("COUNT_CALL type mismatch"), assertThrows(ConfigurationException.class,
                    () -> router.add(new Counter(), "c", 1, 1, "COUNT_CALL x s.switch 1")).errors());
            assertEquals(List.of("BYTE_COUNT_CALL type mismatch"), assertThrows(ConfigurationException.class,
                    () -> router.add(new Counter(), "c", 1, 1, "BYTE_COUNT_CALL -3 s.switch 1")).errors());
            assertEquals(List.of("too many arguments"), assertThrows(ConfigurationException.class,
                    () -> router.add(new Counter(), "c", 1, 1, "5")).errors());
            Counter counter = router.add(new Counter(), "c", 1, 1, "COUNT_CALL 5 nowhere.switch 1");
            assertEquals(List.of("no element named 'nowhere'"),
                    assertThrows(ConfigurationException.class, counter::initialize).errors());
        }
    }
}
