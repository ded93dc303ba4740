package dev.junction.clicktest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script file with {@code sh -e} in its own process group, so that the whole tree it started
 * can be killed: on a timeout, and after it exits, for background jobs it left behind (as Click does).
 */
final class ShellProcess {

    private static final Path SHELL = Path.of("/bin/sh");
    private static final Path SETSID = findSetsid();

    /**
     * How a script ended.
     *
     * @param exitStatus the shell's exit status (128 + signal number if a signal killed it)
     * @param timedOut true if the timeout expired and the process tree was killed
     */
    record Result(int exitStatus, boolean timedOut) {
    }

    private ShellProcess() {
    }

    /**
     * Runs a script and waits for it.
     *
     * @param directory the working directory, holding the script
     * @param scriptName the script file's name in that directory
     * @param stdin the file to read stdin from
     * @param stdout the file for stdout, or null to discard it
     * @param stderr the file for stderr
     * @param environment variables to set on top of this process's environment
     * @param timeout how long to wait before killing the tree
     * @return how it ended
     * @throws IOException if the shell cannot be started
     * @throws InterruptedException if this thread is interrupted while waiting (the tree is killed first)
     */
    static Result run(Path directory, String scriptName, Path stdin, Path stdout, Path stderr,
                      Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (SETSID != null) {
            // -w: should setsid have to fork, it still waits and passes the script's status on.
            command.addAll(List.of(SETSID.toString(), "-w"));
        }
        command.addAll(List.of(SHELL.toString(), "-e", scriptName));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(stdin.toFile())
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()))
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                return new Result(process.waitFor(), true);
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        signalGroup(process.pid(), "HUP");
        return new Result(process.exitValue(), false);
    }

    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        signalGroup(process.pid(), "KILL");
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Signals the script's process group, which exists only when setsid made the shell its leader. */
    private static void signalGroup(long groupId, String signal) throws InterruptedException {
        if (SETSID == null) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(SHELL.toString(), "-c", "kill -s " + signal + " -- -" + groupId + " 2>/dev/null")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Best effort: leftover processes are not worth failing a test for.
        }
    }

    private static Path findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }
}
