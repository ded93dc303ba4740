package dev.junction.clicktest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs one {@link ClickTest}: in a fresh temporary directory, runs {@code %require} (failure skips the
 * test), writes the {@code %file} files, runs {@code %script} with {@code sh -e} under a timeout, and
 * if it exits with status 0 compares every expected output file.
 */
public final class ClickTestRunner {

    private static final String SCRIPT_FILE = "%script";
    private static final String REQUIRE_FILE = "%require";
    private static final String STDOUT = "stdout";
    private static final String STDERR = "stderr";
    private static final Path DEV_NULL = Path.of("/dev/null");

    private final RunnerConfig config;

    /**
     * Creates a runner.
     *
     * @param config where the launchers are, the timeout and the environment
     */
    public ClickTestRunner(RunnerConfig config) {
        this.config = config;
    }

    /**
     * Runs a test.
     *
     * @param test the test
     * @return passed, failed (with the reasons) or skipped (with the reason)
     */
    public TestOutcome run(ClickTest test) {
        if (!test.problems().isEmpty()) {
            return TestOutcome.failed(test.name(), List.of(new Failure(null,
                    "bad clicktest file", String.join("\n", test.problems()))), List.of());
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("clicktest-");
            return runIn(test, directory);
        } catch (IOException e) {
            return TestOutcome.failed(test.name(), List.of(new Failure(null, "could not run: " + e, "")), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TestOutcome.failed(test.name(), List.of(new Failure(null, "interrupted", "")), List.of());
        } finally {
            if (directory != null && !config.keepDirectories()) {
                deleteTree(directory);
            }
        }
    }

    private TestOutcome runIn(ClickTest test, Path directory) throws IOException, InterruptedException {
        Map<String, String> environment = environment();
        if (!test.require().isEmpty()) {
            Optional<String> unmet = runRequirements(test, directory, environment);
            if (unmet.isPresent()) {
                return TestOutcome.skipped(test.name(), unmet.get());
            }
        }
        writeInputs(test, directory);
        Files.writeString(directory.resolve(SCRIPT_FILE), ScriptWriter.write(test.script()), StandardCharsets.ISO_8859_1);
        Path stdin = test.hasInputFile("stdin") ? directory.resolve("stdin") : DEV_NULL;
        Path stdout = test.expectedFiles().contains(STDOUT) ? directory.resolve(STDOUT) : null;
        ShellProcess.Result result = ShellProcess.run(directory, SCRIPT_FILE, stdin, stdout,
                directory.resolve(STDERR), environment, config.timeout());

        ScriptTrace trace = new ScriptTrace(read(directory.resolve(STDERR)));
        List<String> subtests = trace.subtests();
        String kept = config.keepDirectories() ? "\n(test directory kept: " + directory + ")" : "";
        if (result.timedOut() || result.exitStatus() != 0) {
            return TestOutcome.failed(test.name(), List.of(scriptFailure(test, result, trace, kept)), subtests);
        }
        List<Failure> failures = compareOutputs(test, directory, trace);
        if (failures.isEmpty()) {
            return TestOutcome.passed(test.name(), subtests);
        }
        if (!kept.isEmpty()) {
            failures.add(new Failure(null, kept.strip(), ""));
        }
        return TestOutcome.failed(test.name(), failures, subtests);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(config.environment());
        environment.put("LC_ALL", "C");
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("PATH", config.binDirectory() + ":" + path);
        // Click points $rundir at the directory clicktest was started in.
        environment.put("rundir", Path.of("").toAbsolutePath().toString());
        return environment;
    }

    /** Runs %require before any file is written, as Click does; returns why it failed, if it did. */
    private Optional<String> runRequirements(ClickTest test, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.writeString(directory.resolve(REQUIRE_FILE), ScriptWriter.write(test.require()), StandardCharsets.ISO_8859_1);
        Path stderr = directory.resolve(STDERR);
        ShellProcess.Result result = ShellProcess.run(directory, REQUIRE_FILE, DEV_NULL, null, stderr,
                environment, config.timeout());
        if (!result.timedOut() && result.exitStatus() == 0) {
            Files.deleteIfExists(stderr);
            return Optional.empty();
        }
        ScriptTrace trace = new ScriptTrace(read(stderr));
        Files.deleteIfExists(stderr);
        String output = trace.outputOfLastCommand().strip();
        return Optional.of("requirement not met: " + describeCommand(test.require(), trace.lastCommandLocation())
                + (result.timedOut() ? " timed out" : " exited with status " + result.exitStatus())
                + (output.isEmpty() ? "" : ": " + Mismatch.readable(output)));
    }

    private static void writeInputs(ClickTest test, Path directory) throws IOException {
        for (InputFile file : test.files()) {
            Path target = directory.resolve(file.name());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.ISO_8859_1);
        }
    }

    private Failure scriptFailure(ClickTest test, ShellProcess.Result result, ScriptTrace trace, String kept) {
        String command = describeCommand(test.script(), trace.lastCommandLocation());
        String output = trace.outputOfLastCommand().strip();
        String firstOutputLine = output.lines().findFirst().map(line -> ": " + Mismatch.readable(line)).orElse("");
        String summary = result.timedOut()
                ? "timed out after " + config.timeout().toSeconds() + " s in " + command
                        + "; its process tree was killed (more time: -D" + RunnerConfig.TIMEOUT_PROPERTY + "=SECONDS)"
                : "script failed: " + command + " exited with " + exitDescription(result.exitStatus()) + firstOutputLine;
        String details = output.isEmpty() ? "  (the command wrote nothing to stderr)"
                : "  its stderr:\n" + Mismatch.readable(output).indent(4).stripTrailing();
        return new Failure(trace.currentSubtest(), summary, details + kept);
    }

    private static String exitDescription(int status) {
        return status > 128 ? "status " + status + " (signal " + (status - 128) + ")" : "status " + status;
    }

    /** Names a command by location and its first line, shortened. */
    private static String describeCommand(List<ShellCommand> commands, String location) {
        if (location == null) {
            return "the script's prelude";
        }
        return commands.stream()
                .filter(command -> command.location().toString().equals(location))
                .findFirst()
                .map(command -> "command at " + location + " '" + firstLine(command.text()) + "'")
                .orElse("command at " + location);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        boolean more = line.length() > 60 || text.strip().contains("\n");
        return Mismatch.readable(line.length() > 60 ? line.substring(0, 60) : line) + (more ? " ..." : "");
    }

    private static List<Failure> compareOutputs(ClickTest test, Path directory, ScriptTrace trace) throws IOException {
        List<Failure> failures = new ArrayList<>();
        for (String fileName : test.expectedFiles()) {
            Path file = directory.resolve(fileName);
            String actual;
            if (fileName.equals(STDERR)) {
                actual = trace.withoutMarkers();
            } else if (Files.isRegularFile(file)) {
                actual = read(file);
            } else {
                failures.add(new Failure(null, fileName + ": the script did not create this file", ""));
                continue;
            }
            OutputComparator.compare(fileName, actual, test.expectationsFor(fileName), test.ignoresFor(fileName))
                    .ifPresent(mismatch -> failures.add(
                            new Failure(mismatch.subtest(), mismatch.summary(), mismatch.describe())));
        }
        return failures;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory is not worth failing a test for.
        }
    }
}
