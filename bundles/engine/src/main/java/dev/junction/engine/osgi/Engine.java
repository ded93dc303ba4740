package dev.junction.engine.osgi;

import dev.junction.engine.control.ControlSocketServer;
import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.lang.ClickLanguage;
import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.router.ElementClassSummary;
import dev.junction.router.RouterControl;
import dev.junction.router.RouterException;
import dev.junction.router.RouterManager;
import dev.junction.router.RouterSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The engine as an OSGi service: runs named routers on the classes of the {@link ElementRegistry}.
 *
 * <p>When element classes arrive (a bundle started or was updated), every running router that uses one of
 * them is hot-swapped onto its own configuration: its elements of those classes are replaced by instances of
 * the newly arrived classes, which take their predecessors' state. A router that names a class which is not
 * available keeps running on its orphaned instances until the class returns or the operator changes it.
 *
 * <p>At start, a configuration named by the framework property {@value #CONFIG_PROPERTY} is deployed, so
 * that {@code ./junction FILE} runs FILE.
 */
@Component(service = RouterManager.class, immediate = true)
public final class Engine implements RouterManager, ElementRegistry.Listener {
    /** Framework property naming a configuration file to deploy at start. */
    public static final String CONFIG_PROPERTY = "junction.config";

    /**
     * Framework property: serve the start-up router over Click's ControlSocket protocol, on this TCP port of
     * the loopback interface (a number) or on this UNIX-domain socket (a path).
     */
    public static final String CONTROL_PROPERTY = "junction.control";

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    /** How long a start-up configuration waits for element classes before its errors are reported. */
    private static final Duration STARTUP_SETTLE = Duration.ofSeconds(5);

    /** How long classes must stop arriving before running routers are swapped onto them. */
    private static final Duration ARRIVAL_SETTLE = Duration.ofMillis(200);

    private final ElementRegistry registry;
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private PendingDeploy startupDeploy;
    private String control;
    private ControlSocketServer controlSocket;
    private final Set<Router> routersToSwap = new LinkedHashSet<>();
    private boolean swapScheduled;

    /** Creates the engine on {@code registry} (DS constructor injection). */
    @Activate
    public Engine(@Reference ElementRegistry registry, BundleContext context) {
        this.registry = registry;
        registry.addListener(this);
        control = context.getProperty(CONTROL_PROPERTY);
        String config = context.getProperty(CONFIG_PROPERTY);
        if (config != null && !config.isBlank()) {
            deployAtStart(Path.of(config));
        }
    }

    private void deployAtStart(Path file) {
        RouterSource source;
        try {
            source = RouterSource.ofFile(file);
        } catch (IOException e) {
            System.err.println(file + ": " + e.getMessage());
            return;
        }
        startupDeploy = new PendingDeploy(RouterSource.defaultRouterName(file), source);
        retryStartupDeploy();
        // Element bundles start beside the engine; give their classes a moment before reporting.
        Thread.ofVirtual().name("junction-startup-deploy").start(() -> {
            try {
                Thread.sleep(STARTUP_SETTLE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            PendingDeploy pending = takeStartupDeploy();
            if (pending != null) {
                try {
                    serveControlSocket(deploy(pending.name(), pending.source()));
                } catch (RouterException e) {
                    e.errors().forEach(System.err::println);
                }
            }
        });
    }

    /** Opens the ControlSocket that {@value #CONTROL_PROPERTY} asks for, on the start-up router. */
    private synchronized void serveControlSocket(RouterControl router) {
        if (control == null || control.isBlank() || controlSocket != null) {
            return;
        }
        try {
            controlSocket = control.chars().allMatch(Character::isDigit)
                    ? ControlSocketServer.openTcp(router, Integer.parseInt(control))
                    : ControlSocketServer.openUnix(router, Path.of(control));
            System.err.println("junction: ControlSocket for router " + router.name() + " on " + controlSocket.address());
        } catch (IOException | RuntimeException e) {
            System.err.println("junction: cannot open ControlSocket " + control + ": " + e.getMessage());
        }
    }

    /** A configuration deployed at start that waits for element classes which have not arrived yet. */
    private record PendingDeploy(String name, RouterSource source) {
    }

    private synchronized PendingDeploy takeStartupDeploy() {
        PendingDeploy pending = startupDeploy;
        startupDeploy = null;
        return pending;
    }

    /** Tries the pending start-up deploy; it stays pending while its only errors are missing classes. */
    private void retryStartupDeploy() {
        PendingDeploy pending;
        synchronized (this) {
            pending = startupDeploy;
        }
        if (pending == null) {
            return;
        }
        try {
            serveControlSocket(deploy(pending.name(), pending.source()));
            takeStartupDeploy();
        } catch (RouterException e) {
            boolean onlyMissingClasses = e.errors().stream().allMatch(line -> line.contains("unknown element class"));
            if (!onlyMissingClasses) {
                takeStartupDeploy();
                e.errors().forEach(System.err::println);
            }
        }
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(this);
        synchronized (this) {
            if (controlSocket != null) {
                try {
                    controlSocket.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "closing the ControlSocket: " + e.getMessage());
                }
            }
        }
        List<Router> running;
        synchronized (this) {
            running = new ArrayList<>(routers.values());
            routers.clear();
        }
        running.forEach(Router::stop);
    }

    @Override
    public RouterControl deploy(String name, RouterSource source) throws RouterException {
        synchronized (this) {
            Router existing = routers.get(name);
            if (existing != null && existing.isRunning()) {
                existing.hotswap(source);
                return existing;
            }
            Router router = Router.start(name, source, registry, RuntimeOptions.defaults());
            routers.put(name, router);
            return router;
        }
    }

    @Override
    public synchronized RouterControl router(String name) {
        return routers.get(name);
    }

    @Override
    public synchronized List<RouterControl> routers() {
        return List.copyOf(routers.values());
    }

    @Override
    public boolean undeploy(String name) {
        Router router;
        synchronized (this) {
            router = routers.remove(name);
        }
        if (router == null) {
            return false;
        }
        router.stop();
        return true;
    }

    @Override
    public List<ElementClassSummary> elementClasses() {
        return registry.summaries();
    }

    @Override
    public String flatten(RouterSource source) throws RouterException {
        Diagnostics diagnostics = new Diagnostics();
        String flat = ClickLanguage.flattenToText(source.text(), source.fileName(), source.includeDirectory(),
                source.definitions(), diagnostics);
        if (diagnostics.hasErrors()) {
            throw new RouterException(diagnostics.messages());
        }
        return flat;
    }

    @Override
    public void classesArrived(Set<String> names) {
        boolean scheduleSwap;
        synchronized (this) {
            // Choose what to swap before retrying the start-up deploy: a router it deploys is already new.
            routersToSwap.addAll(routers.values().stream().filter(r -> r.usesAnyClass(names)).toList());
            scheduleSwap = !swapScheduled && !routersToSwap.isEmpty();
            swapScheduled |= scheduleSwap;
        }
        retryStartupDeploy();
        if (!scheduleSwap) {
            return;
        }
        // A bundle brings its classes one by one: swap once they have settled, not once per class.
        Thread.ofVirtual().name("junction-class-swap").start(() -> {
            try {
                Thread.sleep(ARRIVAL_SETTLE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            swapOntoArrivedClasses();
        });
    }

    /** Swaps every router that uses an arrived class and whose classes are all available now. */
    private void swapOntoArrivedClasses() {
        List<Router> ready = new ArrayList<>();
        synchronized (this) {
            swapScheduled = false;
            for (Router router : List.copyOf(routersToSwap)) {
                if (!router.isRunning()) {
                    routersToSwap.remove(router);
                } else if (router.usedClassNames().stream().allMatch(registry::isAvailable)) {
                    routersToSwap.remove(router);
                    ready.add(router);
                }
                // Otherwise it waits for the classes still missing; their arrival calls us again.
            }
        }
        for (Router router : ready) {
            try {
                // Same configuration, new instances: the arrived classes replace the old ones, state carried over.
                router.hotswap(router.source());
            } catch (RouterException e) {
                LOG.log(System.Logger.Level.WARNING, "router " + router.name()
                        + " keeps its old elements: " + String.join("; ", e.errors()));
            }
        }
    }

    @Override
    public void classesLeft(Set<String> names) {
        // Nothing to do: running instances go on as orphans, which status() reports.
    }
}
