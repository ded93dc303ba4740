package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaintTest {
    @Test
    void paintsEveryPacketPushedOrPulled() throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "LIMIT 3, BURST 3");
            Paint paint = router.add(new Paint(), "p", 1, 1, "7");
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            connect(source, 0, paint, 0);
            connect(paint, 0, queue, 0);
            router.initialize(source, paint, queue);
            router.runTasks(2);
            assertEquals(3, queue.length());

            Paint pulling = router.add(new Paint(), "p2", 1, 1, "9");
            connect(queue, 0, pulling, 0);
            router.initialize(pulling);
            PacketBatch batch = new PacketBatch();
            assertEquals(3, pulling.pull(0, batch, 10));
            for (int i = 0; i < 3; i++) {
                assertEquals(9, batch.get(i).paint(), "repainted on the pull");
            }
            batch.killAll();
        }
    }

    @Test
    void colorHandlerReadsAndWrites() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Paint paint = router.add(new Paint(), "p", 1, 1, "COLOR 200, ANNO PAINT");
            router.initialize(paint);
            TestRouter.Handlers handlers = router.handlers(paint);
            assertEquals("200", handlers.read("color"));
            handlers.write("color", " 3 ");
            assertEquals(3, paint.color());
            assertEquals("expected uint8_t",
                    assertThrows(HandlerException.class, () -> handlers.write("color", "256")).getMessage());
            assertEquals("expected uint8_t",
                    assertThrows(HandlerException.class, () -> handlers.write("color", "red")).getMessage());
            assertEquals("3", handlers.read("color"));
        }
    }

    @Test
    void argumentsAndErrors() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(9, router.add(new Paint(), "p", 1, 1, "9, 16").color(), "16 is Click's paint offset");
        }
        assertEquals(List.of("COLOR: required argument missing"), errors(""));
        assertEquals(List.of("COLOR: out of range, bound 255"), errors("256"));
        assertEquals(List.of("ANNO: only the paint annotation (PAINT, offset 16) is supported"), errors("1, 20"));
        assertEquals(List.of("ANNO: only the paint annotation (PAINT, offset 16) is supported"),
                errors("1, ANNO DST_IP"));
        assertEquals(List.of("too many arguments"), errors("1, PAINT, 3"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new Paint(), 1, 1, config);
    }
}
