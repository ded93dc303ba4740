package dev.junction.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickFlattenTest {
    private static ToolRun flatten(String... args) {
        return ToolRun.of("click-flatten", ClickFlatten::new, args);
    }

    @Test
    void flattensACompoundToFileAndReportsNothing(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("a.click");
        Files.writeString(config, "elementclass F { input -> Null -> output }\nf :: F;\nIdle -> f -> Discard;\n");
        Path out = dir.resolve("flat.click");
        ToolRun run = flatten(config.toString(), "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        String flat = Files.readString(out);
        assertTrue(flat.contains("f/Null@1 :: Null;"), flat);
        assertTrue(flat.contains("-> f/Null@1"), flat);
    }

    @Test
    void syntaxErrorsGoToStandardErrorWithStatusOneAndNoOutput(@TempDir Path dir) {
        Path out = dir.resolve("never.click");
        ToolRun run = flatten("-e", "->Null;", "-o", out.toString());
        assertEquals(1, run.status());
        assertEquals("config:1: syntax error near '->'\n", run.err());
        assertTrue(Files.notExists(out), "nothing is written when there are errors");
    }

    @Test
    void definitionsOnTheCommandLineOverrideDefines() {
        ToolRun run = flatten("-e", "define($n 5); Queue($n) -> Discard;", "n=7");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("define($n 7);"), run.out());
    }

    @Test
    void aMissingFileIsNamed() {
        ToolRun run = flatten("/nonexistent/x.click");
        assertEquals(1, run.status());
        assertEquals("click-flatten: /nonexistent/x.click: No such file or directory\n", run.err());
    }

    @Test
    void twoConfigurationsAreAUsageError() {
        ToolRun run = flatten("-e", "Idle;", "b.click");
        assertEquals(1, run.status());
        assertEquals("click-flatten: router configuration specified twice\n", run.err());
    }

    @Test
    void unknownOptionsGetClicksUsageLines() {
        ToolRun run = flatten("--frobnicate");
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("click-flatten: Unknown option: '--frobnicate'\n"), run.err());
        assertTrue(run.err().endsWith("Usage: click-flatten [OPTION]... [ROUTERFILE]\n"
                + "Try 'click-flatten --help' for more information.\n"), run.err());
    }

    @Test
    void helpListsTheOptions() {
        ToolRun run = flatten("--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("--expression=EXPR"), run.out());
        assertTrue(run.out().contains("--output=FILE"), run.out());
    }
}
