package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickTestRunnerTest {

    @TempDir
    Path work;
    private Path bin;
    private Path pidFile;
    private ClickTestRunner runner;

    @BeforeEach
    void fakeLaunchers() throws IOException {
        bin = Files.createDirectories(work.resolve("bin"));
        // A stand-in for the real launcher: reports its arguments, fails on -fail.
        launcher("click", """
                #!/bin/sh
                if [ "$1" = -fail ]; then echo "click: failing as asked" >&2; exit 3; fi
                echo "fake click: $*"
                echo "fake click stderr" >&2
                """);
        pidFile = work.resolve("pid");
        runner = runnerWithTimeout(Duration.ofSeconds(30));
    }

    private ClickTestRunner runnerWithTimeout(Duration timeout) {
        return new ClickTestRunner(new RunnerConfig(bin, timeout, false, Map.of("PIDFILE", pidFile.toString())));
    }

    private void launcher(String name, String text) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private TestOutcome run(String text) {
        return runWith(runner, text);
    }

    private static TestOutcome runWith(ClickTestRunner runner, String text) {
        return runner.run(ClickTestParser.parse(text, "t.clicktest").getFirst());
    }

    private static void assertPassed(TestOutcome outcome) {
        assertEquals(TestOutcome.Status.PASSED, outcome.status(), outcome::report);
    }

    private static TestOutcome assertFailed(TestOutcome outcome, String fragment) {
        assertEquals(TestOutcome.Status.FAILED, outcome.status(), "expected a failure containing " + fragment);
        assertTrue(outcome.report().contains(fragment), () -> "expected '" + fragment + "' in:\n" + outcome.report());
        return outcome;
    }

    @Test
    void filesAreWrittenAndStdoutCompared() {
        assertPassed(run("%script\ncat IN dir/sub/F\n%file IN\nhello\n%file dir/sub/F\nnested\n%expect stdout\nhello\nnested\n"));
        assertFailed(run("%script\ncat IN\n%file IN\nhello\n%expect stdout\nbye\n"),
                "stdout line 1: expected 'bye' but got 'hello'");
    }

    @Test
    void exactLengthAndBase64FilesKeepTheirBytes() {
        assertPassed(run("%script\nwc -c < F\nwc -c < G\n%file +3 F\nabc\n%file -e G\nAAEC\n%expect\n3\n3\n"));
    }

    @Test
    void stdinComesFromTheStdinFileOrDevNull() {
        assertPassed(run("%script\ncat\n%stdin\nfrom stdin\n%stdout\nfrom stdin\n"));
        assertPassed(run("%script\ncat\necho end\n%stdout\nend\n"));
    }

    @Test
    void launchersAreFoundFirstOnPath() {
        assertPassed(run("%script\nclick -e 'x'\n%expect stdout\nfake click: -e x\n%expect stderr\nfake click stderr\n"));
    }

    @Test
    void environmentHasLcAllAndRundir() {
        assertPassed(run("%script\necho \"$LC_ALL\"\ntest -d \"$rundir\"\n%expect\nC\n"));
    }

    @Test
    void failingCommandFailsTheTestAndNamesIt() {
        TestOutcome outcome = assertFailed(run("""
                %script
                echo before
                click -fail now
                echo never
                %expect stdout
                this is not compared
                """), "script failed: command at t.clicktest:3 'click -fail now' exited with status 3");
        assertTrue(outcome.report().contains("click: failing as asked"), outcome.report());
        assertFalse(outcome.report().contains("this is not compared"), outcome.report());
    }

    @Test
    void failuresCanBeAllowedExplicitly() {
        assertPassed(run("%script\nclick -fail || true\nfalse || echo recovered\n%expect\nrecovered\n"));
    }

    @Test
    void multiLineCommandIsReportedAtItsFirstLine() {
        assertFailed(run("%script\ntrue\nclick -fail -e '\nA -> B\n'\n"), "command at t.clicktest:3 'click -fail -e ' ...'");
    }

    @Test
    void timeoutKillsTheProcessTree() throws Exception {
        long start = System.nanoTime();
        TestOutcome outcome = runWith(runnerWithTimeout(Duration.ofSeconds(1)),
                "%script\nsleep 60 &\necho $! > \"$PIDFILE\"\nsleep 60\n");
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "the timeout did not stop the script");
        assertFailed(outcome, "timed out after 1 s in command at t.clicktest:4 'sleep 60'");
        assertProcessGone(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void backgroundJobsLeftBehindAreKilled() throws Exception {
        assertPassed(run("%script\nsleep 60 > /dev/null 2>&1 &\necho $! > \"$PIDFILE\"\n"));
        assertProcessGone(Long.parseLong(Files.readString(pidFile).strip()));
    }

    private static void assertProcessGone(long pid) throws InterruptedException {
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
    }

    @Test
    void failedRequirementSkipsTheTest() {
        TestOutcome outcome = run("%require\ntrue\necho missing tool >&2; false\n%script\nfalse\n");
        assertEquals(TestOutcome.Status.SKIPPED, outcome.status());
        assertTrue(outcome.skipReason().contains("requirement not met: command at t.clicktest:3"), outcome.skipReason());
        assertTrue(outcome.skipReason().contains("missing tool"), outcome.skipReason());
    }

    @Test
    void requirementsRunBeforeFilesExist() {
        assertPassed(run("%require -q\ntest ! -e F\n%script\ntest -e F\n%file F\nx\n"));
    }

    @Test
    void stderrIsComparedWithoutTheRunnersMarkers() {
        assertPassed(run("%script\necho a >&2\necho b >&2\n%expectv stderr\na\nb\n"));
        assertPassed(run("%script\nprintf a >&2\necho b >&2\n%expect stderr\na\nb\n"));
        assertPassed(run("%script\ntrue\n%expectv stderr\n"));
    }

    @Test
    void outputFilesWrittenByTheScript() {
        assertPassed(run("%script\nclick x 2>ERR >OUT\n%expect OUT\nfake click: x\n%expect ERR\nfake click stderr\n"));
        assertFailed(run("%script\ntrue\n%expect NEVER\nx\n"), "NEVER: the script did not create this file");
    }

    @Test
    void everyDifferingFileIsReported() {
        TestOutcome outcome = assertFailed(run("%script\necho 1 > A\necho 2 > B\n%expect A\nx\n%expect B\ny\n"), "A line 1");
        assertEquals(2, outcome.failures().size());
        assertTrue(outcome.report().contains("B line 1"));
    }

    @Test
    void subtestsAreRecordedAndBlamed() {
        TestOutcome outcome = run("""
                %script
                clicktest_subtest first
                echo a
                clicktest_subtest second
                echo wrong
                %expect stdout
                a
                b
                """);
        assertEquals(List.of("first", "second"), outcome.subtests());
        assertEquals("second", outcome.failures().getFirst().subtest());
    }

    @Test
    void scriptFailureInASubtestIsBlamedOnIt() {
        TestOutcome outcome = run("%script\nclicktest_subtest one\ntrue\nclicktest_subtest two\nfalse\n");
        assertEquals("two", outcome.failures().getFirst().subtest());
    }

    @Test
    void formatProblemsFailWithoutRunning() {
        assertFailed(run("%script\ntrue > \"$PIDFILE\"\n%bogus\n"), "bad clicktest file");
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void scriptsRunWithShDashE() {
        assertFailed(run("%script\nfalse; echo after\n"), "exited with status 1");
    }
}
