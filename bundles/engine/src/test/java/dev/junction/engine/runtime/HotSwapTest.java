package dev.junction.engine.runtime;

import static dev.junction.engine.runtime.TestElements.read;
import static dev.junction.engine.runtime.TestElements.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.router.SwapReport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hot swap: state carried by name, failures that change nothing, traffic that loses nothing, live edits. */
class HotSwapTest {
    private static final String HELD = """
            src :: NumberedSource(ACTIVE false);
            c :: Counter;
            q :: TestQueue;
            u :: TestUnqueue(ACTIVE %s);
            sink :: CountingSink;
            src -> c -> q -> u -> sink;
            """;

    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void stopRouters() {
        fixture.close();
    }

    @Test
    void swapKeepsCountsAndQueuedPackets() throws Exception {
        Router router = fixture.start(HELD.formatted("false"));
        write(router, "src.send", "10");
        assertEquals("10", read(router, "q.length"));
        int poolBefore = router.packetPool().available();

        SwapReport report = router.hotswap(RouterSource.ofText(HELD.formatted("false")));
        assertEquals(5, report.elementsKept());
        assertTrue(report.pauseNanos() > 0);
        assertEquals("10", read(router, "c.count"));
        assertEquals("10", read(router, "q.length"));
        assertEquals("10", read(router, "src.count"));
        assertEquals(poolBefore, router.packetPool().available(), "the old queue's cleanup freed no moved packet");

        router.hotswap(RouterSource.ofText(HELD.formatted("true")));
        RouterFixture.await("the moved packets", Duration.ofSeconds(5), () -> read(router, "sink.count").equals("10"));
        assertEquals(router.packetPool().capacity(), router.packetPool().available());
    }

    @Test
    void failingSwapLeavesTheOldGraphRunning() throws Exception {
        Router router = fixture.start(HELD.formatted("true"));
        write(router, "src.send", "3");
        Object counter = router.element("c");
        RouterException e = assertThrows(RouterException.class, () -> router.hotswap(RouterSource.ofText("""
                src :: NumberedSource(ACTIVE false);
                c :: Counter;
                q :: TestQueue(CAPACITY nonsense);
                u :: TestUnqueue;
                sink :: CountingSink;
                src -> c -> q -> u -> sink;
                """)));
        assertEquals("config:3: While configuring 'q :: TestQueue':", e.errors().get(0));
        assertSame(counter, router.element("c"));
        write(router, "src.send", "4");
        RouterFixture.await("7 packets", Duration.ofSeconds(5), () -> read(router, "sink.count").equals("7"));
        assertEquals("7", read(router, "c.count"));
        assertEquals(5, router.elementNames().size());
        assertEquals(5, fixture.factory.outstanding(), "the failed graph's elements were released");
    }

    @Test
    void repeatedSwapsUnderTrafficLoseAndDuplicateNothing() throws Exception {
        String config = """
                src :: NumberedSource;
                q :: TestQueue(CAPACITY 2048);
                u :: TestUnqueue;
                sink :: CheckingSink;
                src -> q -> u -> sink;
                """;
        Router router = fixture.start(config, RuntimeOptions.defaults().withThreads(2).withHomeThread("u", 1));
        RouterFixture.await("traffic", Duration.ofSeconds(10), () -> fixture.sequence.received > 10_000);
        long maxPause = 0;
        for (int swap = 0; swap < 20; swap++) {
            long before = fixture.sequence.received;
            SwapReport report = router.hotswap(RouterSource.ofText(config));
            assertEquals(4, report.elementsKept());
            maxPause = Math.max(maxPause, report.pauseNanos());
            RouterFixture.await("traffic after swap " + swap, Duration.ofSeconds(10),
                    () -> fixture.sequence.received > before + 1000);
        }
        write(router, "src.active", "false");
        long generated = Long.parseLong(read(router, "src.count"));
        RouterFixture.await("the queue to drain", Duration.ofSeconds(10), () -> fixture.sequence.received == generated);
        assertEquals(0, fixture.sequence.outOfOrder, "numbers lost, duplicated or reordered");
        assertEquals(generated, fixture.sequence.expected);
        assertEquals("0", read(router, "q.drops"));
        assertEquals("0", read(router, "q.length"));
        assertTrue(maxPause < 5_000_000_000L, "pause " + maxPause + " ns");
        router.stop();
        assertEquals(0, fixture.factory.outstanding());
    }

    @Test
    void liveEditsAreCheckedSwaps() throws Exception {
        Router router = fixture.start(HELD.formatted("true"));
        write(router, "src.send", "2");
        RouterException unused = assertThrows(RouterException.class, () -> router.addElement("d", "CountingSink", ""));
        assertTrue(unused.errors().stream().anyMatch(m -> m.contains("'d :: CountingSink' input 0 unused")),
                unused.errors().toString());
        assertEquals(5, router.elementNames().size());

        router.reconfigure("q", "CAPACITY 50");
        assertEquals("CAPACITY 50", read(router, "q.config"));
        assertEquals("2", read(router, "c.count"));

        assertThrows(RouterException.class, () -> router.disconnect("c", 0, "q", 0), "leaves ports unused");
        assertEquals("no element named 'nowhere'",
                assertThrows(RouterException.class, () -> router.connect("c", 0, "nowhere", 0)).getMessage());
        write(router, "src.send", "1");
        RouterFixture.await("1 packet", Duration.ofSeconds(5), () -> read(router, "sink.count").equals("1"));
        assertEquals("3", read(router, "c.count"), "the counter kept its count through three swaps");
    }
}
