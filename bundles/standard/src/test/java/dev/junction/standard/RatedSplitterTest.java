package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatedSplitterTest {
    private static final long MILLISECOND = 1_000_000;

    private record Path(RatedSplitter splitter, Sink under, Sink over) {
        static Path of(TestRouter router, String config) throws ConfigurationException {
            RatedSplitter splitter = router.add(new RatedSplitter(), "rs", 1, 2, config);
            Sink[] wired = Sink.wire(router, splitter, Sink::new);
            Sink under = wired[0];
            Sink over = wired[1];
            return new Path(splitter, under, over);
        }
    }

    @Test
    void sendsRatePacketsPerSecondToOutput0AndTheRestToOutput1() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "1000");
            // 4 packets a millisecond for a second, against 1000 a second: the 20-token bucket starts full.
            for (int ms = 0; ms < 1000; ms++) {
                path.splitter.push(0, router.batch(4, 1, 0));
                router.clock.advance(MILLISECOND);
            }
            assertEquals(1000 + 20 - 1, path.under.packets(), 10);
            assertEquals(4000, path.under.packets() + path.over.packets());
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void aBatchIsCutWhereTheTokensRunOut() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "1000, BURST_SIZE 5");
            var batch = router.batch(8, 1, 0);
            for (int i = 0; i < 8; i++) {
                batch.get(i).setByte(0, i);
            }
            path.splitter.push(0, batch);
            assertEquals(List.of(0, 1, 2, 3, 4), path.under.firstBytes());
            assertEquals(List.of(5, 6, 7), path.over.firstBytes());
            assertEquals(1, path.under.batches);
            assertEquals(1, path.over.batches);
        }
    }

    @Test
    void rateHandlerAndBurstArguments() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "2000");
            TestRouter.Handlers handlers = router.handlers(path.splitter);
            assertEquals("2000", handlers.read("rate"));
            assertEquals("2000", handlers.read("config"));
            handlers.write("rate", "300");
            assertEquals("300", handlers.read("rate"));
            assertEquals("RATE: invalid number",
                    assertThrows(HandlerException.class, () -> handlers.write("rate", "fast")).getMessage());
        }
        try (TestRouter router = new TestRouter()) {
            Path zero = Path.of(router, "0");
            zero.splitter.push(0, router.batch(3, 1, 0));
            assertEquals(3, zero.over.packets(), "rate 0: nothing is under the rate");
        }
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "100, BURST_DURATION 1s");
            path.splitter.push(0, router.batch(200, 1, 0));
            assertEquals(100, path.under.packets(), "a second's worth of tokens");
        }
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("cannot specify both BURST_DURATION and BURST_SIZE"),
                    assertThrows(ConfigurationException.class,
                            () -> router.add(new RatedSplitter(), "rs", 1, 2, "10, BURST_DURATION 1, BURST_SIZE 3"))
                            .errors());
            assertEquals(List.of("RATE: required argument missing"), assertThrows(ConfigurationException.class,
                    () -> router.add(new RatedSplitter(), "rs", 1, 2, "")).errors());
        }
    }

    @Test
    void withoutOutput1TheRestIsFreed() throws Exception {
        try (TestRouter router = new TestRouter()) {
            RatedSplitter splitter = router.add(new RatedSplitter(), "rs", 1, 1, "10, BURST_SIZE 2");
            Sink under = Sink.wire(router, splitter, Sink::new)[0];
            splitter.push(0, router.batch(5, 1, 0));
            assertEquals(2, under.packets());
            assertEquals(256, router.pool.available());
        }
    }
}
