package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaintTeeAndCheckPaintTest {
    private static PacketBatch painted(TestRouter router, int... paints) {
        PacketBatch batch = router.batch(paints.length, 1, 0);
        for (int i = 0; i < paints.length; i++) {
            batch.get(i).setPaint(paints[i]);
            batch.get(i).setByte(0, i);
        }
        return batch;
    }

    @Test
    void paintTeeCopiesPacketsOfItsColorToOutput1() throws Exception {
        try (TestRouter router = new TestRouter()) {
            PaintTee tee = router.add(new PaintTee(), "t", 1, 2, "3");
            Sink[] wired = Sink.wire(router, tee, Sink::new);
            Sink main = wired[0];
            Sink copies = wired[1];
            tee.push(0, painted(router, 3, 1, 3, 0));
            assertEquals(List.of(0, 1, 2, 3), main.firstBytes());
            assertEquals(List.of(0, 2), copies.firstBytes());
            assertEquals(List.of(3, 3), copies.paints());
            assertEquals(1, copies.batches);
            TestRouter.Handlers handlers = router.handlers(tee);
            assertEquals("3", handlers.read("color"));
            handlers.write("color", "1");
            tee.push(0, painted(router, 3, 1));
            assertEquals(List.of(0, 2, 1), copies.firstBytes());
            assertEquals("expected uint8_t",
                    assertThrows(HandlerException.class, () -> handlers.write("color", "-1")).getMessage());
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void paintTeeCopiesOnPullsToo() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            PaintTee tee = router.add(new PaintTee(), "t", 1, 2, "5, PAINT");
            Sink copies = router.add(new Sink(), "c", 1, 0, "");
            connect(queue, 0, tee, 0);
            connect(tee, 1, copies, 0);
            router.initialize(queue, tee, copies);
            queue.push(0, painted(router, 5, 4, 5));
            PacketBatch batch = new PacketBatch();
            assertEquals(3, tee.pull(0, batch, 32));
            assertEquals(2, copies.packets());
            batch.killAll();
        }
    }

    @Test
    void checkPaintPassesItsColorAndDivertsOrDropsTheRest() throws Exception {
        try (TestRouter router = new TestRouter()) {
            CheckPaint check = router.add(new CheckPaint(), "k", 1, 2, "2");
            Sink[] wired = Sink.wire(router, check, Sink::new);
            Sink passed = wired[0];
            Sink other = wired[1];
            check.push(0, painted(router, 2, 0, 2, 9));
            assertEquals(List.of(0, 2), passed.firstBytes());
            assertEquals(List.of(1, 3), other.firstBytes());
            router.handlers(check).write("color", "9");
            assertEquals(9, check.color());
        }
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            CheckPaint check = router.add(new CheckPaint(), "k", 1, 1, "2");
            connect(queue, 0, check, 0);
            router.initialize(queue, check);
            queue.push(0, painted(router, 2, 0, 2, 9));
            PacketBatch batch = new PacketBatch();
            assertEquals(2, check.pull(0, batch, 32), "pull context: only the passing packets are returned");
            batch.killAll();
            assertEquals(256, router.pool.available(), "the others were freed");
        }
    }

    @Test
    void badArguments() {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("COLOR: required argument missing"), assertThrows(ConfigurationException.class,
                    () -> router.add(new CheckPaint(), "k", 1, 1, "")).errors());
            assertEquals(List.of("COLOR: out of range, bound 255"), assertThrows(ConfigurationException.class,
                    () -> router.add(new PaintTee(), "t", 1, 2, "300")).errors());
            assertEquals(List.of("ANNO: only the paint annotation (PAINT, offset 16) is supported"),
                    assertThrows(ConfigurationException.class,
                            () -> router.add(new PaintTee(), "t", 1, 2, "3, 4")).errors());
        }
    }
}
