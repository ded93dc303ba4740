package dev.junction.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.ElementClassInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickTest {
    private static final Map<String, ElementClassInfo> CLASSES = Map.of(
            "InfiniteSource", new ElementClassInfo("InfiniteSource", "0/1", "a/ah", "x/x"),
            "Print", new ElementClassInfo("Print", "1/1", "a/a", "x/x"),
            "Discard", new ElementClassInfo("Discard", "1/0", "a/a", "x/x"));

    private static ToolRun click(ElementClassCatalog catalog, String... args) {
        return ToolRun.of("click", (out, err) -> new Click(out, err, catalog), args);
    }

    @Test
    void aSyntaxErrorIsReportedAloneAsClickDoes() {
        ToolRun run = click(CLASSES::get, "-e", "->Null;");
        assertEquals(1, run.status());
        assertEquals("config:1: syntax error near '->'\n", run.err());
    }

    @Test
    void checkErrorsEndWithClicksInitializationLine() {
        ToolRun run = click(CLASSES::get, "-q", "-e", "i::InfiniteSource -> Print -> d::Discard;\ni -> Print -> d;");
        assertEquals(1, run.status());
        assertEquals("config:1: illegal reuse of 'i :: InfiniteSource' push output 0\n"
                + "Router could not be initialized!\n", run.err());
    }

    @Test
    void unknownClassesAreReportedWithoutTheInitializationLine() {
        ToolRun run = click(name -> null, "-q", "-e", "Idle -> Discard;");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("unknown element class 'Idle'"), run.err());
        assertTrue(!run.err().contains("Router could not be initialized!"), run.err());
    }

    @Test
    void aValidRouterSaysTheRuntimeIsMissingRatherThanPretending() {
        ToolRun run = click(CLASSES::get, "-q", "-e", "InfiniteSource -> Print -> Discard;");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("needs Junction's runtime"), run.err());
    }

    @Test
    void clusteredShortOptionsAsClicksTestsWriteThem() {
        ToolRun run = click(CLASSES::get, "-qo-", "-e", "");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().isEmpty() || !run.out().contains("::"), run.out());
    }

    @Test
    void handlerOptionIsNotHelp() {
        ToolRun run = click(CLASSES::get, "-h", "c.count", "-h", "d.*", "-e", "->");
        assertEquals(1, run.status(), "-h takes a handler name, as in Click");
        assertTrue(run.err().startsWith("config:1: syntax error"), run.err());
    }
}
