package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ConformanceNodesTest {

    @TempDir
    Path root;

    private DynamicNode node(String name, String text, String... listed) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        ClickTestRunner runner = new ClickTestRunner(new RunnerConfig(root, Duration.ofSeconds(30), false, Map.of()));
        return new ConformanceNodes(runner, ExpectedToPassList.parse(List.of(listed))).forFile(root, name);
    }

    private static void execute(DynamicNode node) throws Throwable {
        assertInstanceOf(DynamicTest.class, node).getExecutable().execute();
    }

    private static List<DynamicNode> children(DynamicNode node) {
        return assertInstanceOf(DynamicContainer.class, node).getChildren().map(DynamicNode.class::cast).toList();
    }

    private static final String PASSING = "%script\necho ok\n%expect\nok\n";
    private static final String FAILING = "%script\necho no\n%expect\nok\n";

    @Test
    void listedPassingFilePasses() throws Throwable {
        DynamicNode node = node("d/pass.clicktest", PASSING, "d/pass.clicktest");
        assertEquals("d/pass.clicktest", node.getDisplayName());
        execute(node);
    }

    @Test
    void listedFailingFileFailsWithTheDifference() throws IOException {
        DynamicNode node = node("fail.clicktest", FAILING, "fail.clicktest");
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> execute(node));
        assertTrue(error.getMessage().contains("stdout line 1: expected 'ok' but got 'no'"), error.getMessage());
    }

    @Test
    void unlistedFailingFileIsSkippedWithTheFirstDifference() throws IOException {
        DynamicNode node = node("fail.clicktest", FAILING);
        TestAbortedException aborted = assertThrows(TestAbortedException.class, () -> execute(node));
        assertEquals(Verdict.NOT_EXPECTED + "stdout line 1: expected 'ok' but got 'no'", aborted.getMessage());
    }

    @Test
    void unlistedPassingFileFails() throws IOException {
        DynamicNode node = node("pass.clicktest", PASSING);
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> execute(node));
        assertEquals(Verdict.PASSES_NOW, error.getMessage());
    }

    @Test
    void unmetRequirementSkips() throws IOException {
        DynamicNode node = node("req.clicktest", "%require\nfalse\n%script\ntrue\n", "req.clicktest");
        assertThrows(TestAbortedException.class, () -> execute(node));
    }

    @Test
    void subtestsBecomeNestedTests() throws Throwable {
        DynamicNode node = node("sub.clicktest", """
                %script
                clicktest_subtest one
                echo a
                clicktest_subtest two
                echo wrong
                clicktest_subtest three
                echo c
                %expect
                a
                b
                c
                """, "sub.clicktest");
        List<DynamicNode> children = children(node);
        assertEquals(List.of("sub.clicktest subtest one", "sub.clicktest subtest two", "sub.clicktest subtest three"),
                children.stream().map(DynamicNode::getDisplayName).toList());
        execute(children.get(0));
        assertThrows(AssertionFailedError.class, () -> execute(children.get(1)));
        assertThrows(TestAbortedException.class, () -> execute(children.get(2)));
    }

    @Test
    void severalTestsInOneFileBecomeNestedTests() throws Throwable {
        DynamicNode node = node("multi.clicktest", PASSING + "%eot\n" + PASSING);
        List<DynamicNode> children = children(node);
        assertEquals(List.of("multi.clicktest", "multi.clicktest <2>", "expected-to-pass list"),
                children.stream().map(DynamicNode::getDisplayName).toList());
        execute(children.get(0));
        execute(children.get(1));
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> execute(children.get(2)));
        assertEquals(Verdict.PASSES_NOW, error.getMessage());
    }
}
