package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierKind;
import org.junit.jupiter.api.Test;

/** Null, PushNull, PullNull and Idle. */
class NullsTest {
    @Test
    void nullPassesPushedAndPulledBatchesUnchanged() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Null pushed = router.add(new Null(), "n", 1, 1, "");
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(pushed, 0, sink, 0);
            PacketBatch batch = new PacketBatch();
            router.pool.allocate(batch, 5);
            pushed.push(0, batch);
            assertEquals(5, sink.packets());

            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Null pulled = router.add(new Null(), "n2", 1, 1, "");
            PullNull pullNull = router.add(new PullNull(), "pn", 1, 1, "");
            connect(queue, 0, pulled, 0);
            connect(pulled, 0, pullNull, 0);
            queue.initialize();
            batch.clear();
            router.pool.allocate(batch, 4);
            queue.push(0, batch);
            batch.clear();
            assertEquals(4, pullNull.pull(0, batch, 32));
            batch.killAll();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void pushNullPushesOn() throws Exception {
        try (TestRouter router = new TestRouter()) {
            PushNull element = router.add(new PushNull(), "p", 1, 1, "");
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(element, 0, sink, 0);
            PacketBatch batch = new PacketBatch();
            router.pool.allocate(batch, 3);
            element.push(0, batch);
            assertEquals(3, sink.packets());
            assertEquals("h/h", element.processing());
            assertEquals("l/l", new PullNull().processing());
            assertEquals("a/a", new Null().processing());
        }
    }

    @Test
    void idleFreesPushedPacketsNeverPullsAndIsDormant() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Idle idle = router.add(new Idle(), "i", 2, 3, "");
            PacketBatch batch = new PacketBatch();
            router.pool.allocate(batch, 6);
            idle.push(1, batch);
            assertEquals(256, router.pool.available());
            assertEquals(0, idle.pull(2, batch, 32));
            assertFalse(idle.notifier(NotifierKind.EMPTY).isActive());
            assertEquals("-/-", idle.portCount());
            assertEquals("x/y", idle.flowCode());
        }
    }

    @Test
    void processingFollowsConnectionsThroughAgnosticElements() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            Null hop = router.add(new Null(), "n", 1, 1, "");
            Discard discard = router.add(new Discard(), "d", 1, 0, "");
            connect(queue, 0, hop, 0);
            connect(hop, 0, discard, 0);
            assertEquals(true, HandWiredProcessing.isPullInput(discard, 0));

            InfiniteSource source = router.add(new InfiniteSource(), "s", 0, 1, "");
            Null hop2 = router.add(new Null(), "n2", 1, 1, "");
            Discard discard2 = router.add(new Discard(), "d2", 1, 0, "");
            connect(source, 0, hop2, 0);
            connect(hop2, 0, discard2, 0);
            assertFalse(HandWiredProcessing.isPullInput(discard2, 0), "agnostic all the way: push, as in Click");
            assertFalse(HandWiredProcessing.isPullOutput(source, 0));
            assertEquals('h', HandWiredProcessing.letter("h/lh", false, 1));
            assertEquals('l', HandWiredProcessing.letter("h/lh", false, 0));
            assertEquals('h', HandWiredProcessing.letter("a/ah", false, 5));
            assertEquals('l', HandWiredProcessing.letter("l", true, 0));
        }
    }
}
