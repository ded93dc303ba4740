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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TUN/TAP elements with the Linux kernel as the peer: packets handed to the kernel's stack through a TAP device
 * and its answers taken back (FromHost/ToHost bridging a veth to the kernel of the router's namespace; KernelTap
 * answering the kernel's ARP; KernelTun receiving what the kernel routes into it), hot swaps that keep a named
 * device, and the errors. Needs root and iproute2; skipped with the reason otherwise.
 */
class HostTapTest {
    private final Netns netns = new Netns();

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    /**
     * The example run/examples/netns/host.click on the setup script's bridge topology: namespace A (198.18.0.1)
     * pings 198.18.0.254, the address of a TAP device in the router's namespace. Every frame crosses the graph
     * (veth -> ToHost -> kernel, kernel -> FromHost -> veth) and the kernel answers ARP and ICMP.
     */
    @Test
    void aNamespacePingsTheKernelBehindATapDeviceThroughTheGraph() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        String prefix = Netns.uniqueName("tap");
        String a = prefix + "-a";
        String r = prefix + "-r";
        Result up = netns.setup(prefix, "up", "bridge");
        assertEquals(0, up.status(), up.output());
        RouterSource config = RouterSource.ofFile(Netns.examples().resolve("host.click"))
                .withDefinitions(Map.of("NETNS", r));
        Router router = Router.start("tap-test", config, BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            Result link = Netns.must("ip", "-n", r, "-o", "addr", "show", "dev", "jtap0");
            assertTrue(link.output().contains("inet 198.18.0.254/24"), link.output());
            Netns.assertNoLoss(netns.ping(a, "-c", "3", "-W", "1", "198.18.0.254"));
            assertTrue(Long.parseLong(router.read("th.count")) >= 4, "th.count (ARP + 3 echo requests)");
            assertTrue(Long.parseLong(router.read("fh.count")) >= 4, "fh.count (ARP + 3 echo replies)");
            assertEquals("jtap0", router.read("fh.dev_name"));
            Result neighbour = Netns.must("ip", "-n", a, "neigh", "show", "198.18.0.254");
            assertTrue(neighbour.output().contains("02:00:c6:12:00:fe"), neighbour.output());

            // A hot swap keeps the very same device (same index), its address, and the traffic.
            String index = ifindex(r, "jtap0");
            router.hotswap(config);
            assertEquals(index, ifindex(r, "jtap0"), "the TAP device survives the hot swap");
            Netns.assertNoLoss(netns.ping(a, "-c", "3", "-W", "1", "198.18.0.254"));
            assertTrue(Long.parseLong(router.read("th.count")) >= 7, "th.count carried over the swap");
        } finally {
            router.stop();
            router.close();
        }
        // The device goes with the router.
        Result gone = Netns.run("ip", "-n", r, "link", "show", "jtap0");
        assertTrue(!gone.ok(), "jtap0 still exists after the router closed: " + gone.output());
        assertEquals(0, readerThreads(), "reader threads left after close");
    }

    /** The kernel resolves an address behind a KernelTap through the graph's ARPResponder, and routes to it. */
    @Test
    void kernelTapAnswersTheKernelsArpAndReceivesItsPackets() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        String r = netns.create("tk");
        String config = """
                tap :: KernelTap(198.18.5.1/24, ETHER 02:00:00:00:05:01, DEVNAME jtap1, NETNS %1$s);
                tap -> c :: Classifier(12/0806 20/0001, 12/0800, -);
                c[0] -> ARPResponder(198.18.5.2 02:00:00:00:05:02) -> tap;
                c[1] -> ip :: Counter -> Discard;
                c[2] -> Discard;
                """.formatted(r);
        Router router = Router.start("tap-test", source(config), BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            // No echo reply comes back (nothing in the graph answers), but the requests arrive as IP frames.
            netns.ping(r, "-c", "3", "-i", "0.2", "-W", "1", "198.18.5.2");
            Result neighbour = Netns.must("ip", "-n", r, "neigh", "show", "198.18.5.2", "dev", "jtap1");
            assertTrue(neighbour.output().contains("lladdr 02:00:00:00:05:02"), neighbour.output());
            assertTrue(Long.parseLong(router.read("ip.count")) >= 3, "ip.count " + router.read("ip.count"));
            assertTrue(Long.parseLong(router.read("tap.sent")) >= 1, "tap.sent (the ARP reply)");
            assertEquals("jtap1", router.read("tap.dev_name"));
            Result link = Netns.must("ip", "-n", r, "link", "show", "jtap1");
            assertTrue(link.output().contains("link/ether 02:00:00:00:05:01"), link.output());
        } finally {
            router.stop();
            router.close();
        }
    }

    /** KernelTun gets the IP packets the kernel routes into it, with their network header marked. */
    @Test
    void kernelTunReceivesTheIpPacketsTheKernelRoutesIntoIt() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        String r = netns.create("tu");
        String config = """
                tun :: KernelTun(198.18.6.1/24, DEVNAME jtun0, NETNS %1$s, MTU 1400);
                tun -> IPClassifier(icmp type echo) -> echo :: Counter -> Discard;
                Idle -> tun;
                """.formatted(r);
        Router router = Router.start("tap-test", source(config), BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            netns.ping(r, "-c", "3", "-i", "0.2", "-W", "1", "198.18.6.9");
            assertTrue(Long.parseLong(router.read("echo.count")) >= 3, "echo.count " + router.read("echo.count"));
            Result link = Netns.must("ip", "-n", r, "link", "show", "jtun0");
            assertTrue(link.output().contains("mtu 1400"), link.output());
        } finally {
            router.stop();
            router.close();
        }
    }

    /**
     * A persistent TAP device made outside (ip tuntap add) is attached to as it is: FromHost without DST leaves its
     * address alone, ToHost alone writes into it, and the device outlives the router.
     */
    @Test
    void aPersistentTapDeviceIsUsedAsItIs() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        String r = netns.create("tp");
        Netns.must("ip", "-n", r, "tuntap", "add", "dev", "jtap2", "mode", "tap");
        Netns.must("ip", "-n", r, "addr", "add", "198.18.14.1/24", "dev", "jtap2");
        Netns.must("ip", "-n", r, "link", "set", "jtap2", "address", "02:00:00:00:0e:01", "up");
        String config = """
                fh :: FromHost(jtap2, NETNS %1$s) -> c :: Classifier(12/0806 20/0001, 12/0800, -);
                c[0] -> ARPResponder(198.18.14.2 02:00:00:00:0e:02) -> th :: ToHost(jtap2, NETNS %1$s);
                c[1] -> ip :: Counter -> Discard;
                c[2] -> Discard;
                """.formatted(r);
        Router router = Router.start("tap-test", source(config), BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            netns.ping(r, "-c", "2", "-i", "0.2", "-W", "1", "198.18.14.2");
            Result neighbour = Netns.must("ip", "-n", r, "neigh", "show", "198.18.14.2", "dev", "jtap2");
            assertTrue(neighbour.output().contains("lladdr 02:00:00:00:0e:02"), neighbour.output());
            assertTrue(Long.parseLong(router.read("ip.count")) >= 2, "ip.count " + router.read("ip.count"));
            assertTrue(Long.parseLong(router.read("th.count")) >= 1, "th.count (the ARP reply)");
            Result link = Netns.must("ip", "-n", r, "-o", "addr", "show", "dev", "jtap2");
            assertTrue(link.output().contains("inet 198.18.14.1/24"), "left as it was: " + link.output());
        } finally {
            router.stop();
            router.close();
        }
        assertTrue(Netns.run("ip", "-n", r, "link", "show", "jtap2").ok(), "the persistent device outlives the router");
    }

    @Test
    void badDevicesAreConfigurationErrors() throws Exception {
        Netns.assumeRootAndIp();
        String r = netns.create("te");
        // "lo" exists and is no TAP device; the second name is too long for Linux.
        RouterException e = assertThrows(RouterException.class, () -> Router.start("tap-test",
                source("FromHost(lo, 198.18.8.1/24, NETNS " + r + ") -> Discard;"),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults()));
        String errors = String.join("\n", e.errors());
        assertTrue(errors.contains("cannot create TAP device 'lo': Invalid argument"), errors);
        e = assertThrows(RouterException.class, () -> Router.start("tap-test",
                source("KernelTap(198.18.8.1/24, DEVNAME averyveryverylongname) -> Discard;"),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults()));
        errors = String.join("\n", e.errors());
        assertTrue(errors.contains("bad interface name 'averyveryverylongname'"), errors);
        e = assertThrows(RouterException.class, () -> Router.start("tap-test",
                source("KernelTap(198.18.8.1/24, 198.18.9.1) -> Discard;"),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults()));
        errors = String.join("\n", e.errors());
        assertTrue(errors.contains("bad GATEWAY"), errors);
        // An MTU that cannot fit the pool's buffers is refused before any device is made.
        e = assertThrows(RouterException.class, () -> Router.start("tap-test",
                source("KernelTap(198.18.8.1/24, MTU 9000, NETNS " + r + ") -> Discard;"),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults()));
        errors = String.join("\n", e.errors());
        assertTrue(errors.contains("MTU 9000 does not fit the router's 2048-byte packet buffers"), errors);
    }

    /** Without CAP_NET_ADMIN (dropped from the bounding set by util-linux's setpriv), a clear error, no device. */
    @Test
    void missingPrivilegesAreAConfigurationError() throws Exception {
        Result result = Netns.clickWithout("net_admin", "KernelTap(198.18.13.1/24, DEVNAME jtap-noperm) -> Discard;");
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains("cannot create TAP device 'jtap-noperm': Operation not permitted (needs"
                + " root or CAP_NET_ADMIN)"), result.output());
        assertTrue(!Netns.run("ip", "link", "show", "jtap-noperm").ok(), "no device was made");
    }

    private static String ifindex(String ns, String device) throws Exception {
        Result link = Netns.must("ip", "-n", ns, "-o", "link", "show", device);
        return link.output().substring(0, link.output().indexOf(':'));
    }

    private static long readerThreads() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long count;
        do {
            count = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().endsWith(" reader") && t.isAlive()).count();
            if (count > 0) {
                Thread.sleep(50);
            }
        } while (count > 0 && System.nanoTime() < deadline);
        return count;
    }

    private static RouterSource source(String text) {
        return new RouterSource(text, "test.click", null, Map.of());
    }
}
