package dev.junction.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementStateTest {
    /** Something only the test's own class loader knows, to stand for a class of an updated bundle. */
    public static final class Private {
    }

    @Test
    void carriesJdkAndPacketValues() {
        try (PacketPool pool = PacketPool.create("state", 2)) {
            Packet packet = pool.allocate();
            ElementState state = new ElementState();
            state.putLong("count", 42);
            state.put("queue", List.of(packet));
            state.put("table", Map.of("10.0.0.1", new long[] {1, 2}));
            assertEquals(42, state.getLong("count", 0));
            assertEquals(7, state.getLong("missing", 7));
            assertEquals(List.of(packet), state.get("queue", List.class));
            assertEquals(List.of("count", "queue", "table"), List.copyOf(state.keys()));
            assertTrue(state.contains("table"));
            assertNull(state.get("missing", String.class));
            IllegalStateException wrongType = assertThrows(IllegalStateException.class, () -> state.get("count", String.class));
            assertEquals("state 'count' holds java.lang.Long, not java.lang.String", wrongType.getMessage());
        }
    }

    @Test
    void refusesClassesOfOtherLoaders() throws Exception {
        URL classes = ElementStateTest.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader other = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Object foreign = other.loadClass(Private.class.getName()).getConstructor().newInstance();
            ElementState state = new ElementState();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> state.put("x", foreign));
            assertEquals("state 'x' cannot carry " + Private.class.getName()
                    + " across a hot swap: use JDK or element-api types", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> state.put("list", List.of(foreign)));
            assertThrows(IllegalArgumentException.class, () -> state.put("map", Map.of("k", foreign)));
            assertThrows(IllegalArgumentException.class, () -> state.put("array", new Object[] {foreign}));
            assertTrue(state.isEmpty(), "nothing refused is stored");
        }
    }
}
