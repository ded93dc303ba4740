package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.linuxio.Netns.Result;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup script of run/examples/netns and its bridge example, as the README's walk-through uses them (the
 * IP router example has its own test, IPRouterNamespaceTest): {@code setup up bridge} makes the topology and
 * may be run again, bridge.click switches pings between the namespaces, {@code setup up router} turns the same
 * namespaces into the router's topology, {@code setup down} removes everything. Namespace names get a unique
 * JN_PREFIX. Needs root, {@code ip} and {@code ping}; skipped with the reason otherwise.
 */
class NetnsExamplesTest {
    private final Netns netns = new Netns();

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    @Test
    void setupScriptAndBridgeExample() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        String prefix = Netns.uniqueName("ex");
        String a = prefix + "-a";
        String r = prefix + "-r";
        List<String> namespaces = List.of(a, prefix + "-b", r);

        Result up = netns.setup(prefix, "up", "bridge");
        assertEquals(0, up.status(), up.output());
        Result again = netns.setup(prefix, "up"); // bridge is the default
        assertEquals(0, again.status(), again.output());
        assertEquals(List.of("198.18.0.1/24"), addresses(a, "va"));
        assertTrue(Netns.must("ip", "-n", r, "link", "show", "ra").output().contains("02:00:c6:12:01:01"));

        RouterSource example = RouterSource.ofFile(Netns.examples().resolve("bridge.click"))
                .withDefinitions(Map.of("NETNS", r));
        Router router = Router.start("bridge", example, BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            Netns.assertNoLoss(netns.ping(a, "-c", "3", "-W", "2", "198.18.0.2"));
            assertTrue(Long.parseLong(router.read("fa.count")) >= 3, "fa.count " + router.read("fa.count"));
            assertTrue(Long.parseLong(router.read("tb.count")) >= 3, "tb.count " + router.read("tb.count"));
            assertTrue(router.read("sw.table").lines().count() >= 2, "sw.table " + router.read("sw.table"));
        } finally {
            router.stop();
            router.close();
        }

        // The same namespaces, readdressed for the router: the bridge's addresses are gone.
        Result readdressed = netns.setup(prefix, "up", "router");
        assertEquals(0, readdressed.status(), readdressed.output());
        assertEquals(List.of("198.18.1.2/24"), addresses(a, "va"));
        assertTrue(Netns.must("ip", "-n", a, "route", "show", "198.18.0.0/15").output().contains("via 198.18.1.1"));

        Result down = netns.setup(prefix, "down");
        assertEquals(0, down.status(), down.output());
        for (String ns : namespaces) {
            assertFalse(Netns.exists(ns), ns + " left after setup down");
        }
        Result downAgain = netns.setup(prefix, "down");
        assertEquals(0, downAgain.status(), downAgain.output());
    }

    /** Wrong arguments, a missing {@code ip} and a user other than root each get a clear message. */
    @Test
    void setupSaysWhatIsWrong(@TempDir Path temp) throws Exception {
        Path setup = Netns.examples().resolve("setup");
        Result usage = Netns.run(setup.toString(), "sideways");
        assertEquals(2, usage.status(), usage.output());
        assertTrue(usage.output().contains("usage: setup up|down [bridge|router]"), usage.output());

        Path empty = Files.createDirectory(temp.resolve("bin"));
        Result noIp = Netns.run(Map.of("PATH", empty.toString()), Netns.COMMAND_LIMIT,
                List.of("/bin/bash", setup.toString(), "up"));
        assertEquals(1, noIp.status(), noIp.output());
        assertTrue(noIp.output().contains("setup: needs iproute2's 'ip' command"), noIp.output());

        assumeTrue(Netns.isRoot() && Netns.commandWorks("setpriv", "--version"),
                "needs root and util-linux's 'setpriv', to run the script as another user");
        assumeTrue(Netns.commandWorks("ip", "-V"), "needs iproute2's 'ip' command");
        Path copy = temp.resolve("setup"); // readable by the other user, wherever the checkout is
        Files.copy(setup, copy);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result notRoot = Netns.run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                copy.toString(), "up", "router");
        assertEquals(1, notRoot.status(), notRoot.output());
        assertTrue(notRoot.output().contains("setup: needs root to make network namespaces"), notRoot.output());
    }

    /** The IPv4 addresses with prefix length of {@code dev} in {@code ns}. */
    private static List<String> addresses(String ns, String dev) throws Exception {
        return Netns.must("ip", "-n", ns, "-4", "-o", "addr", "show", "dev", dev).output().lines()
                .map(line -> line.split("\\s+")[3]).toList();
    }
}
