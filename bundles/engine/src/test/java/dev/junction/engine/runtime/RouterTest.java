package dev.junction.engine.runtime;

import static dev.junction.engine.runtime.TestElements.read;
import static dev.junction.engine.runtime.TestElements.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.HandlerException;
import dev.junction.router.RouterException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting, running and stopping routers; configuration errors; handlers. */
class RouterTest {
    private final RouterFixture fixture = new RouterFixture();

    @AfterEach
    void stopRouters() {
        fixture.close();
    }

    @Test
    void pushPathDeliversEveryPacket() throws Exception {
        Router router = fixture.start("""
                src :: NumberedSource(LIMIT 100000);
                c :: Counter;
                sink :: CheckingSink;
                src -> c -> sink;
                """);
        RouterFixture.await("100000 packets", Duration.ofSeconds(20), () -> fixture.sequence.received == 100_000);
        assertEquals(0, fixture.sequence.outOfOrder);
        assertEquals("100000", read(router, "c.count"));
        assertEquals(List.of(100_000L), router.status().get(0).outputPackets());
        assertEquals(List.of(100_000L), router.status().get(1).outputPackets());
        router.stop();
        assertFalse(router.isRunning());
        assertEquals(0, fixture.factory.outstanding(), "every element released");
    }

    @Test
    void anElementStopsItsRouterThroughTheStopHandler() throws Exception {
        Router router = fixture.start("src :: NumberedSource(LIMIT 100000) -> s :: StopAfter(500) -> sink :: CountingSink;");
        assertTrue(router.awaitStop(Duration.ofSeconds(20)), "the router stops itself");
        assertFalse(router.isRunning());
        RouterFixture.await("every element released", Duration.ofSeconds(5), () -> fixture.factory.outstanding() == 0);
    }

    @Test
    void configureErrorsAreAllReportedInClickFormatAndNothingRuns() {
        RouterException e = assertThrows(RouterException.class, () -> fixture.start("""
                a :: Fussy(bad thing);
                b :: Fussy;
                c :: Fussy(worse thing, and more);
                """));
        assertEquals(List.of(
                "config:1: While configuring 'a :: Fussy':",
                "  bad thing",
                "config:3: While configuring 'c :: Fussy':",
                "  worse thing",
                "  and more",
                "Router could not be initialized!"), e.errors());
        assertEquals(3, fixture.cleanups.get(), "every created element cleaned up");
        assertEquals(0, fixture.factory.outstanding(), "every created element released");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("junction-test")));
    }

    @Test
    void unknownClassesAreReportedWithoutTheInitializationLine() {
        RouterException e = assertThrows(RouterException.class, () -> fixture.start("x :: Nonesuch;"));
        assertEquals(List.of("config:1: unknown element class 'Nonesuch'"), e.errors());
    }

    @Test
    void defaultElementAndGlobalHandlers() throws Exception {
        Router router = fixture.start("""
                src :: NumberedSource(ACTIVE false);
                c :: Counter;
                sink :: CountingSink;
                src -> c -> sink;
                """);
        assertEquals("3\nsrc\nc\nsink\n", read(router, "list"));
        assertEquals("c", read(router, "c.name"));
        assertEquals("Counter", read(router, "c.class"));
        assertEquals("ACTIVE false", read(router, "src.config"));
        assertEquals("name\tr.\nclass\tr.\nconfig\trw.\nports\tr.\nhandlers\tr.\ncount\tr\nreset\tw\nplus\tr+\n",
                read(router, "c.handlers"));
        assertEquals("version\tr\nconfig\tr\nflatconfig\tr\nrequirements\tr\nhandlers\tr\nlist\tr\nstop\tw\n"
                + "classes\tr\nhotconfig\tw%\n", read(router, "handlers"));
        assertEquals(Router.VERSION, read(router, "version"));
        assertTrue(read(router, "classes").contains("Counter\n"));
        assertTrue(read(router, "flatconfig").contains("c :: Counter;"));
        assertTrue(read(router, "config").startsWith("src :: NumberedSource(ACTIVE false);"));

        write(router, "src.send", "5");
        assertEquals("5", read(router, "c.count"));
        assertEquals("5", read(router, "sink.count"));
        assertEquals("1 input\npush~\t-\tsrc [0]\n1 output\npush~\t5\t[0] sink\n", read(router, "c.ports"));
        write(router, "c.reset", "");
        assertEquals("0", read(router, "c.count"));

        assertEquals("no element named 'zz'",
                assertThrows(HandlerException.class, () -> router.read("zz.count")).getMessage());
        assertEquals("no 'c.zz' read handler",
                assertThrows(HandlerException.class, () -> router.read("c.zz")).getMessage());
        assertEquals("no 'c.name' write handler",
                assertThrows(HandlerException.class, () -> router.write("c.name", "x")).getMessage());

        // Read handlers with a parameter (Click's READ_PARAM): with one, without one, and refused elsewhere.
        write(router, "src.send", "3");
        assertEquals("10", router.read("c.plus", "7"));
        assertEquals("3", router.read("c.plus", ""));
        assertEquals("3", router.read("c.plus"));
        assertEquals("expected a number",
                assertThrows(HandlerException.class, () -> router.read("c.plus", "x")).getMessage());
        assertEquals("read handler 'c.count' does not take parameters",
                assertThrows(HandlerException.class, () -> router.read("c.count", "7")).getMessage());
        assertEquals("3", router.read("c.count", ""));
    }

    @Test
    void writingConfigReconfiguresThroughASwap() throws Exception {
        Router router = fixture.start("""
                src :: NumberedSource(ACTIVE false);
                c :: Counter;
                sink :: CountingSink;
                src -> c -> sink;
                """);
        write(router, "src.send", "7");
        write(router, "src.config", "ACTIVE false, LIMIT 9");
        assertEquals("ACTIVE false, LIMIT 9", read(router, "src.config"));
        assertEquals("7", read(router, "c.count"), "the counter kept its count");
        HandlerException e = assertThrows(HandlerException.class, () -> router.write("src.config", "BOGUS 1"));
        assertTrue(e.getMessage().contains("While configuring 'src :: NumberedSource'"), e.getMessage());
        assertEquals("ACTIVE false, LIMIT 9", read(router, "src.config"));
    }

    @Test
    void stopHandlerStopsTheRouter() throws Exception {
        Router router = fixture.start("""
                src :: NumberedSource(ACTIVE false);
                sink :: CountingSink;
                src -> sink;
                """);
        write(router, "stop", "");
        assertTrue(router.awaitStop(Duration.ofSeconds(10)));
        assertFalse(router.isRunning());
        assertEquals(0, fixture.factory.outstanding());
    }
}
