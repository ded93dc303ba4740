package dev.junction.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.HandlerException;
import dev.junction.router.ElementStatus;
import dev.junction.router.RouterControl;
import dev.junction.router.RouterManager;
import dev.junction.router.RouterSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Element bundles come and go while a router runs: a bundle installed from the shell adds a class that a live
 * edit then uses; updating the bundle swaps the running instance onto the new revision's class with its state;
 * uninstalling it leaves the router running, with the element orphaned.
 */
class HotDeployTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    RouterManager manager;

    @InjectService(timeout = 10_000)
    CommandProcessor commands;

    @AfterEach
    void undeploy() {
        manager.undeploy("hot");
    }

    /** Runs a Gogo command line as a person would type it, and returns what it printed. */
    private String shell(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = commands.createSession(System.in, print, print)) {
            Object result = session.execute(line);
            if (result != null) {
                print.println(session.format(result, 0));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long number(RouterControl router, String handler) throws HandlerException {
        return Long.parseLong(router.read(handler).trim());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static BooleanSupplier grows(RouterControl router, String handler, long than) {
        return () -> {
            try {
                return number(router, handler) > than;
            } catch (HandlerException | NumberFormatException e) {
                return false;
            }
        };
    }

    @Test
    void installUseUpdateAndUninstallAnElementBundleUnderARunningRouter() throws Exception {
        RouterControl router = manager.deploy("hot", RouterSource.ofText(
                "src :: InfiniteSource(BURST 4) -> q :: Queue(64) -> u :: Unqueue(BURST 4) -> c :: Counter -> d :: Discard;"));
        await("packets flow", grows(router, "c.count", 100));

        String probe = context.getProperty("junction.probe.bundle");
        assertNotNull(probe, "junction.probe.bundle names the probe bundle's jar");
        assertTrue(Files.isRegularFile(Path.of(probe)), probe);
        String installed = shell("felix:install file:" + probe);
        Bundle bundle = findProbe();
        assertNotNull(bundle, "installed from the shell: " + installed);
        shell("felix:start " + bundle.getBundleId());
        await("the Tally class arrives",
                () -> manager.elementClasses().stream().anyMatch(c -> c.name().equals("Tally")));

        // A live edit from the shell puts the new class between the counter and the sink, as one checked swap.
        String edited = shell("junction:edit hot \"add t Tally\" \"disconnect c d\" \"connect c t\" \"connect t d\"");
        assertTrue(edited.contains("1 added"), edited);
        await("the tally counts", grows(router, "t.count", 1000));
        String loaderBefore = router.read("t.loader");

        // Update: the running instance moves to the new revision's class and keeps its count.
        long before = number(router, "t.count");
        shell("felix:update " + bundle.getBundleId());
        await("the tally runs on the updated bundle", () -> {
            try {
                return !router.read("t.loader").equals(loaderBefore);
            } catch (HandlerException e) {
                return false;
            }
        });
        assertTrue(number(router, "t.count") >= before, "count carried across the update");
        await("the tally keeps counting", grows(router, "t.count", before + 1000));

        // Uninstall: the router keeps running; the element is an orphan.
        shell("felix:uninstall " + bundle.getBundleId());
        long counted = number(router, "c.count");
        await("the router still runs", grows(router, "c.count", counted + 1000));
        ElementStatus tally = router.status().stream().filter(s -> s.name().equals("t")).findFirst().orElseThrow();
        assertTrue(tally.orphaned(), "the element of an uninstalled class is orphaned: " + tally);
        assertTrue(router.isRunning());
        assertEquals(0, tally.failures());
        assertNotEquals(0, number(router, "t.count"));
    }

    private Bundle findProbe() {
        for (Bundle b : context.getBundles()) {
            if ("dev.junction.itest.probe".equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
