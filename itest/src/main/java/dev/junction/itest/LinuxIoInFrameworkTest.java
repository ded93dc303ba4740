package dev.junction.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.router.RouterControl;
import dev.junction.router.RouterManager;
import dev.junction.router.RouterSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

/**
 * The linux-io bundle under the framework: its elements are offered through Declarative Services like any other,
 * and their native calls (FFM downcalls from a bundle's class loader) work there: a FromDevice counts the frames
 * of a ping on the loopback of a namespace made for the test, and a KernelTap creates its device there. Needs
 * root and iproute2 (CI has both); skipped with the reason otherwise.
 */
class LinuxIoInFrameworkTest {
    private final String namespace = "jn-it-" + ProcessHandle.current().pid();

    @InjectService(timeout = 10_000)
    RouterManager manager;

    @AfterEach
    void cleanUp() throws Exception {
        manager.undeploy("linuxio");
        run("ip", "netns", "del", namespace);
    }

    @Test
    void deviceElementsRunInTheFramework() throws Exception {
        assumeTrue(isRoot(), "needs root (packet sockets, TAP devices, namespaces)");
        assumeTrue(run("ip", "-V") == 0, "needs iproute2's 'ip' command");
        assumeTrue(run("ping", "-V") == 0, "needs iputils' 'ping' command");
        assertEquals(0, run("ip", "netns", "add", namespace));
        assertEquals(0, run("ip", "-n", namespace, "link", "set", "lo", "up"));
        RouterControl router = manager.deploy("linuxio", RouterSource.ofText("""
                FromDevice(lo, BURST 8, NETNS %1$s) -> c :: Counter -> Discard;
                tap :: KernelTap(198.18.10.1/24, DEVNAME jtap-it, NETNS %1$s) -> Discard;
                """.formatted(namespace)));
        assertEquals(0, run("ip", "netns", "exec", namespace, "ping", "-c", "3", "-i", "0.2", "127.0.0.1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Long.parseLong(router.read("c.count").strip()) < 6 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Long.parseLong(router.read("c.count").strip()) >= 6, "3 echo requests and 3 replies on lo");
        assertEquals("jtap-it", router.read("tap.dev_name").strip());
        assertEquals(0, run("ip", "-n", namespace, "link", "show", "jtap-it"), "the TAP device exists");
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[2].equals("0"));
    }

    /** Runs a command (output discarded) with a time limit; its exit status, or -1. */
    private static int run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return -1;
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
