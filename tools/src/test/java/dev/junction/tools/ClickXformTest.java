package dev.junction.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickXformTest {
    private static ToolRun xform(String... args) {
        return ToolRun.of("click-xform", ClickXform::new, args);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void variablesCarryMatchedArgumentsIntoTheReplacement(@TempDir Path dir) throws IOException {
        Path patterns = write(dir, "p.clickpat", """
                elementclass Meters { input -> Meter($a) -> Shaper($b) -> output; }
                elementclass Meters_Replacement { input -> Meter($b) -> SlowShaper($a) -> output; }
                """);
        ToolRun run = xform("-p", patterns.toString(), "-e",
                "Idle -> Meter(1000) -> Shaper(2000) -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(":: Meter(2000);"), run.out());
        assertTrue(run.out().contains(":: SlowShaper(1000);"), run.out());
        assertFalse(run.out().contains(":: Shaper("), run.out());
        assertTrue(run.out().contains("Idle@1 -> Meters@1/Meter@1\n    -> Meters@1/SlowShaper@2\n    -> Discard@4;"),
                run.out());
    }

    @Test
    void aVariableMustMatchTheSameTextEverywhere(@TempDir Path dir) throws IOException {
        Path patterns = write(dir, "p.clickpat", """
                elementclass Twice { input -> Queue($n) -> Queue($n) -> output; }
                elementclass Twice_Replacement { input -> Queue($n) -> output; }
                """);
        ToolRun different = xform("-p", patterns.toString(), "-e", "Idle -> Queue(5) -> Queue(6) -> Discard;");
        assertEquals(0, different.status(), different.err());
        assertFalse(different.out().contains("Twice@"), different.out());
        ToolRun same = xform("-p", patterns.toString(), "-e", "Idle -> Queue(5) -> Queue(5) -> Discard;");
        assertTrue(same.out().contains("Twice@1/Queue@1 :: Queue(5);"), same.out());
        assertFalse(same.out().contains("Queue@2 :: Queue"), same.out());
    }

    @Test
    void aConnectionIntoTheMiddleOfAFragmentPreventsTheMatch(@TempDir Path dir) throws IOException {
        Path patterns = write(dir, "p.clickpat", """
                elementclass Pair { input -> Paint($p) -> Strip(14) -> output; }
                elementclass Pair_Replacement { input -> PaintStrip($p) -> output; }
                """);
        ToolRun run = xform("-p", patterns.toString(), "-e",
                "Idle -> Paint(1) -> s :: Strip(14) -> Discard; Idle -> s;");
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains("PaintStrip"), run.out());
    }

    @Test
    void aPatternThatReproducesItselfAppliesOnceAndReverseUndoes(@TempDir Path dir) throws IOException {
        Path patterns = write(dir, "p.clickpat", """
                elementclass QueuePattern { input -> Queue -> output; }
                elementclass QueuePattern_Replacement { input -> Queue -> Shaper(200) -> output; }
                """);
        ToolRun run = xform("-p", patterns.toString(), "-e", "Idle -> Queue -> Discard;");
        assertEquals(0, run.status(), run.err());
        assertEquals(1, run.out().split(":: Shaper\\(200\\)", -1).length - 1, run.out());
        Path once = write(dir, "once.click", run.out());
        ToolRun back = xform("-r", "-p", patterns.toString(), once.toString());
        assertEquals(0, back.status(), back.err());
        assertFalse(back.out().contains("Shaper"), back.out());
    }

    @Test
    void aPatternWithoutReplacementIsAnError(@TempDir Path dir) throws IOException {
        Path patterns = write(dir, "p.clickpat", "elementclass Lonely { input -> Queue -> output; }\n");
        ToolRun run = xform("-p", patterns.toString(), "-e", "Idle -> Queue -> Discard;");
        assertEquals(1, run.status());
        assertEquals("click-xform: pattern 'Lonely' has no replacement 'Lonely_Replacement'\n", run.err());
    }

    @Test
    void clickAlignWritesTheFlatConfiguration() {
        String config = "elementclass F { input -> Strip(14) -> output }\nIdle -> F -> CheckIPHeader -> Discard;";
        ToolRun align = ToolRun.of("click-align", ClickAlign::new, "-e", config);
        ToolRun flatten = ToolRun.of("click-flatten", ClickFlatten::new, "-e", config);
        assertEquals(0, align.status(), align.err());
        assertEquals(flatten.out(), align.out());
        assertFalse(align.out().contains("Align"), align.out());
    }
}
