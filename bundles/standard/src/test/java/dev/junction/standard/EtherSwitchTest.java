package dev.junction.standard;

import static dev.junction.standard.TestPackets.batch;
import static dev.junction.standard.TestPackets.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.net.EtherAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtherSwitchTest {
    private static final long A = 0x0000_0000_000AL;
    private static final long B = 0x0000_0000_000BL;
    private static final long C = 0x0000_0000_000CL;
    private static final long SECOND = 1_000_000_000L;

    private TestRouter router;
    private Sink[] sinks;

    private EtherSwitch etherSwitch(String config, int ports) throws Exception {
        EtherSwitch element = router.add(new EtherSwitch(), "s", ports, ports, config);
        sinks = Sink.wire(router, element);
        return element;
    }

    private int[] received() {
        int[] counts = new int[sinks.length];
        for (int i = 0; i < sinks.length; i++) {
            counts[i] = sinks[i].packets.size();
            sinks[i].clear();
        }
        return counts;
    }

    @Test
    void learnsFloodsForwardsAndDropsHairpins() throws Exception {
        try (TestRouter r = new TestRouter()) {
            router = r;
            EtherSwitch sw = etherSwitch("", 3);
            sw.push(0, batch(frame(r.pool, B, A, 0)));
            assertEquals(List.of(0, 1, 1), List.of(box(received())), "unknown destination: flooded to the others");
            sw.push(1, batch(frame(r.pool, A, B, SECOND)));
            assertEquals(List.of(1, 0, 0), List.of(box(received())), "A was learned on port 0");
            sw.push(2, batch(frame(r.pool, B, C, SECOND), frame(r.pool, EtherAddress.BROADCAST, C, SECOND),
                    frame(r.pool, C, A, SECOND)));
            assertEquals(List.of(1, 2, 0), List.of(box(received())),
                    "B unicast, broadcast flooded, C back to the port C was just learned on: dropped");
            sw.push(0, batch(frame(r.pool, A, A, SECOND)));
            assertEquals(List.of(0, 0, 0), List.of(box(received())), "to the port it came from: dropped");
            assertEquals(256, r.pool.available());
            assertEquals(0, sw.portOf(A));
            assertEquals("00-00-00-00-00-0A 0\n00-00-00-00-00-0B 1\n00-00-00-00-00-0C 2\n",
                    sorted(r.handlers(sw).read("table")));
        }
    }

    @Test
    void associationsExpireAfterTimeout() throws Exception {
        try (TestRouter r = new TestRouter()) {
            router = r;
            EtherSwitch sw = etherSwitch("TIMEOUT 10", 2);
            sw.push(0, batch(frame(r.pool, B, A, 0)));
            received();
            sw.push(1, batch(frame(r.pool, A, B, 9 * SECOND)));
            assertEquals(List.of(1, 0), List.of(box(received())));
            sw.push(1, batch(frame(r.pool, A, B, 10 * SECOND)));
            assertEquals(List.of(1, 0), List.of(box(received())), "expired: flooded (to port 0 only)");
            assertEquals(-1, sw.portOf(A), "the stale entry is gone");
        }
    }

    @Test
    void timeoutZeroIsADumbHub() throws Exception {
        try (TestRouter r = new TestRouter()) {
            router = r;
            EtherSwitch sw = etherSwitch("TIMEOUT 0", 3);
            sw.push(0, batch(frame(r.pool, B, A, 0)));
            sw.push(1, batch(frame(r.pool, A, B, 0)));
            assertEquals(List.of(1, 1, 2), List.of(box(received())));
            assertEquals("", r.handlers(sw).read("table"));
        }
    }

    @Test
    void shortFramesAreDropped() throws Exception {
        try (TestRouter r = new TestRouter()) {
            router = r;
            EtherSwitch sw = etherSwitch("", 2);
            sw.push(0, batch(TestPackets.zeros(r.pool, 11, 0)));
            assertEquals(List.of(0, 0), List.of(box(received())));
            assertEquals(256, r.pool.available());
        }
    }

    @Test
    void timeoutHandlerAndErrors() throws Exception {
        try (TestRouter r = new TestRouter()) {
            router = r;
            EtherSwitch sw = etherSwitch("TIMEOUT 1.6", 2);
            TestRouter.Handlers handlers = r.handlers(sw);
            assertEquals("2", handlers.read("timeout"));
            handlers.write("timeout", "1min");
            assertEquals("60", handlers.read("timeout"));
            assertEquals("expected timeout (integer)",
                    assertThrows(HandlerException.class, () -> handlers.write("timeout", "soon")).getMessage());
            assertEquals(List.of("TIMEOUT: parse error"), assertThrows(ConfigurationException.class,
                    () -> r.add(new EtherSwitch(), "t", 2, 2, "TIMEOUT x")).errors());
        }
    }

    @Test
    void hotSwapKeepsTheTable() throws Exception {
        try (TestRouter r = new TestRouter()) {
            router = r;
            EtherSwitch old = etherSwitch("", 3);
            old.push(0, batch(frame(r.pool, B, A, 0)));
            old.push(2, batch(frame(r.pool, B, C, 0)));
            received();
            ElementState state = new ElementState();
            old.saveState(state);
            EtherSwitch fresh = r.add(new EtherSwitch(), "s2", 2, 2, "");
            fresh.takeState(state);
            assertEquals(0, fresh.portOf(A));
            assertEquals(-1, fresh.portOf(C), "port 2 is gone");
        }
    }

    @Test
    void tableGrowsAndRemovesWithoutLosingEntries() {
        MacTable table = new MacTable();
        for (long address = 0; address < 5000; address++) {
            table.put(address * 7919, (int) (address % 5), address);
        }
        for (long address = 0; address < 5000; address += 2) {
            table.removeAt(table.find(address * 7919));
        }
        assertEquals(2500, table.size());
        for (long address = 0; address < 5000; address++) {
            int slot = table.find(address * 7919);
            if (address % 2 == 0) {
                assertEquals(-1, slot);
            } else {
                assertEquals(address % 5, table.port(slot));
                assertEquals(address, table.stamp(slot));
            }
        }
    }

    private static Integer[] box(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static String sorted(String lines) {
        return String.join("\n", lines.lines().sorted().toList()) + "\n";
    }
}
