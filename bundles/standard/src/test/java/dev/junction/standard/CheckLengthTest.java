package dev.junction.standard;

import static dev.junction.standard.TestPackets.counting;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.Sink.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.packet.PacketBatch;
import org.junit.jupiter.api.Test;

class CheckLengthTest {
    @Test
    void longPacketsGoToOutputOne() throws Exception {
        try (TestRouter router = new TestRouter()) {
            CheckLength check = router.add(new CheckLength(), "c", 1, 2, "60");
            Sink[] out = wire(router, check);
            push(check, counting(router, 60), counting(router, 61), counting(router, 10));
            assertEquals(2, out[0].packets());
            assertEquals(60, out[0].get(0).length());
            assertEquals(10, out[0].get(1).length());
            assertEquals(1, out[1].packets());
            assertEquals(61, out[1].get(0).length());
            out[0].clear();
            out[1].clear();
        }
    }

    @Test
    void withoutOutputOneLongPacketsAreDroppedAndTheLengthCanChange() throws Exception {
        try (TestRouter router = new TestRouter()) {
            CheckLength check = router.add(new CheckLength(), "c", 1, 1, "LENGTH 60");
            Sink out = wire(router, check)[0];
            TestRouter.Handlers handlers = router.handlers(check);
            assertEquals("60", handlers.read("length"));
            handlers.write("length", "100");
            int available = router.pool.available();
            push(check, counting(router, 90), counting(router, 101));
            assertEquals(1, out.packets());
            assertEquals(available - 1, router.pool.available());
            out.clear();
        }
    }

    @Test
    void pulledPacketsAreCheckedToo() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            CheckLength check = router.add(new CheckLength(), "c", 1, 2, "60");
            TestRouter.connect(queue, 0, check, 0);
            Sink big = router.add(Sink.keeping(), "big", 1, 0, "");
            TestRouter.connect(check, 1, big, 0);
            router.initialize(queue, check, big);
            push(queue, counting(router, 30), counting(router, 70));
            PacketBatch into = new PacketBatch();
            assertEquals(1, check.pull(0, into, 10));
            assertEquals(30, into.get(0).length());
            assertEquals(1, big.packets());
            into.killAll();
            big.clear();
        }
    }
}
