package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.junction.element.ElementState;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** SimpleQueue, FrontDropQueue, MixedQueue and ThreadSafeQueue: what each changes from Queue. */
class QueueVariantsTest {
    /** Pushes fresh packets painted {@code first, first+1, ...} into {@code port} of {@code queue}. */
    private static void push(TestRouter router, QueueBase queue, int port, int first, int count) {
        queue.push(port, router.painted(count, 0, first));
    }

    /** Pulls everything and returns the paints in order, freeing the packets. */
    private static List<Integer> drain(QueueBase queue) {
        List<Integer> paints = new ArrayList<>();
        PacketBatch out = new PacketBatch();
        while (queue.pull(0, out, out.capacity()) > 0) {
            for (int i = 0; i < out.size(); i++) {
                paints.add(out.get(i).paint());
            }
            out.killAll();
        }
        return paints;
    }

    @Test
    void simpleQueueIsAFifoWithoutNotifiers() throws Exception {
        try (TestRouter router = new TestRouter()) {
            SimpleQueue queue = router.add(new SimpleQueue(), "q", 1, 1, "3");
            router.initialize(queue);
            push(router, queue, 0, 0, 5);
            assertEquals("2", router.handlers(queue).read("drops"));
            assertEquals(List.of(0, 1, 2), drain(queue));
            assertNull(queue.notifier(NotifierKind.EMPTY));
            assertNull(queue.notifier(NotifierKind.FULL));
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void frontDropQueueDropsTheOldestThroughOutputOne() throws Exception {
        try (TestRouter router = new TestRouter()) {
            FrontDropQueue queue = router.add(new FrontDropQueue(), "q", 1, 2, "CAPACITY 3");
            Sink drops = router.add(new Sink(), "d", 1, 0, "");
            connect(queue, 1, drops, 0);
            router.initialize(queue, drops);
            push(router, queue, 0, 0, 2);
            push(router, queue, 0, 2, 3);
            assertEquals(List.of(0, 1), drops.paints(), "the two oldest made room");
            assertEquals("2", router.handlers(queue).read("drops"));
            assertEquals("3", router.handlers(queue).read("highwater_length"));
            push(router, queue, 0, 10, 5); // more than the whole queue: only the last 3 of the batch stay
            assertEquals(List.of(0, 1, 2, 3, 4, 10, 11), drops.paints());
            assertEquals(List.of(12, 13, 14), drain(queue));
            assertNotNull(queue.notifier(NotifierKind.EMPTY));
            assertNull(queue.notifier(NotifierKind.FULL), "a front-drop queue always accepts");
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void frontDropQueueKeepsTheNewestWhenShrunkOrSwappedIntoLess() throws Exception {
        try (TestRouter router = new TestRouter()) {
            FrontDropQueue queue = router.add(new FrontDropQueue(), "q", 1, 1, "10");
            router.initialize(queue);
            push(router, queue, 0, 0, 8);
            router.handlers(queue).write("capacity", "5");
            assertEquals(List.of(3, 4, 5, 6, 7), drain(queue));

            Queue old = router.add(new Queue(), "old", 1, 1, "10");
            old.initialize();
            push(router, old, 0, 0, 6);
            ElementState state = new ElementState();
            old.saveState(state);
            FrontDropQueue replacement = router.add(new FrontDropQueue(), "q2", 1, 1, "4");
            replacement.initialize();
            replacement.takeState(state);
            assertEquals(List.of(2, 3, 4, 5), drain(replacement));
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void mixedQueuePutsInputOneFirstAndDropsTheNewestWhenFull() throws Exception {
        try (TestRouter router = new TestRouter()) {
            MixedQueue queue = router.add(new MixedQueue(), "q", 2, 2, "4");
            Sink drops = router.add(new Sink(), "d", 1, 0, "");
            connect(queue, 1, drops, 0);
            router.initialize(queue, drops);
            assertEquals("2/1-2", queue.portCount());
            push(router, queue, 0, 0, 2);
            push(router, queue, 1, 10, 2);
            assertEquals(4, queue.length());
            push(router, queue, 1, 20, 1); // full: the back (1) goes
            assertEquals(List.of(1), drops.paints());
            push(router, queue, 0, 30, 1); // full: FIFO input drops the arrival
            assertEquals(List.of(1, 30), drops.paints());
            assertEquals(List.of(20, 11, 10, 0), drain(queue));
            assertEquals("2", router.handlers(queue).read("drops"));
            assertNull(queue.notifier(NotifierKind.FULL));
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void anyQueueTakesAnotherKindsPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            MixedQueue old = router.add(new MixedQueue(), "old", 2, 1, "");
            old.initialize();
            push(router, old, 0, 0, 3);
            ElementState state = new ElementState();
            old.saveState(state);
            SimpleQueue replacement = router.add(new SimpleQueue(), "new", 1, 1, "2");
            replacement.initialize();
            replacement.takeState(state);
            assertEquals(List.of(0, 1), drain(replacement));
            assertEquals(256, router.pool.available(), "the packet beyond the new capacity was freed");
        }
    }

    @Test
    void threadSafeQueueTakesPushesFromManyThreads() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            ThreadSafeQueue queue = router.add(new ThreadSafeQueue(), "q", 1, 1, "1000");
            router.initialize(queue);
            int perThread = 400;
            List<Thread> pushers = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < 2; t++) {
                List<Packet> packets = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    packets.add(router.pool.allocate());
                }
                pushers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    PacketBatch batch = new PacketBatch(1);
                    for (Packet packet : packets) {
                        batch.add(packet);
                        queue.push(0, batch);
                        batch.clear();
                    }
                }));
            }
            start.countDown();
            for (Thread pusher : pushers) {
                pusher.join();
            }
            Set<Packet> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            PacketBatch out = new PacketBatch();
            while (queue.pull(0, out, out.capacity()) > 0) {
                for (int i = 0; i < out.size(); i++) {
                    seen.add(out.get(i));
                }
                out.killAll();
            }
            assertEquals(2 * perThread, seen.size(), "every packet once");
            assertEquals(0, queue.drops());
            assertNotNull(queue.notifier(NotifierKind.FULL));
            assertEquals(1024, router.pool.available());
        }
    }
}
