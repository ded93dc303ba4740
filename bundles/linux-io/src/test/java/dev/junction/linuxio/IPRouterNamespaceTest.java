package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.element.HandlerException;
import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.linuxio.Netns.Result;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example IP router run/examples/netns/iprouter.click, on the topology its script makes
 * ({@code setup up router}), routes between the kernels of two namespaces: they ping each other through it (it
 * answers their ARP queries and asks for their addresses), and it answers as a router does with ICMP errors:
 * time exceeded for TTL 1, network unreachable for an address it has no route to; its own addresses are answered
 * by the Linux stack of its namespace behind TUN devices (the slow path); and, once swapped to a
 * smaller MTU, fragmentation needed for a packet with DF, while packets without DF are fragmented; UDP
 * crosses it with its checksums intact (traceroute). Needs root, {@code ip} and {@code ping} ({@code traceroute}
 * for UDP); skipped with the reason otherwise. The namespaces are removed afterwards.
 */
class IPRouterNamespaceTest {
    private final Netns netns = new Netns();

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    @Test
    void routesBetweenTwoSubnetsAndAnswersWithIcmpErrors() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        String prefix = Netns.uniqueName("ipr");
        String a = prefix + "-a";
        String b = prefix + "-b";
        RouterSource example = example(prefix);
        Router router = Router.start("iprouter", example, BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            // Both ways, ARP then ICMP echo, answered by the kernels.
            Netns.assertNoLoss(netns.ping(a, "-c", "3", "-W", "2", "198.18.2.2"));
            Netns.assertNoLoss(netns.ping(b, "-c", "3", "-W", "2", "198.18.1.2"));
            for (String element : new String[] {"from1", "from2", "to1", "to2"}) {
                assertTrue(count(router, element + ".count") >= 6,
                        element + ".count " + router.read(element + ".count"));
            }
            assertTrue(router.read("arpq1.table").contains("198.18.1.2 1 "), router.read("arpq1.table"));
            assertTrue(router.read("arpq2.table").contains("198.18.2.2 1 "), router.read("arpq2.table"));

            // TTL 1 expires at the router: time exceeded from the interface the packet came in on.
            long expired = count(router, "dt2.drops");
            Result ttl = netns.ping(a, "-c", "1", "-W", "2", "-t", "1", "198.18.2.2");
            assertTrue(ttl.output().contains("From 198.18.1.1 icmp_seq=1 Time to live exceeded"), ttl.output());
            assertEquals(expired + 1, count(router, "dt2.drops"));
            Netns.assertNoLoss(netns.ping(a, "-c", "1", "-W", "2", "-t", "2", "198.18.2.2"));

            // The router's own addresses: the graph hands the requests to the Linux stack of the router's namespace
            // through a TUN device (the slow path) and routes its replies back; the kernel never sees ra and rb
            // (SNIFFER false), so each request is answered once.
            long local = count(router, "local.count");
            for (String own : new String[] {"198.18.1.1", "198.18.2.1"}) {
                Result mine = netns.ping(a, "-c", "2", "-W", "2", own);
                Netns.assertNoLoss(mine);
                assertFalse(mine.output().contains("DUP!"), mine.output());
            }
            assertEquals(local + 4, count(router, "local.count"));
            assertTrue(count(router, "host1.sent") >= 4, "host1.sent " + router.read("host1.sent"));

            // No route to 198.18.9.9: no echo reply, a network unreachable from the router.
            Result unrouted = netns.ping(a, "-c", "1", "-W", "2", "198.18.9.9");
            assertFalse(unrouted.ok(), unrouted.output());
            assertTrue(unrouted.output().contains("From 198.18.1.1 icmp_seq=1 Destination Net Unreachable"),
                    unrouted.output());

            // Swapped live to an MTU of 1000: a 1228-byte packet with DF is refused with the MTU to use...
            router.hotswap(example.withDefinitions(Map.of("MTU", "1000")));
            Result df = netns.ping(a, "-c", "1", "-W", "2", "-M", "do", "-s", "1200", "198.18.2.2");
            assertTrue(df.output().contains("From 198.18.1.1 icmp_seq=1 Frag needed and DF set (mtu = 1000)"),
                    df.output());
            assertEquals(1, count(router, "fr2.drops"));
            // ... and without DF it crosses: A's kernel now fragments its requests itself, the router fragments
            // the replies (which B sends without DF).
            Netns.assertNoLoss(netns.ping(a, "-c", "2", "-W", "2", "-s", "1200", "198.18.2.2"));
            assertTrue(count(router, "fr1.fragments") >= 4, "fr1.fragments " + router.read("fr1.fragments"));
            assertEquals(0, count(router, "fr1.drops"));
        } finally {
            router.stop();
            router.close();
        }
        Result down = netns.setup(prefix, "down");
        assertEquals(0, down.status(), down.output());
        for (String ns : new String[] {a, b, prefix + "-r"}) {
            assertFalse(Netns.exists(ns), ns + " left after setup down");
        }
    }

    /**
     * UDP crosses the router intact: traceroute's probes (UDP to unused ports) expire at the router at TTL 1
     * and reach B's kernel at TTL 2, which answers port unreachable only if the UDP checksum is right. veth's
     * checksum offload is on (Linux's default): A's kernel leaves the checksums unfinished, and FromDevice must
     * complete them.
     */
    @Test
    void udpCrossesTheRouterIntact() throws Exception {
        Netns.assumeRootAndIp();
        assumeTrue(Netns.commandWorks("traceroute", "--version"), "needs 'traceroute' (apt-get install traceroute)");
        String prefix = Netns.uniqueName("udp");
        Router router = Router.start("iprouter", example(prefix), BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults());
        try {
            Result trace = netns.exec(prefix + "-a", "traceroute", "-n", "-q", "1", "-w", "2", "-m", "3",
                    "198.18.2.2");
            assertEquals(0, trace.status(), trace.output());
            List<String> hops = trace.output().lines().skip(1).map(String::strip).toList();
            assertEquals(2, hops.size(), trace.output());
            assertTrue(hops.get(0).startsWith("1  198.18.1.1 "), trace.output());
            assertTrue(hops.get(1).startsWith("2  198.18.2.2 "), trace.output());
        } finally {
            router.stop();
            router.close();
        }
    }

    /** Runs {@code setup up router} for namespaces named after {@code prefix}; the example, for them. */
    private RouterSource example(String prefix) throws Exception {
        Result up = netns.setup(prefix, "up", "router");
        assertEquals(0, up.status(), up.output());
        return RouterSource.ofFile(Netns.examples().resolve("iprouter.click"))
                .withDefinitions(Map.of("NETNS", prefix + "-r"));
    }

    private static long count(Router router, String handler) throws HandlerException {
        return Long.parseLong(router.read(handler).strip());
    }
}
