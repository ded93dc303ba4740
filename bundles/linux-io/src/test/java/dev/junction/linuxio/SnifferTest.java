package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.linuxio.Netns.Result;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FromDevice's SNIFFER: by default the kernel of the interface's namespace still answers what arrives (a capture);
 * with SNIFFER false the router takes the frames and the kernel does not see them, until the element goes away.
 */
class SnifferTest {
    private final Netns netns = new Netns();

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    @Test
    void snifferFalseHidesTheFramesFromTheKernelWhileTheElementLives() throws Exception {
        Netns.assumeRootAndIp();
        Netns.assumePing();
        String a = netns.create("sa");
        String r = netns.create("sr");
        netns.veth(a, "va", r, "ra");
        netns.address(a, "va", "198.18.11.1/24");
        netns.address(r, "ra", "198.18.11.2/24");

        Router sniffing = start("FromDevice(ra, NETNS %s) -> c :: Counter -> Discard;".formatted(r));
        try {
            Netns.assertNoLoss(netns.ping(a, "-c", "2", "-W", "1", "198.18.11.2"));
            assertTrue(Long.parseLong(sniffing.read("c.count")) >= 2, "the capture sees the echo requests");
        } finally {
            sniffing.stop();
            sniffing.close();
        }

        Netns.must("ip", "-n", a, "neigh", "flush", "dev", "va");
        Router owning = start(("FromDevice(ra, SNIFFER false, NETNS %1$s) -> c :: Counter -> Discard;"
                + "FromDevice(ra, SNIFFER false, QUEUE 0, N_QUEUES 1, NETNS %1$s) -> Discard;").formatted(r));
        try {
            Result hidden = netns.ping(a, "-c", "2", "-W", "1", "198.18.11.2");
            assertFalse(hidden.ok(), "the kernel answered although SNIFFER is false: " + hidden.output());
            assertTrue(Long.parseLong(owning.read("c.count")) >= 2, "the router gets the frames (ARP queries)");
            Result qdisc = Netns.must("ip", "netns", "exec", r, "tc", "filter", "show", "dev", "ra", "ingress");
            assertTrue(qdisc.output().contains("junction-sniffer-false"), qdisc.output());
        } finally {
            owning.stop();
            owning.close();
        }
        // Both elements shared one filter; the last one took it away with the qdisc.
        Result qdisc = Netns.must("ip", "netns", "exec", r, "tc", "qdisc", "show", "dev", "ra");
        assertFalse(qdisc.output().contains("clsact"), qdisc.output());
        Netns.must("ip", "-n", a, "neigh", "flush", "dev", "va");
        Netns.assertNoLoss(netns.ping(a, "-c", "2", "-W", "1", "198.18.11.2"));
    }

    private static Router start(String config) throws Exception {
        return Router.start("sniffer-test", new RouterSource(config, "test.click", null, Map.of()),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults());
    }
}
