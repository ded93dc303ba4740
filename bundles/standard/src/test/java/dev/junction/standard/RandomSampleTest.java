package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomSampleTest {
    private record Path(RandomSample sample, Sink kept, Sink dropped) {
        static Path of(TestRouter router, String config) throws ConfigurationException {
            RandomSample sample = router.add(new RandomSample(), "rs", 1, 2, config);
            Sink[] wired = Sink.wire(router, sample, Sink::new);
            Sink kept = wired[0];
            Sink dropped = wired[1];
            return new Path(sample, kept, dropped);
        }
    }

    @Test
    void samplesAboutPOfThePackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "0.25");
            for (int i = 0; i < 250; i++) {
                path.sample.push(0, router.batch(32, 1, 0));
            }
            int kept = path.kept.packets();
            assertTrue(kept > 1700 && kept < 2300, "about 2000 of 8000: " + kept);
            assertEquals(8000 - kept, path.dropped.packets());
            assertEquals(Long.toString(8000 - kept), router.handlers(path.sample).read("drops"));
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void handlers() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Path path = Path.of(router, "DROP 0.75, ACTIVE false");
            TestRouter.Handlers handlers = router.handlers(path.sample);
            assertEquals("0.25", handlers.read("sampling_prob"));
            assertEquals("0.75", handlers.read("drop_prob"));
            assertEquals("SAMPLE 0.25, ACTIVE false", handlers.read("config"));
            path.sample.push(0, router.batch(10, 1, 0));
            assertEquals(10, path.kept.packets(), "inactive: everything passes");
            handlers.write("active", "true");
            handlers.write("sampling_prob", "0");
            path.sample.push(0, router.batch(10, 1, 0));
            assertEquals(10, path.dropped.packets());
            handlers.write("drop_prob", "0");
            assertEquals("1", handlers.read("sampling_prob"));
            path.sample.push(0, router.batch(10, 1, 0));
            assertEquals(20, path.kept.packets());
            handlers.write("sampling_prob", "0.1");
            assertEquals("0.1", handlers.read("sampling_prob"));
            assertEquals("Must be given a number between 0.0 and 1.0",
                    assertThrows(HandlerException.class, () -> handlers.write("sampling_prob", "1.5")).getMessage());
            assertEquals("Must be given a number between 0.0 and 1.0",
                    assertThrows(HandlerException.class, () -> handlers.write("drop_prob", "-0.5")).getMessage());
            assertEquals("expected boolean",
                    assertThrows(HandlerException.class, () -> handlers.write("active", "maybe")).getMessage());
        }
    }

    @Test
    void badArguments() {
        assertEquals(List.of("sampling probability must be between 0 and 1"), errors(""));
        assertEquals(List.of("sampling probability must be between 0 and 1"), errors("2"));
        assertEquals(List.of("give at most one of SAMPLE and DROP"), errors("SAMPLE 0.5, DROP 0.5"));
        assertEquals(List.of("P: parse error"), errors("half"));
        assertEquals(List.of("ACTIVE: parse error"), errors("0.5, ACTIVE 3"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new RandomSample(), 1, 1, config);
    }
}
