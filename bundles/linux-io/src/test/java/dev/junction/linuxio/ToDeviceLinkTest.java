package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ToDevice's transmit ring against the kernel: frames sent on one end of a veth pair arrive on the other (push and
 * pull context), a link that goes down is reported once and its frames are dropped and counted (not replayed when
 * it comes back), the recovery is reported, and a frame over the MTU is reported once and counted.
 */
class ToDeviceLinkTest {
    /** A broadcast frame of the local experimental EtherType 0x88B5, 60 bytes. */
    private static final String FRAME = "\\<ffffffffffff 020000000101 88b5"
            + " 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d>";

    private final Netns netns = new Netns();

    @AfterEach
    void removeNamespaces() {
        netns.close();
    }

    @Test
    void aLinkThatGoesDownIsReportedAndTrafficResumesWhenItComesBack() throws Exception {
        Netns.assumeRootAndIp();
        String r = netns.create("tl");
        Netns.must("ip", "-n", r, "link", "add", "t1", "type", "veth", "peer", "name", "t2");
        Netns.must("ip", "-n", r, "link", "set", "t1", "up");
        Netns.must("ip", "-n", r, "link", "set", "t2", "up");
        String config = """
                RatedSource("%2$s", RATE 2000) -> push :: ToDevice(t1, NETNS %1$s);
                RatedSource("%2$s", RATE 2000) -> Queue(100) -> pull :: ToDevice(t1, BURST 16, NETNS %1$s);
                RatedSource(LENGTH 1600, RATE 10, LIMIT 3) -> big :: ToDevice(t1, NETNS %1$s);
                FromDevice(t2, NETNS %1$s, BURST 32) -> Classifier(12/88b5) -> got :: Counter -> Discard;
                """.formatted(r, FRAME);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, errors), true, StandardCharsets.UTF_8));
        Router router = Router.start("link-test", new RouterSource(config, "test.click", null, Map.of()),
                BundleElementClasses.fromClassPath(), RuntimeOptions.defaults());
        try {
            waitFor(() -> count(router, "push.count") >= 200 && count(router, "pull.count") >= 200
                    && count(router, "got.count") >= 400, "frames sent and received");
            waitFor(() -> count(router, "big.drops") == 3, "the three oversized frames dropped");
            assertEquals(0, count(router, "big.count"));

            Netns.must("ip", "-n", r, "link", "set", "t1", "down");
            long dropsBefore = count(router, "push.drops");
            waitFor(() -> count(router, "push.drops") >= dropsBefore + 100 && count(router, "pull.drops") >= 100,
                    "frames dropped while the link is down");
            long receivedWhileDown = count(router, "got.count");

            Netns.must("ip", "-n", r, "link", "set", "t1", "up");
            long pushedBefore = count(router, "push.count");
            waitFor(() -> count(router, "push.count") >= pushedBefore + 200, "frames sent again after link up");
            waitFor(() -> count(router, "got.count") >= receivedWhileDown + 300, "frames received again");
        } finally {
            router.stop();
            router.close();
            System.setErr(original);
        }
        String text = errors.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("cannot send on 't1': Network is down (the link is down); frames are dropped until"
                + " it works again"), text);
        assertTrue(text.contains("frames go out on 't1' again"), text);
        assertTrue(text.contains("dropped a 1600-byte frame: longer than the MTU of 't1' allows (1518 bytes"), text);
        assertEquals(1, text.split("dropped a 1600-byte frame", -1).length - 1, "the oversize report comes once");
    }

    private static long count(Router router, String handler) {
        try {
            return Long.parseLong(router.read(handler).strip());
        } catch (Exception e) {
            throw new AssertionError(handler, e);
        }
    }

    /** Waits up to ten seconds for {@code condition}; fails with {@code what} otherwise. */
    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
