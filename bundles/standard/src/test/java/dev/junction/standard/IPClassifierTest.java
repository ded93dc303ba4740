package dev.junction.standard;

import static dev.junction.standard.TestPackets.UDP;
import static dev.junction.standard.TestPackets.ipPacket;
import static dev.junction.standard.IPFilterTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IPClassifierTest {
    private static Function<PacketPool, Packet> to(String dst) {
        return pool -> ipPacket(pool, UDP, "9.9.9.9", dst, 1, 2);
    }

    @Test
    void sendsEachPacketToItsPatternsOutput() throws Exception {
        // The classification of standard/Script-05.
        assertEquals(List.of(0, 2, 2, 1, 2, 2, 0, 2, -1), run(new IPClassifier(),
                "dst 1.0.0.1, dst 1.0.0.2, dst 1.0.0.3", 3,
                to("1.0.0.1"), to("1.0.0.3"), to("1.0.0.3"), to("1.0.0.2"), to("1.0.0.3"), to("1.0.0.3"),
                to("1.0.0.1"), to("1.0.0.3"), to("1.0.0.4")));
    }

    @Test
    void udpOrEverythingElse() throws Exception {
        assertEquals(List.of(0, 1, 0), run(new IPClassifier(), "udp, -", 2,
                to("1.0.0.1"), pool -> ipPacket(pool, TestPackets.TCP, "1.1.1.1", "2.2.2.2", 1, 2), to("1.0.0.2")));
    }

    @Test
    void patternHandlersReadAndRecompile() throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPClassifier c = router.add(new IPClassifier(), "c", 1, 2, "udp, -");
            TestRouter.Handlers handlers = router.handlers(c);
            assertEquals("udp", handlers.read("pattern0"));
            assertEquals("-", handlers.read("pattern1"));
            assertTrue(handlers.read("program").contains("264/00110000%00ff0000"));
            handlers.write("pattern0", "tcp");
            assertEquals("tcp", handlers.read("pattern0"));
            assertTrue(handlers.read("program").contains("264/00060000%00ff0000"), handlers.read("program"));
            HandlerException refused = assertThrows(HandlerException.class, () -> handlers.write("pattern0", "tcp )"));
            assertEquals("pattern 0: garbage after expression at ')'", refused.getMessage());
            assertEquals("tcp", handlers.read("pattern0"), "a refused pattern leaves the old one");
        }
    }

    @Test
    void oneArgumentPerOutput() {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("need 2 arguments, one per output port"), assertThrows(ConfigurationException.class,
                    () -> router.add(new IPClassifier(), "c", 1, 2, "udp")).errors());
            assertEquals(List.of("pattern 1: empty term near 'foo'", "pattern 1: missing expression",
                    "pattern 1: garbage after expression at 'foo'"),
                    assertThrows(ConfigurationException.class,
                            () -> router.add(new IPClassifier(), "d", 1, 2, "udp, foo")).errors());
        }
    }
}
