package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.router.ElementClassSummary;
import dev.junction.router.ElementStatus;
import dev.junction.router.HandlerDescription;
import dev.junction.router.SwapReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingsTest {
    static final List<ElementClassSummary> CLASSES = List.of(
            new ElementClassSummary("Queue", "dev.junction.standard", "1/1", "h/l", "Queue(CAPACITY)"),
            new ElementClassSummary("Counter", "dev.junction.standard", "1/1", "a/a", "Counter()"),
            new ElementClassSummary("VXLANEncap", "dev.junction.tunnels", "1/1", "a/a", ""));

    @Test
    void routers() {
        FakeRouter stopped = new FakeRouter("old").element("x", "Discard");
        stopped.stop();
        assertEquals("""
                ROUTER  STATE    ELEMENTS
                main    running         2
                old     stopped         1
                """, Listings.routers(List.of(new FakeRouter("main").element("a", "A").element("b", "B"), stopped)));
    }

    @Test
    void elementsFlagOrphansAndFailures() {
        assertEquals("""
                ELEMENT  CLASS    STATE
                src      Source
                c        Counter  orphaned
                t        Tee      1 failure
                u        Unqueue  orphaned, 3 failures
                """, Listings.elements(List.of(
                new ElementStatus("src", "Source", List.of(), List.of(), false, 0),
                new ElementStatus("c", "Counter", List.of(), List.of(), true, 0),
                new ElementStatus("t", "Tee", List.of(), List.of(), false, 1),
                new ElementStatus("u", "Unqueue", List.of(), List.of(), true, 3))));
    }

    @Test
    void handlersWithClickAccessLetters() {
        assertEquals("""
                HANDLER  ACCESS
                count    r
                reset    w
                config   rw
                """, Listings.handlers(List.of(new HandlerDescription("count", true, false),
                new HandlerDescription("reset", false, true), new HandlerDescription("config", true, true))));
    }

    @Test
    void classesSortedAndFilteredByGlob() {
        assertEquals("""
                CLASS       BUNDLE                 PORTS  PROCESSING
                Counter     dev.junction.standard  1/1    a/a
                Queue       dev.junction.standard  1/1    h/l
                VXLANEncap  dev.junction.tunnels   1/1    a/a
                """, Listings.classes(CLASSES, Glob.of("*")));
        assertEquals("""
                CLASS  BUNDLE                 PORTS  PROCESSING
                Queue  dev.junction.standard  1/1    h/l
                """, Listings.classes(CLASSES, Glob.of("Q*")));
    }

    @Test
    void bundlesWithTheirClassCounts() {
        assertEquals("""
                BUNDLE                 CLASSES
                dev.junction.standard        2
                dev.junction.tunnels         1
                """, Listings.bundles(CLASSES));
    }

    @Test
    void swapPauseInMicroseconds() {
        assertEquals("swapped in 12.3 us: 5 kept, 1 added, 0 removed\n", Listings.swap(new SwapReport(12_345, 5, 1, 0)));
    }
}
