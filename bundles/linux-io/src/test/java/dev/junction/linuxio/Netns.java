package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plumbing for tests that use the Linux kernel as the peer: checks that skip a test when it cannot run, a
 * command runner with a time limit, and network namespaces with unique names that are all removed by
 * {@link #close()} (call it from {@code @AfterEach}, so that a failed test cleans up too).
 *
 * <pre>{@code
 * Netns.assumeRootAndIp();
 * String a = netns.create("a");                  // jn-a-<pid>, or jn-a-<pid>-<n> for the n-th "a"
 * netns.veth(a, "va", r, "ra");
 * netns.address(a, "va", "198.18.0.1/24");
 * Netns.assertNoLoss(netns.ping(a, "-c", "3", "198.18.0.2"));
 * }</pre>
 */
final class Netns implements AutoCloseable {
    /** The longest any single command may take; a command still running then is killed. */
    static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);

    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final List<String> created = new ArrayList<>();

    /** A command's exit status (-1 when it timed out) and its output and errors together. */
    record Result(int status, String output) {
        boolean ok() {
            return status == 0;
        }
    }

    /** Skips the test unless it runs as root with iproute2's {@code ip}. */
    static void assumeRootAndIp() {
        assumeTrue(isRoot(), "needs root (packet sockets and network namespaces)");
        assumeTrue(commandWorks("ip", "-V"), "needs iproute2's 'ip' command (apt-get install iproute2)");
    }

    /** Skips the test unless iputils' {@code ping} is there. */
    static void assumePing() {
        assumeTrue(commandWorks("ping", "-V"), "needs iputils' 'ping' command (apt-get install iputils-ping)");
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // the effective user id
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    static boolean commandWorks(String... command) {
        try {
            return run(command).ok();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a command with {@link #COMMAND_LIMIT}. */
    static Result run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), COMMAND_LIMIT, List.of(command));
    }

    /**
     * Runs a command with {@code environment} added to this process's, killing it (and whatever it started)
     * after {@code limit}. Output is read while the command runs, so a talkative command cannot block.
     */
    static Result run(Map<String, String> environment, Duration limit, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // the process was killed; keep what was read
            }
        });
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(Duration.ofSeconds(5));
        String text = output.toString(StandardCharsets.UTF_8);
        if (!finished) {
            return new Result(-1, text + "\n" + String.join(" ", command) + ": timed out after " + limit);
        }
        return new Result(process.exitValue(), text);
    }

    /** Runs a command and fails the test unless it succeeds. */
    static Result must(String... command) throws IOException, InterruptedException {
        Result result = run(command);
        assertEquals(0, result.status(), String.join(" ", command) + ": " + result.output());
        return result;
    }

    /** Fails unless {@code ping}'s summary says no packet was lost. */
    static void assertNoLoss(Result ping) {
        assertEquals(0, ping.status(), ping.output());
        assertTrue(ping.output().contains(" 0% packet loss"), ping.output());
    }

    /** A name unique to this JVM (and to this call): {@code jn-ROLE-PID}, then {@code jn-ROLE-PID-N}. */
    static String uniqueName(String role) {
        int serial = SERIAL.getAndIncrement();
        return "jn-" + role + "-" + PID + (serial == 0 ? "" : "-" + serial);
    }

    /** Whether a namespace of that name exists (as {@code ip netns} keeps them). */
    static boolean exists(String ns) {
        return Files.exists(Path.of("/var/run/netns", ns));
    }

    /** The folder run/examples/netns of this checkout (tests run in their module's folder). */
    static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path examples = dir.resolve("run/examples/netns");
            if (Files.isDirectory(examples)) {
                return examples;
            }
        }
        throw new IllegalStateException("no run/examples/netns above " + Path.of("").toAbsolutePath());
    }

    /** Makes a namespace with a unique name for {@code role}, its loopback up, and returns the name. */
    String create(String role) throws IOException, InterruptedException {
        String name = uniqueName(role);
        must("ip", "netns", "add", name);
        created.add(name);
        must("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /**
     * Runs the example script {@code run/examples/netns/setup ARGS} with {@code JN_PREFIX=prefix}; the
     * namespaces {@code prefix-a}, {@code prefix-b} and {@code prefix-r} it makes are removed on {@link #close()}.
     */
    Result setup(String prefix, String... args) throws IOException, InterruptedException {
        for (String role : List.of("a", "b", "r")) {
            if (!created.contains(prefix + "-" + role)) {
                adopt(prefix + "-" + role);
            }
        }
        List<String> line = new ArrayList<>(List.of(examples().resolve("setup").toString()));
        line.addAll(List.of(args));
        return run(Map.of("JN_PREFIX", prefix), COMMAND_LIMIT, line);
    }

    /** Removes {@code ns} on {@link #close()} if it still exists then: for namespaces a script made. */
    void adopt(String ns) {
        created.add(ns);
    }

    /** A veth pair from {@code dev1} in namespace {@code ns1} to {@code dev2} in {@code ns2}, both ends up. */
    void veth(String ns1, String dev1, String ns2, String dev2) throws IOException, InterruptedException {
        must("ip", "-n", ns1, "link", "add", dev1, "type", "veth", "peer", "name", dev2, "netns", ns2);
        must("ip", "-n", ns1, "link", "set", dev1, "up");
        must("ip", "-n", ns2, "link", "set", dev2, "up");
    }

    /** Gives {@code dev} in {@code ns} an address with prefix length, such as {@code 198.18.0.1/24}. */
    void address(String ns, String dev, String prefix) throws IOException, InterruptedException {
        must("ip", "-n", ns, "addr", "add", prefix, "dev", dev);
    }

    /** Runs a command inside namespace {@code ns}. */
    Result exec(String ns, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        line.addAll(List.of(command));
        return run(Map.of(), COMMAND_LIMIT, line);
    }

    /** Runs {@code ping ARGS...} inside namespace {@code ns}; bound it with -c and -W (or -w). */
    Result ping(String ns, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("ping"));
        line.addAll(List.of(args));
        return exec(ns, line.toArray(String[]::new));
    }

    /**
     * Runs configuration {@code config} with the click tool in a new JVM whose bounding set lacks
     * {@code capability} (such as {@code net_raw}), with util-linux's setpriv; skips the test unless it runs as root
     * with setpriv. The JVM gets this one's class path.
     */
    static Result clickWithout(String capability, String config) throws IOException, InterruptedException {
        assumeTrue(isRoot(), "needs root, to drop the privilege");
        assumeTrue(commandWorks("setpriv", "--version"), "needs util-linux's 'setpriv'");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return run("setpriv", "--bounding-set=-" + capability, java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.junction.tools.Click", "-e", config);
    }

    /** Removes every namespace made or adopted here (their veth ends go with them), even after a failure. */
    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        for (String ns : created.reversed()) {
            if (!exists(ns)) {
                continue;
            }
            try {
                Result result = run("ip", "netns", "del", ns);
                if (!result.ok()) {
                    failures.add(ns + ": " + result.output().strip());
                }
            } catch (IOException e) {
                failures.add(ns + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(ns + ": interrupted");
            }
        }
        created.clear();
        if (!failures.isEmpty()) {
            throw new UncheckedIOException(new IOException("could not remove namespaces: " + failures));
        }
    }
}
