package dev.junction.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.engine.graph.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the flattener against the {@code *_TOOL} expectations and the error lines of Click's own lexer
 * tests (shared/conformance/click/tools), by running each input the test scripts give click-flatten.
 */
class ConformanceTest {
    private static final Pattern TOOL_RUN = Pattern.compile("click-flatten (\\S+)( \\| fix)? > (\\S+)");
    private static final Pattern ANY_RUN = Pattern.compile("^(?:click -qo-|click-flatten) (\\S+)", Pattern.MULTILINE);

    private static Path conformance(String name) {
        Path p = ClickTestFile.CONFORMANCE.resolve(name);
        assumeTrue(Files.isRegularFile(p), "conformance tests not found at " + p.toAbsolutePath()
            + " (they live in the shared folder next to the repository)");
        return p;
    }

    private static Diagnostics run(String text, String name, StringBuilder output) {
        Diagnostics d = new Diagnostics();
        output.append(ClickLanguage.flattenToText(text, name, Path.of("."), Map.of(), d));
        return d;
    }

    @TestFactory
    Stream<DynamicTest> toolExpectations() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("lexer-02", "lexer-04", "lexer-05", "lexer-06")) {
            ClickTestFile test = ClickTestFile.read(conformance(name + ".clicktest"));
            Matcher m = TOOL_RUN.matcher(test.script());
            while (m.find()) {
                String input = m.group(1);
                boolean fix = m.group(2) != null;
                String expectation = m.group(3);
                if (!test.expectations().containsKey(expectation)) {
                    continue; // inputs whose output is only checked through stderr
                }
                tests.add(DynamicTest.dynamicTest(name + " " + input, () -> {
                    StringBuilder out = new StringBuilder();
                    Diagnostics d = run(test.files().get(input), input, out);
                    List<String> actual = fix ? ClickTestFile.fix(out.toString()) : List.of(out.toString().split("\n"));
                    assertEquals(List.of(), d.messages());
                    assertNull(ClickTestFile.mismatch(test.expectations().get(expectation), actual));
                }));
            }
            if (test.expectations().containsKey("stderr")) {
                tests.add(DynamicTest.dynamicTest(name + " stderr", () -> {
                    List<String> stderr = new ArrayList<>();
                    Matcher runs = ANY_RUN.matcher(test.script());
                    while (runs.find()) {
                        stderr.addAll(run(test.files().get(runs.group(1)), runs.group(1), new StringBuilder()).messages());
                    }
                    assertNull(ClickTestFile.mismatch(test.expectations().get("stderr"), stderr));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void lexer01ClassUsedAsElementName() throws IOException {
        ClickTestFile test = ClickTestFile.read(conformance("lexer-01.clicktest"));
        Matcher m = Pattern.compile("-e \"(.*?)\"", Pattern.DOTALL).matcher(test.script());
        List<String> stderr = new ArrayList<>();
        while (m.find()) {
            stderr.addAll(run(m.group(1), ClickLanguage.EXPRESSION_FILE_NAME, new StringBuilder()).messages());
        }
        assertNull(ClickTestFile.mismatch(test.expectations().get("stderr"), stderr));
    }

    @Test
    void lexer09SyntaxErrorAtTopLevel() throws IOException {
        ClickTestFile test = ClickTestFile.read(conformance("lexer-09.clicktest"));
        List<String> stderr = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // click and click-flatten report the same
            stderr.addAll(run(test.files().get("A.click"), "A.click", new StringBuilder()).messages());
        }
        assertNull(ClickTestFile.mismatch(test.expectations().get("stderr"), stderr));
    }
}
