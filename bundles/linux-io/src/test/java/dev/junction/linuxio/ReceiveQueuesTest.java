package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FromDevice's QUEUE and N_QUEUES: the FromDevice elements of one interface share its frames, each frame going to
 * exactly one of them and every frame of a flow to the same one; a hot swap keeps the split without losing frames.
 */
class ReceiveQueuesTest {
    private static final int FLOWS = 16;
    private static final int FRAMES_PER_FLOW = 20;

    private final Netns netns = new Netns();

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    @Test
    void twoQueuesShareTheFramesOfAnInterfaceByFlow() throws Exception {
        Netns.assumeRootAndIp();
        String r = netns.create("rq");
        Netns.must("ip", "-n", r, "link", "add", "q1", "type", "veth", "peer", "name", "q2");
        Netns.must("ip", "-n", r, "link", "set", "q1", "up");
        Netns.must("ip", "-n", r, "link", "set", "q2", "up");
        // Sixteen UDP flows (source ports 1000 to 1015), twenty frames each, sent on q1 once the receiving sockets
        // are bound (they bind in their task's first run, when the graph is live).
        StringBuilder config = new StringBuilder("out :: ToDevice(q1, NETNS %s);\n".formatted(r));
        for (int flow = 0; flow < FLOWS; flow++) {
            config.append(("s%d :: TimedSource(0.005, \"flow\", LIMIT %d, ACTIVE false)"
                    + " -> UDPIPEncap(198.18.9.1, %d, 198.18.9.2, 9)").formatted(flow, FRAMES_PER_FLOW, 1000 + flow))
                    .append(" -> EtherEncap(0x0800, 02:00:00:00:09:01, 02:00:00:00:09:02) -> out;\n");
        }
        for (int queue = 0; queue < 2; queue++) {
            config.append(("FromDevice(q2, QUEUE %1$d, N_QUEUES 2, BURST 32, NETNS %2$s) -> Classifier(23/11)"
                    + " -> Strip(14) -> MarkIPHeader -> c%1$d :: IPClassifier(%3$s);\n")
                    .formatted(queue, r, flowPatterns()));
            for (int flow = 0; flow < FLOWS; flow++) {
                config.append("c%d[%d] -> q%d_%d :: Counter -> Discard;\n".formatted(queue, flow, queue, flow));
            }
        }
        Router router = Router.start("queues-test", new RouterSource(config.toString(), "test.click", null,
                Map.of()), BundleElementClasses.fromClassPath(), RuntimeOptions.defaults());
        try {
            // A hot swap first: the successors adopt the bound sockets, still in their fanout group, and no
            // socket of the new graph joins the group beside them (it would take frames away and be closed).
            Thread.sleep(300);
            router.hotswap(new RouterSource(config.toString(), "test.click", null, Map.of()));
            Thread.sleep(300);
            for (int flow = 0; flow < FLOWS; flow++) {
                router.write("s" + flow + ".active", "true");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (total(router) < FLOWS * FRAMES_PER_FLOW && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(FLOWS * FRAMES_PER_FLOW, total(router), "every frame reaches exactly one queue");
            int[] perQueue = new int[2];
            for (int flow = 0; flow < FLOWS; flow++) {
                long zero = count(router, "q0_" + flow);
                long one = count(router, "q1_" + flow);
                assertTrue(zero == 0 || one == 0, "flow " + flow + " was split: " + zero + " and " + one);
                perQueue[zero > 0 ? 0 : 1]++;
            }
            assertTrue(perQueue[0] > 0 && perQueue[1] > 0,
                    "both queues get flows: " + perQueue[0] + " and " + perQueue[1]);
        } finally {
            router.stop();
            router.close();
        }
    }

    @Test
    void aQueueOutOfRangeIsAConfigurationError() {
        RouterException e = assertThrows(RouterException.class, () -> Router.start("queues-test",
                new RouterSource("FromDevice(lo, QUEUE 2, N_QUEUES 2) -> Discard;", "test.click", null, Map.of()),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults()));
        assertTrue(String.join("\n", e.errors()).contains("QUEUE 2 out of range: N_QUEUES is 2"),
                String.join("\n", e.errors()));
    }

    private static String flowPatterns() {
        StringBuilder patterns = new StringBuilder();
        for (int flow = 0; flow < FLOWS; flow++) {
            patterns.append(flow == 0 ? "" : ", ").append("src udp port ").append(1000 + flow);
        }
        return patterns.toString();
    }

    private static long total(Router router) {
        long sum = 0;
        for (int queue = 0; queue < 2; queue++) {
            for (int flow = 0; flow < FLOWS; flow++) {
                sum += count(router, "q" + queue + "_" + flow);
            }
        }
        return sum;
    }

    private static long count(Router router, String element) {
        try {
            return Long.parseLong(router.read(element + ".count").strip());
        } catch (Exception e) {
            throw new AssertionError(element, e);
        }
    }
}
