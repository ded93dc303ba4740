package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.linuxio.Netns.Result;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FromDevice and ToDevice against the Linux kernel as the peer: two namespaces with kernel addresses ping
 * each other through an EtherSwitch that runs in this JVM on the veth ends of a third namespace
 * (one direction with ToDevice in push context, the other behind a Queue, in pull context). Needs root
 * and iproute2's {@code ip}; skipped with the reason otherwise. Every namespace made is removed afterwards.
 */
class NamespaceBridgeTest {
    private final Netns netns = new Netns();
    private String nsA;
    private String nsB;
    private String nsRouter;

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    @Test
    void twoNamespacesPingThroughAnEtherSwitch() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        bridgeNamespaces();

        String config = """
                sw :: EtherSwitch;
                fa :: FromDevice(ra, PROMISC true, BURST 32, NETNS %1$s) -> [0]sw[0] -> ta :: ToDevice(ra, NETNS %1$s);
                fb :: FromDevice(rb, PROMISC true, BURST 32, NETNS %1$s) -> [1]sw[1] -> Queue -> tb :: ToDevice(rb, NETNS %1$s);
                """.formatted(nsRouter);
        Router router = Router.start("linux-io-test", source(config), BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            Netns.assertNoLoss(netns.ping(nsA, "-c", "3", "-W", "1", "198.18.0.2"));
            assertTrue(Long.parseLong(router.read("fa.count")) >= 3, "fa.count");
            assertTrue(Long.parseLong(router.read("fb.count")) >= 3, "fb.count");
            assertTrue(Long.parseLong(router.read("tb.count")) >= 3, "tb.count");
            assertEquals("0", router.read("ta.drops"));
            assertEquals("0", router.read("fa.kernel_drops"));

            // A hot swap to the same configuration: the new FromDevices adopt the sockets and rings, counts go on.
            long before = Long.parseLong(router.read("fa.count"));
            Set<String> socketsBefore = openSockets();
            router.hotswap(source(config));
            Set<String> kept = new HashSet<>(openSockets());
            kept.retainAll(socketsBefore);
            assertEquals(2, kept.size(), "the two FromDevice sockets live on (ToDevice opens new ones)");
            assertTrue(Long.parseLong(router.read("fa.count")) >= before, "fa.count after the swap");
            assertTrue(Long.parseLong(router.read("tb.count")) >= 3, "tb.count after the swap");
            Netns.assertNoLoss(netns.ping(nsA, "-c", "3", "-W", "1", "198.18.0.2"));
            assertTrue(Long.parseLong(router.read("fa.count")) >= before + 3, "fa.count after the swap");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (pollerThreads() > 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(2, pollerThreads(), "one poller thread per FromDevice after the swap");

            // Steady state allocates nothing per packet on the router threads: once the JIT has compiled the path
            // (8000 frames each way first), 2000 echo requests and replies cross the graph (ping's flood mode,
            // bounded by count and deadline) for less than 64 KB in all (handler reads and scheduling included).
            netns.ping(nsA, "-f", "-c", "4000", "-w", "20", "198.18.0.2");
            long allocatedBefore = routerThreadsAllocated(router);
            Result flood = netns.ping(nsA, "-f", "-c", "1000", "-w", "10", "198.18.0.2");
            long allocated = routerThreadsAllocated(router) - allocatedBefore;
            Netns.assertNoLoss(flood);
            System.out.println("linux-io: router threads allocated " + allocated + " bytes for 2000 frames; "
                    + flood.output().lines().filter(line -> line.contains("packet loss")).findFirst().orElse(""));
            assertTrue(allocated < 65536, "router threads allocated " + allocated + " bytes for 2000 frames");

            // A link that goes down and comes back: the elements do not fail, and traffic resumes.
            Netns.must("ip", "-n", nsRouter, "link", "set", "ra", "down");
            Result down = netns.ping(nsA, "-c", "1", "-W", "1", "198.18.0.2");
            assertTrue(down.status() != 0, "ping succeeded with the router's link down: " + down.output());
            Netns.must("ip", "-n", nsRouter, "link", "set", "ra", "up");
            Netns.assertNoLoss(netns.ping(nsA, "-c", "3", "-W", "1", "198.18.0.2"));
        } finally {
            router.stop();
            router.close();
        }
        // cleanup() stopped the poller threads (and closed the sockets with them).
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pollerThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, pollerThreads(), "FromDevice poller threads left after close");
    }

    /** The sockets this process has open, as "socket:[inode]". */
    private static Set<String> openSockets() throws IOException {
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:")) {
                        sockets.add(target);
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return sockets;
    }

    private static long routerThreadsAllocated(Router router) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : router.threads()) {
            total += threads.getThreadAllocatedBytes(thread.threadId());
        }
        return total;
    }

    private static long pollerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("FromDevice ") && t.isAlive()).count();
    }

    /** Frames too big for the pool's buffers are dropped and counted; smaller ones still pass. */
    @Test
    void framesLargerThanThePoolBuffersAreDroppedAndCounted() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        bridgeNamespaces();
        String config = """
                sw :: EtherSwitch;
                fa :: FromDevice(ra, BURST 32, NETNS %1$s) -> [0]sw[0] -> ToDevice(ra, NETNS %1$s);
                fb :: FromDevice(rb, BURST 32, NETNS %1$s) -> [1]sw[1] -> ToDevice(rb, NETNS %1$s);
                """.formatted(nsRouter);
        // 512-byte buffers: with the default headroom, frames up to a few hundred bytes fit.
        Router router = Router.start("linux-io-test", source(config), BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults().withPool(1024, 512));
        try {
            Netns.assertNoLoss(netns.ping(nsA, "-c", "2", "-W", "1", "198.18.0.2"));
            Result big = netns.ping(nsA, "-c", "2", "-W", "1", "-s", "1000", "198.18.0.2");
            assertTrue(big.output().contains("100% packet loss"), big.output());
            assertTrue(Long.parseLong(router.read("fa.drops")) >= 2, "fa.drops " + router.read("fa.drops"));
            Netns.assertNoLoss(netns.ping(nsA, "-c", "2", "-W", "1", "198.18.0.2"));
        } finally {
            router.stop();
            router.close();
        }
    }

    /** Namespaces A and B with kernel addresses, each joined by a veth pair to the router's namespace. */
    private void bridgeNamespaces() throws Exception {
        nsA = netns.create("a");
        nsB = netns.create("b");
        nsRouter = netns.create("r");
        netns.veth(nsA, "va", nsRouter, "ra");
        netns.veth(nsB, "vb", nsRouter, "rb");
        netns.address(nsA, "va", "198.18.0.1/24");
        netns.address(nsB, "vb", "198.18.0.2/24");
    }

    @Test
    void aMissingInterfaceIsAConfigurationError() {
        RouterException e = assertThrows(RouterException.class, () -> Router.start("linux-io-test",
                source("FromDevice(jn-nosuch0) -> Discard; Idle -> ToDevice(jn-nosuch1);"),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults()));
        String errors = String.join("\n", e.errors());
        assertTrue(errors.contains("no such interface 'jn-nosuch0'"), errors);
        assertTrue(errors.contains("no such interface 'jn-nosuch1'"), errors);
    }

    @Test
    void aMissingNamespaceIsAConfigurationError() {
        Netns.assumeRootAndIp();
        String missing = Netns.uniqueName("missing");
        RouterException e = assertThrows(RouterException.class, () -> Router.start("linux-io-test",
                source("FromDevice(lo, NETNS " + missing + ") -> Discard;"),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults()));
        String errors = String.join("\n", e.errors());
        assertTrue(errors.contains("no such network namespace '" + missing + "'"), errors);
    }

    /** Without CAP_NET_RAW (dropped from the bounding set by util-linux's setpriv), a clear error, no crash. */
    @Test
    void missingPrivilegesAreAConfigurationError() throws Exception {
        Result result = Netns.clickWithout("net_raw", "FromDevice(lo) -> Discard;");
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains(
                "cannot open a packet socket for 'lo': Operation not permitted (packet sockets need root or"
                        + " CAP_NET_RAW)"), result.output());
    }

    private static RouterSource source(String text) {
        return new RouterSource(text, "test.click", null, Map.of());
    }
}
