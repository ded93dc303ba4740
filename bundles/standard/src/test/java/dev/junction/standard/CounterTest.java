package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.ElementState;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {
    private static final long MILLISECOND = 1_000_000;

    /** A Counter feeding a Sink, initialized. */
    private static Counter counter(TestRouter router) throws ConfigurationException {
        Counter counter = router.add(new Counter(), "c", 1, 1, "");
        TestRouter.Sink sink = router.add(new TestRouter.Sink(), "k", 1, 0, "");
        connect(counter, 0, sink, 0);
        router.initialize(counter, sink);
        return counter;
    }

    private static void push(TestRouter router, Counter counter, int packets, int length) {
        PacketBatch batch = new PacketBatch(packets);
        router.pool.allocate(batch, packets);
        for (int i = 0; i < packets; i++) {
            batch.get(i).put(length);
        }
        counter.push(0, batch);
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

    @Test
    void countCallIsNotSupportedYet() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("COUNT_CALL: unknown argument"), assertThrows(ConfigurationException.class,
                    () -> router.add(new Counter(), "c", 1, 1, "COUNT_CALL 5 s.switch 1")).errors());
            assertEquals(List.of("too many arguments"), assertThrows(ConfigurationException.class,
                    () -> router.add(new Counter(), "c", 1, 1, "5")).errors());
        }
    }
}
