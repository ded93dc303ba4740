package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectedToPassTest {

    @Test
    void listIgnoresCommentsAndBlankLines() {
        ExpectedToPassList list = ExpectedToPassList.parse(List.of(
                "# header", "", "tools/lexer-01.clicktest  # the lexer", "  ./tools/lexer-09.clicktest"));
        assertEquals(Set.of("tools/lexer-01.clicktest", "tools/lexer-09.clicktest"), list.paths());
        assertTrue(list.contains("tools/lexer-09.clicktest"));
        assertFalse(list.contains("tools/lexer-02.clicktest"));
    }

    @Test
    void missingListIsEmpty(@TempDir Path directory) throws IOException {
        assertTrue(ExpectedToPassList.read(directory.resolve("none.txt")).paths().isEmpty());
    }

    @Test
    void theProjectsListNamesTheLexerTests() throws IOException {
        ExpectedToPassList list = ExpectedToPassList.read(Path.of("expected-to-pass.txt"));
        assertTrue(list.contains("tools/lexer-01.clicktest"));
        assertTrue(list.contains("tools/lexer-09.clicktest"));
    }

    @Test
    void verdicts() {
        TestOutcome passed = TestOutcome.passed("t", List.of());
        TestOutcome failed = TestOutcome.failed("t", List.of(new Failure(null, "first", "details")), List.of());
        TestOutcome skipped = TestOutcome.skipped("t", "no perl");
        assertEquals(new Verdict(Verdict.Kind.PASS, ""), Verdict.judge(true, passed));
        assertEquals(new Verdict(Verdict.Kind.FAIL, Verdict.PASSES_NOW), Verdict.judge(false, passed));
        assertEquals(new Verdict(Verdict.Kind.FAIL, "t: 1 problem\nfirst\ndetails"), Verdict.judge(true, failed));
        assertEquals(new Verdict(Verdict.Kind.SKIP, Verdict.NOT_EXPECTED + "first"), Verdict.judge(false, failed));
        assertEquals(new Verdict(Verdict.Kind.SKIP, "no perl"), Verdict.judge(true, skipped));
        assertEquals(new Verdict(Verdict.Kind.SKIP, "no perl"), Verdict.judge(false, skipped));
    }

    @Test
    void testFilesAreFoundLikeClickDoes(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("b"));
        for (String name : List.of("b/x.clicktest", "a.testie", ".hidden.clicktest", "#backup.clicktest", "notes.txt")) {
            Files.writeString(root.resolve(name), "");
        }
        assertEquals(List.of("a.testie", "b/x.clicktest"), ClickTestFiles.find(root));
    }
}
