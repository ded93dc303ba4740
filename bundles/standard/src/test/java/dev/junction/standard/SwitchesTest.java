package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Switch, StaticSwitch, RoundRobinSwitch, HashSwitch, RandomSwitch and PaintSwitch. */
class SwitchesTest {
    /** {@code element} (config) with {@code outputs} Sinks, initialized. */
    private static <E extends Element> List<Sink> wire(TestRouter router, E element, int outputs,
            String config) throws ConfigurationException {
        router.add(element, "e", 1, outputs, config);
        return List.of(Sink.wire(router, element, Sink::new));
    }

    private static List<String> errors(Element element, int outputs, String config) {
        return TestRouter.configErrors(element, 1, outputs, config);
    }

    @Test
    void switchSendsWholeBatchesToTheSelectedOutput() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Switch sw = new Switch();
            List<Sink> out = wire(router, sw, 3, "1");
            sw.push(0, router.batch(5, 10, 0));
            assertEquals(5, out.get(1).packets());
            assertEquals(1, out.get(1).batches, "one push for the batch");
            TestRouter.Handlers handlers = router.handlers(sw);
            assertEquals("1", handlers.read("switch"));
            assertEquals("1", handlers.read("config"));
            handlers.write("switch", "2");
            sw.push(0, router.batch(2, 10, 0));
            assertEquals(2, out.get(2).packets());
            handlers.write("switch", "3");
            assertEquals("-1", handlers.read("switch"), "past the last output: -1");
            handlers.write("switch", "-5");
            assertEquals("-5", handlers.read("switch"), "negative values are kept, as in Click");
            sw.push(0, router.batch(4, 10, 0));
            assertEquals(7, out.stream().mapToInt(Sink::packets).sum(), "negative: freed");
            assertEquals(256, router.pool.available());
            assertEquals("Switch output must be integer",
                    assertThrows(HandlerException.class, () -> handlers.write("switch", "one")).getMessage());
        }
        assertEquals(List.of("output must be < 2"), errors(new Switch(), 2, "2"));
        assertEquals(List.of("OUTPUT: invalid number"), errors(new Switch(), 2, "x"));
    }

    @Test
    void aHotSwapKeepsTheHandlersChoiceUnlessOutputChanged() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Switch old = router.add(new Switch(), "a", 1, 3, "0");
            router.handlers(old).write("switch", "2");
            dev.junction.element.ElementState state = new dev.junction.element.ElementState();
            old.saveState(state);
            Switch same = router.add(new Switch(), "b", 1, 3, "0");
            same.takeState(state);
            assertEquals(2, same.selected(), "configured the same: the handler's choice stays");
            Switch edited = router.add(new Switch(), "c", 1, 3, "1");
            edited.takeState(state);
            assertEquals(1, edited.selected(), "OUTPUT was edited: it wins");
        }
    }

    @Test
    void staticSwitchUsesItsFixedOutput() throws Exception {
        try (TestRouter router = new TestRouter()) {
            StaticSwitch sw = new StaticSwitch();
            List<Sink> out = wire(router, sw, 2, "1");
            sw.push(0, router.batch(3, 10, 0));
            assertEquals(3, out.get(1).packets());
        }
        try (TestRouter router = new TestRouter()) {
            StaticSwitch sw = new StaticSwitch();
            List<Sink> out = wire(router, sw, 2, "2");
            assertEquals(-1, sw.selected(), "no output 2: packets are freed");
            sw.push(0, router.batch(3, 10, 0));
            assertEquals(0, out.get(0).packets() + out.get(1).packets());
            assertEquals(256, router.pool.available());
        }
        assertEquals(List.of("OUTPUT: required argument missing"), errors(new StaticSwitch(), 2, ""));
    }

    @Test
    void roundRobinSwitchDealsPacketsInTurnAcrossBatches() throws Exception {
        try (TestRouter router = new TestRouter()) {
            RoundRobinSwitch sw = new RoundRobinSwitch();
            List<Sink> out = wire(router, sw, 3, "");
            PacketBatch batch = router.batch(4, 1, 0);
            for (int i = 0; i < 4; i++) {
                batch.get(i).setByte(0, i);
            }
            sw.push(0, batch);
            sw.push(0, router.batch(2, 1, 9));
            assertEquals(List.of(0, 3), out.get(0).firstBytes());
            assertEquals(List.of(1, 9), out.get(1).firstBytes(), "the turn carried over to the next batch");
            assertEquals(List.of(2, 9), out.get(2).firstBytes());
            assertEquals(2, out.get(1).batches, "one push per output per incoming batch");
            assertEquals(1, out.get(0).batches);
        }
    }

    @Test
    void hashSwitchSpreadsByClicksHash() throws Exception {
        try (TestRouter router = new TestRouter()) {
            HashSwitch sw = new HashSwitch();
            List<Sink> out = wire(router, sw, 3, "1, 2");
            PacketBatch batch = new PacketBatch();
            router.pool.allocate(batch, 4);
            int[][] bytes = {{9, 1, 2}, {9, 2, 2}, {9, 3, 3}, {9}};
            for (int i = 0; i < 4; i++) {
                batch.get(i).put(bytes[i].length);
                for (int j = 0; j < bytes[i].length; j++) {
                    batch.get(i).setByte(j, bytes[i][j]);
                }
            }
            sw.push(0, batch);
            // sums 3, 4, 6 modulo 3 outputs; the short packet goes to output 0
            assertEquals(List.of(9, 9, 9), out.get(0).firstBytes());
            assertEquals(List.of(9), out.get(1).firstBytes());
            assertEquals(0, out.get(2).packets());
        }
        try (TestRouter router = new TestRouter()) {
            HashSwitch sw = new HashSwitch();
            List<Sink> out = wire(router, sw, 4, "0, 1");
            PacketBatch batch = router.batch(3, 1, 0x13);
            sw.push(0, batch);
            // 2, 4 and 8 outputs: (sum ^ sum >> 4) & (n - 1); 0x13 ^ 0x1 = 0x12 -> 2
            assertEquals(3, out.get(2).packets());
            assertEquals(1, out.get(2).batches, "a batch bound for one output is passed on whole");
        }
        try (TestRouter router = new TestRouter()) {
            HashSwitch sw = new HashSwitch();
            List<Sink> out = wire(router, sw, 3, "-4, 8");
            sw.push(0, router.batch(2, 0, 0));
            sw.push(0, router.batch(2, 60, 7));
            assertEquals(4, out.get(0).packets(), "empty packets and an offset before the data: output 0, no throw");
        }
        assertEquals(List.of("length must be > 0"), errors(new HashSwitch(), 2, "0, 0"));
        assertEquals(List.of("LENGTH: required argument missing"), errors(new HashSwitch(), 2, "0"));
    }

    @Test
    void randomSwitchUsesEveryOutput() throws Exception {
        try (TestRouter router = new TestRouter(4096)) {
            RandomSwitch sw = new RandomSwitch();
            List<Sink> out = wire(router, sw, 4, "");
            for (int i = 0; i < 100; i++) {
                sw.push(0, router.batch(32, 1, 0));
            }
            for (Sink recorder : out) {
                assertTrue(recorder.packets() > 600 && recorder.packets() < 1000, "about 800: " + recorder.packets());
                assertTrue(recorder.batches <= 100);
            }
            assertEquals(4096, router.pool.available());
        }
    }

    @Test
    void paintSwitchFollowsThePaintAndCopiesPaint255ToEveryOutput() throws Exception {
        try (TestRouter router = new TestRouter()) {
            PaintSwitch sw = new PaintSwitch();
            List<Sink> out = wire(router, sw, 3, "");
            PacketBatch batch = router.batch(5, 1, 0);
            int[] paints = {2, 0, 255, 7, 2};
            for (int i = 0; i < 5; i++) {
                batch.get(i).setPaint(paints[i]);
                batch.get(i).setByte(0, i);
            }
            sw.push(0, batch);
            assertEquals(List.of(1, 2), out.get(0).firstBytes());
            assertEquals(List.of(2), out.get(1).firstBytes());
            assertEquals(List.of(0, 2, 4), out.get(2).firstBytes(), "paint 7 has no output: freed");
            assertEquals(256, router.pool.available(), "copies came from the pool and went back");

            PacketBatch same = router.batch(3, 1, 0);
            for (int i = 0; i < 3; i++) {
                same.get(i).setPaint(1);
            }
            sw.push(0, same);
            assertEquals(4, out.get(1).packets());
            assertEquals(2, out.get(1).batches);
        }
        assertEquals(List.of("ANNO: only the paint annotation (PAINT, offset 16) is supported"),
                errors(new PaintSwitch(), 2, "ANNO 20"));
    }
}
