package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class REDTest {
    private static PacketBatch packets(TestRouter router, int count) {
        return router.batch(count, 0);
    }

    @Test
    void instantaneousLengthAboveTwiceMaxDropsEverythingBelowMinNothing() throws Exception {
        try (TestRouter router = new TestRouter()) {
            RED red = router.add(new RED(), "r", 1, 2, "2, 5, 0.02, STABILITY 0");
            Queue queue = router.add(new Queue(), "q", 1, 1, "100");
            Sink dropped = router.add(new Sink(), "d", 1, 0, "");
            connect(red, 0, queue, 0);
            connect(red, 1, dropped, 0);
            router.initialize(red, queue, dropped);
            red.push(0, packets(router, 2)); // each finds at most 1 queued: kept
            assertEquals(2, queue.length());
            red.push(0, packets(router, 20)); // gentle: above 2 x 5 = 10 queued, all go
            assertTrue(queue.length() <= 11, "length " + queue.length());
            assertEquals(22 - queue.length(), red.drops());
            assertEquals(red.drops(), dropped.paints().size(), "drops leave through output 1");
            assertEquals("q\n", router.handlers(red).read("queues"));
            assertEquals("2, 5, 0.02, QUEUES q, STABILITY 0", router.handlers(red).read("config"));
            assertEquals("0.02", router.handlers(red).read("max_p"));
        }
    }

    @Test
    void averageFollowsTheQueueAndDropsStartEarly() throws Exception {
        try (TestRouter router = new TestRouter(1024)) {
            RED red = router.add(new RED(), "r", 1, 1, "5, 50, 0.1");
            Queue queue = router.add(new Queue(), "q", 1, 1, "1000");
            connect(red, 0, queue, 0);
            router.initialize(red, queue);
            for (int i = 0; i < 200; i++) {
                red.push(0, packets(router, 1));
            }
            assertTrue(red.drops() > 0 && red.drops() < 200, "drops " + red.drops());
            assertEquals(200, queue.length() + red.drops());
            String average = router.handlers(red).read("avg_queue_size");
            assertTrue(Double.parseDouble(average) > 5, average);
            assertTrue(router.handlers(red).read("stats").endsWith(red.drops() + " drops\n200 packets\n".replace(
                    "200", Long.toString(200 - red.drops()))));
        }
    }

    @Test
    void pullContextUsesTheQueueUpstream() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            RED red = router.add(new RED(), "r", 1, 1, "1, 2, 0.5, STABILITY 0");
            PullSink sink = router.add(new PullSink(), "p", 1, 0, "");
            connect(queue, 0, red, 0);
            connect(red, 0, sink, 0);
            router.initialize(queue, red);
            queue.push(0, packets(router, 10));
            PacketBatch out = new PacketBatch();
            int got = red.pull(0, out, out.capacity());
            // Packet i leaves 9 - i behind it: dropped above 2 x MAX_THRESH = 4 (gentle). Between the thresholds
            // the probability comes from the moving average, which STABILITY 0 leaves at 0, as in Click.
            assertEquals(5, got);
            assertEquals(5, red.drops());
            out.killAll();
        }
    }

    /** A pull-only sink, so that RED's agnostic ports resolve to pull. */
    private static final class PullSink extends dev.junction.element.Element {
        @Override
        public String portCount() {
            return "1/0";
        }

        @Override
        public String processing() {
            return "l/";
        }
    }

    @Test
    void errors() throws Exception {
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("MIN_THRESH must be <= MAX_THRESH"), assertThrows(ConfigurationException.class,
                    () -> router.add(new RED(), "a", 1, 1, "10, 5, 0.1")).errors());
            assertEquals(List.of("MAX_P must be between 0 and 1"), assertThrows(ConfigurationException.class,
                    () -> router.add(new RED(), "b", 1, 1, "1, 5, 1.5")).errors());
            assertEquals(List.of("STABILITY must be between 0 and 16"), assertThrows(ConfigurationException.class,
                    () -> router.add(new RED(), "c", 1, 1, "1, 5, 0.1, STABILITY 17")).errors());
            RED lonely = router.add(new RED(), "d", 1, 1, "1, 5, 0.1");
            Sink sink = router.add(new Sink(), "s", 1, 0, "");
            connect(lonely, 0, sink, 0);
            assertEquals(List.of("no nearby Queues"),
                    assertThrows(ConfigurationException.class, lonely::initialize).errors());
            RED named = router.add(new RED(), "e", 1, 1, "1, 5, 0.1");
            router.handlers(named);
            assertEquals("MIN_THRESH must be <= MAX_THRESH",
                    assertThrows(HandlerException.class, () -> router.handlers(named).write("min_thresh", "9"))
                            .getMessage());
            router.handlers(named).write("max_p", "0.5");
            assertEquals("0.5", router.handlers(named).read("max_p"));
        }
    }
}
