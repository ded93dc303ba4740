package dev.junction.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.HandlerException;
import dev.junction.engine.runtime.ClassMapFactory;
import dev.junction.engine.runtime.Router;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code click} on the real runtime, with the standard bundle's element classes found as the command finds them. */
@Timeout(60)
class ClickTest {
    /** The standard element classes, found once: discovery reads the class path. */
    private static final ClassMapFactory STANDARD = BundleElementClasses.fromClassPath();

    private static ToolRun click(String... args) {
        return click(router -> { }, args);
    }

    /** Runs click; {@code whileRunning} gets the router once it runs, on click's thread. */
    private static ToolRun click(Consumer<Router> whileRunning, String... args) {
        return ToolRun.of("click", (out, err) -> {
            Click click = new Click(out, err, () -> STANDARD);
            click.onRunning = whileRunning;
            return click;
        }, args);
    }

    /** Stops the router from another thread, as a ControlSocket client or an operator would. */
    private static Consumer<Router> stopFromAnotherThread(AtomicReference<String> seenCount) {
        return router -> Thread.ofPlatform().start(() -> {
            try {
                seenCount.set(router.read("c.count"));
                router.write("stop", "");
            } catch (HandlerException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aSyntaxErrorIsReportedAloneAsClickDoes() {
        AtomicBoolean classesAsked = new AtomicBoolean();
        ToolRun run = ToolRun.of("click", (out, err) -> new Click(out, err, () -> {
            classesAsked.set(true);
            return STANDARD;
        }), "-e", "->Null;");
        assertEquals(1, run.status());
        assertEquals("config:1: syntax error near '->'\n", run.err());
        assertFalse(classesAsked.get(), "a syntax error is reported before the element bundles are read");
    }

    @Test
    void theStandardClassesAreFoundByTheirComponentDescriptions() {
        assertTrue(STANDARD.classNames().containsAll(java.util.List.of("Counter", "Discard", "Idle",
                "InfiniteSource", "Queue", "Unqueue")), STANDARD.classNames().toString());
    }

    @Test
    void quitAfterInitializationExitsZero() {
        ToolRun run = click("-q", "-e", "Idle -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void quitAndOutputPrintsTheFlatConfiguration() {
        ToolRun run = click("-qo-", "-e", "Idle -> d :: Discard;");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\nd :: Discard;\n"), run.out());
        assertTrue(run.out().contains("\nIdle@1 -> d;\n"), run.out());
    }

    @Test
    void checkErrorsEndWithClicksInitializationLine() {
        ToolRun run = click("-q", "-e", "Discard -> Discard;");
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("config:1: "), run.err());
        assertTrue(run.err().endsWith("\nRouter could not be initialized!\n"), run.err());
    }

    @Test
    void unknownClassesAreReportedWithoutTheInitializationLine() {
        ToolRun run = click("-q", "-e", "NoSuchThing -> Discard;");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("unknown element class 'NoSuchThing'"), run.err());
        assertFalse(run.err().contains("Router could not be initialized!"), run.err());
    }

    @Test
    void aRouterRunsUntilItsStopHandlerIsWritten() {
        AtomicReference<String> seen = new AtomicReference<>();
        ToolRun run = click(stopFromAnotherThread(seen), "-h", "c.count", "-e",
                "InfiniteSource(LIMIT 7) -> c :: Counter -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertEquals("7\n", run.out(), "-h prints the bare value of one handler, read after the run");
        assertEquals("", run.err());
    }

    @Test
    void aRouterThatStopsItselfEndsClick() {
        ToolRun run = click("-h", "c.count", "-e", "InfiniteSource(LIMIT 5, STOP true) -> c :: Counter -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertEquals("5\n", run.out());
    }

    @Test
    void severalHandlersAndGlobsPrintNamesAndBlankLinesAsClickDoes() {
        ToolRun run = click("-q", "-h", "c.count", "-h", "d*.count", "-h", "version", "-e",
                "Idle -> c :: Counter -> d1 :: Discard; Idle -> d2 :: Discard; Idle -> x :: Discard;");
        assertEquals(0, run.status(), run.err());
        assertEquals("c.count:\n0\n\nd1.count:\n0\n\nd2.count:\n0\n\nversion:\n" + Router.VERSION + "\n\n",
                run.out());
    }

    @Test
    void aGlobOrClassNamePrintsNamesEvenAlone() {
        ToolRun run = click("-q", "-h", "Counter.count", "-e", "Idle -> c :: Counter -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertEquals("c.count:\n0\n\n", run.out());
    }

    @Test
    void unknownHandlersAreErrorsAndTheOthersStillPrint() {
        ToolRun run = click("-q", "-h", "c.nonesuch", "-h", "nobody.count", "-h", "z*.count", "-h", "stop",
                "-h", "c.count", "-e", "Idle -> c :: Counter -> Discard;");
        assertEquals(1, run.status());
        assertEquals("no 'c.nonesuch' handler\nno element 'nobody'\nno element matching 'z*'\n"
                + "'stop' is a write handler\n", run.err());
        assertEquals("c.count:\n0\n\n", run.out());
    }

    @Test
    void theExitHandlerGivesTheStatus() {
        assertEquals(7, click("-x", "c.count", "-e", "InfiniteSource(LIMIT 7, STOP true) -> c :: Counter -> Discard;")
                .status());
        assertEquals(1, click("-q", "-x", "d.active", "-e", "Idle -> Queue -> d :: Discard(ACTIVE false);").status(), "false is 1");
        ToolRun missing = click("-q", "-x", "c.nonesuch", "-e", "Idle -> c :: Counter -> Discard;");
        assertEquals(-1, missing.status(), "an error is Click's -1: 255 once the process exits");
        assertEquals("no 'c.nonesuch' read handler\n", missing.err());
    }

    @Test
    void simulatedTimeIsAccepted() {
        ToolRun run = click("--simtime", "-h", "c.count", "-e", "InfiniteSource(LIMIT 3, STOP true) -> c :: Counter -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertEquals("3\n", run.out());
        assertEquals(0, click("-q", "--simtime=5", "-e", "Idle -> Discard;").status());
    }

    @Test
    void simtimeWithoutAValueLeavesTheRouterFileAlone() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("simtime", ".click");
        try {
            java.nio.file.Files.writeString(file, "InfiniteSource(LIMIT 2, STOP true) -> c :: Counter -> Discard;");
            ToolRun run = click("--simtime", file.toString(), "-h", "c.count");
            assertEquals(0, run.status(), run.err());
            assertEquals("2\n", run.out());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void anEmptyConfigurationWarnsAndDoesNotRun() {
        ToolRun run = click("-e", "");
        assertEquals(0, run.status(), run.err());
        assertEquals("config: warning: configuration has no elements, exiting\n", run.err());
    }

    @Test
    void clusteredShortOptionsAsClicksTestsWriteThem() {
        ToolRun run = click("-qo-", "-e", "");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().isEmpty() || !run.out().contains("::"), run.out());
    }

    @Test
    void handlerOptionIsNotHelp() {
        ToolRun run = click("-h", "c.count", "-h", "d.*", "-e", "->");
        assertEquals(1, run.status(), "-h takes a handler name, as in Click");
        assertTrue(run.err().startsWith("config:1: syntax error"), run.err());
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        ToolRun run = click("-p", "nope", "-q", "-e", "Idle -> Discard;");
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("click: '--port' expects a TCP port number, not 'nope'\nUsage: click"),
                run.err());
    }

    @Test
    void timeLineHasClicksFormat() {
        ToolRun run = click("-q", "-t", "-e", "Idle -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().matches("\\d+\\.\\d{3}u \\d+\\.\\d{3}s \\d+:\\d{2}\\.\\d{2}\n"), run.out());
    }

    @Test
    void clickGlobsFollowClick() {
        assertTrue(ClickGlob.matches("a/b1", "a*"));
        assertTrue(ClickGlob.matches("d1", "d?"));
        assertTrue(ClickGlob.matches("d2", "d[12]"));
        assertFalse(ClickGlob.matches("d3", "d[12]"));
        assertTrue(ClickGlob.matches("d3", "d[^12]"));
        assertTrue(ClickGlob.matches("a*", "a\\*"));
        assertFalse(ClickGlob.matches("ab", "a\\*"));
        assertTrue(ClickGlob.matches("x[", "x["));
    }
}
