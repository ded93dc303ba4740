package dev.junction.clicktest;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Click's own tests (shared/conformance/click) against the project's {@code click} and
 * {@code click-flatten} launchers: one dynamic test per clicktest file. Files listed in
 * {@code conformance/expected-to-pass.txt} must pass; the others are reported as skipped while they
 * fail, and fail once they pass so that the list stays honest.
 *
 * <p>System properties: {@code clicktest.dir} (the tests), {@code clicktest.bin} (the launchers),
 * {@code clicktest.timeout} (seconds per test), {@code clicktest.keep} (keep temporary directories).
 */
class ClickConformanceTest {

    /** System property: the folder of clicktest files. */
    static final String DIR_PROPERTY = "clicktest.dir";
    static final String LIST_FILE = "expected-to-pass.txt";

    @TestFactory
    Stream<DynamicNode> clickTests() throws IOException {
        Path module = moduleDirectory();
        Path repository = module.getParent();
        Path testDirectory = testDirectory(repository);
        if (!Files.isDirectory(testDirectory)) {
            return Stream.of(dynamicTest("click conformance tests", () -> Assumptions.abort(
                    "no clicktest folder at " + testDirectory + " (set -D" + DIR_PROPERTY + "=DIR)")));
        }
        ExpectedToPassList expected = ExpectedToPassList.read(module.resolve(LIST_FILE));
        ConformanceNodes nodes = new ConformanceNodes(
                new ClickTestRunner(RunnerConfig.fromSystemProperties(repository)), expected);
        List<String> files = ClickTestFiles.find(testDirectory);
        Stream<DynamicNode> tests = files.stream().map(file -> nodes.forFile(testDirectory, file));
        Stream<DynamicNode> missing = expected.paths().stream()
                .filter(listed -> !files.contains(listed))
                .map(listed -> dynamicTest(listed, () -> Assertions.fail(
                        listed + " is in " + LIST_FILE + " but not in " + testDirectory)));
        return Stream.concat(tests, missing);
    }

    private static Path testDirectory(Path repository) {
        String property = System.getProperty(DIR_PROPERTY);
        return property != null && !property.isBlank() ? Path.of(property).toAbsolutePath()
                : repository.resolve("../shared/conformance/click").normalize();
    }

    /** The module's directory: test classes live in its target/test-classes. */
    private static Path moduleDirectory() {
        try {
            Path classes = Path.of(ClickConformanceTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent().getParent();
            if (Files.isRegularFile(module.resolve("pom.xml"))) {
                return module;
            }
        } catch (URISyntaxException | NullPointerException e) {
            // fall through to the working directory, which surefire sets to the module
        }
        return Path.of("").toAbsolutePath();
    }
}
