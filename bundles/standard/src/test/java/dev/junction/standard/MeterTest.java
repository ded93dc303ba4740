package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeterTest {
    private static final long MILLISECOND = 1_000_000;

    @Test
    void sendsTheStreamToTheOutputOfItsRate() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Meter meter = router.add(new Meter(), "m", 1, 3, "1000Bps, 3kBps");
            Sink[] out = Sink.wire(router, meter, Sink::new);
            TestRouter.Handlers handlers = router.handlers(meter);
            assertEquals("10003000", handlers.read("meters"), "Click prints them without a separator");

            for (int ms = 0; ms < 300; ms++) { // 2 packets a millisecond: 2000 per second
                meter.push(0, router.batch(2, 1, 0));
                router.clock.advance(MILLISECOND);
            }
            int before = out[1].packets();
            meter.push(0, router.batch(2, 1, 0));
            assertEquals(before + 2, out[1].packets(), "2000 pkt/s is between 1000 and 3000");
            assertEquals(2000, Double.parseDouble(handlers.read("rate")), 20);

            for (int ms = 0; ms < 300; ms++) { // 4 a millisecond
                meter.push(0, router.batch(4, 1, 0));
                router.clock.advance(MILLISECOND);
            }
            before = out[2].packets();
            meter.push(0, router.batch(4, 1, 0));
            assertEquals(before + 4, out[2].packets());
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void arguments() throws Exception {
        try (TestRouter router = new TestRouter()) {
            router.add(new Meter(), "m", 1, 2, "10000");
            assertEquals(List.of("no units for bandwidth argument 1, assuming Bps"), router.warnings("m"));
            router.add(new Meter(), "m2", 1, 2, "10kbps");
            assertEquals(List.of(), router.warnings("m2"));
        }
        assertEquals(List.of("too few arguments to BandwidthMeter(bandwidth, ...)"), errors("", 2));
        assertEquals(List.of("argument 2 syntax error"), errors("1Bps, fast", 3));
        assertEquals(List.of("rate 2 must be > rate 1"), errors("10Bps, 5Bps", 3));
        assertEquals(List.of("rate 1 too large (max 4194303)"), errors("5MBps", 2));
        assertEquals(List.of("need 2 arguments, one less than the number of output ports"), errors("10Bps", 3));
    }

    private static List<String> errors(String config, int outputs) {
        return TestRouter.configErrors(new Meter(), 1, outputs, config);
    }
}
