package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.element.HandlerException;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.lang.ClickLanguage;
import dev.junction.packet.PacketPool;
import dev.junction.router.ElementStatus;
import dev.junction.router.GraphEdit;
import dev.junction.router.HandlerDescription;
import dev.junction.router.RouterControl;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.router.SwapReport;
import dev.junction.sched.Clock;
import dev.junction.sched.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running router: a graph of elements on its own threads, with Click's handlers and hot swap.
 *
 * <p><b>Threads.</b> {@link RuntimeOptions#threads()} router threads run the elements' tasks by stride
 * scheduling; each element's tasks and timers live on its home thread (thread 0 unless placed, as in Click).
 *
 * <p><b>Handlers</b> that run element code are called at a safe point: the router threads are paused between
 * tasks, the handler runs on the caller's thread, and the threads go on. Handlers that only read the engine's
 * data ({@code list}, {@code config}, {@code name}, ...) run without pausing. Calls from outside are serialized
 * with swaps and stop; calls from element code on a router thread pause the other threads only. Writing
 * {@code hotconfig}, an element's {@code config} or {@code stop} from a router thread does the work on a
 * helper thread, as Click does, since a router thread cannot wait for itself.
 *
 * <p><b>Hot swap</b> ({@link #hotswap}): the new graph is built and initialized beside the running one; any
 * error leaves the running graph untouched. Then the router pauses, the old graph's tasks and timers are
 * removed, elements paired by name and class take their predecessors' state, the new graph goes live, the
 * router resumes; the old elements are cleaned up and released afterwards. Live edits are edits of the flat
 * configuration followed by a hot swap.
 */
public final class Router implements RouterControl {
    /** The version the {@code version} handler reports. */
    public static final String VERSION = "0.1.0";

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final String name;
    private final ElementFactory factory;
    private final Scheduler scheduler;
    private final PacketPool pool;
    private final GraphBuilder builder;
    private final HandlerTable globals;
    private final ReentrantLock control = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private volatile Graph graph;
    private volatile boolean running;
    private volatile boolean keepElementsAfterStop;
    private boolean released; // guarded by control

    private Router(String name, ElementFactory factory, RuntimeOptions options) {
        this.name = name;
        this.factory = factory;
        Clock clock = options.simulatedTime() ? new ManualClock(options.simulatedEpochNanos()) : Clock.system();
        this.scheduler = new Scheduler(options.threads(), clock);
        this.pool = PacketPool.create(name, options.poolPackets(), options.poolBufferSize(),
                Math.min(PacketPool.DEFAULT_HEADROOM, options.poolBufferSize()));
        this.builder = new GraphBuilder(factory, scheduler, pool, options.homeThreads());
        this.globals = GlobalHandlers.build(this);
    }

    /**
     * Parses, checks, configures and initializes {@code source} and starts it on new router threads.
     *
     * @throws RouterException with every error, worded as Click words them; then nothing runs and every element
     *                         made was cleaned up and released
     */
    public static Router start(String name, RouterSource source, ElementFactory factory, RuntimeOptions options)
            throws RouterException {
        Router router = initialize(name, source, factory, options);
        router.activate();
        return router;
    }

    /**
     * Parses, checks, configures and initializes {@code source} without starting it: Click's router after
     * initialization and before its driver runs ({@code click -q}). Its handlers can be read and written;
     * {@link #activate()} starts it, {@link #stop()} discards it.
     *
     * @throws RouterException as {@link #start} does
     */
    public static Router initialize(String name, RouterSource source, ElementFactory factory, RuntimeOptions options)
            throws RouterException {
        Router router = new Router(name, factory, options);
        try {
            router.graph = router.builder.build(source, router, router.warnings);
        } catch (RouterException | RuntimeException e) {
            router.pool.close();
            throw e;
        }
        return router;
    }

    /**
     * Starts the threads of a router made by {@link #initialize}: its tasks and timers begin to run.
     *
     * @throws IllegalStateException if it runs already or was stopped
     */
    public void activate() {
        control.lock();
        try {
            if (running || released || stopped.getCount() == 0) {
                throw new IllegalStateException("router " + name + " cannot be activated twice or after stop");
            }
            running = true;
            graph.activate();
            scheduler.start(name);
        } finally {
            control.unlock();
        }
    }

    /**
     * Makes {@link #stop()} keep the stopped graph's elements, with their handlers readable, until
     * {@link #close()}: Click's driver reads the {@code -h} handlers after the router stops and before its
     * elements are cleaned up.
     */
    public void keepElementsAfterStop() {
        keepElementsAfterStop = true;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Warnings of the last successful build (Click prints them and runs anyway). */
    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /** The configuration source now running. */
    public RouterSource source() {
        return graph.source();
    }

    /** Whether any running element is of one of the classes {@code classNames}. */
    public boolean usesAnyClass(Set<String> classNames) {
        return graph.flat().elements().stream().anyMatch(e -> classNames.contains(e.className()));
    }

    /** The names of every element class the router uses. */
    public Set<String> usedClassNames() {
        return graph.flat().elements().stream().map(e -> e.className()).collect(java.util.stream.Collectors.toSet());
    }

    /** The router's clock (simulated under {@code --simtime}). */
    public Clock clock() {
        return scheduler.clock();
    }

    /** The router's packet pool. */
    public PacketPool packetPool() {
        return pool;
    }

    /** Waits up to {@code timeout} for the router to stop (by {@link #stop()} or the {@code stop} handler). */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The router's Java threads, for measurements (CPU time, allocation). */
    public List<Thread> threads() {
        return scheduler.threads().stream().map(RouterThread::javaThread).toList();
    }

    /** The element called {@code elementName} in the running graph, or {@code null}; for tests and tools. */
    public Element element(String elementName) {
        Graph current = graph;
        int index = current.indexOf(elementName);
        return index < 0 ? null : current.element(index);
    }

    @Override
    public List<String> elementNames() {
        return graph.flat().elements().stream().map(e -> e.name()).toList();
    }

    // ---------------------------------------------------------------- handlers

    /** Where a handler name leads: a table and the name in it, and the element (-1 for globals). */
    private record Target(Graph graph, HandlerTable table, String handler, int element, String fullName) {
    }

    private Target resolve(String handlerName) throws HandlerException {
        Graph current = graph;
        int dot = handlerName.lastIndexOf('.');
        if (dot < 0) {
            return new Target(current, globals, handlerName, -1, handlerName);
        }
        String elementName = handlerName.substring(0, dot);
        int index = current.indexOf(elementName);
        if (index < 0) {
            if (globals.find(handlerName) != null) {
                return new Target(current, globals, handlerName, -1, handlerName);
            }
            throw new HandlerException("no element named '" + elementName + "'");
        }
        return new Target(current, current.handlers(index), handlerName.substring(dot + 1), index, handlerName);
    }

    @Override
    public String read(String handlerName) throws HandlerException {
        Target target = resolve(handlerName);
        Handler handler = target.table().find(target.handler());
        if (handler == null || handler.read() == null) {
            throw new HandlerException("no '" + target.fullName() + "' read handler");
        }
        return call(target, handler, () -> handler.read().read());
    }

    @Override
    public String read(String handlerName, String parameter) throws HandlerException {
        if (parameter.isEmpty()) {
            return read(handlerName);
        }
        Target target = resolve(handlerName);
        Handler handler = target.table().find(target.handler());
        if (handler == null || handler.read() == null) {
            throw new HandlerException("no '" + target.fullName() + "' read handler");
        }
        if (handler.readParameter() == null) {
            throw new HandlerException("read handler '" + target.fullName() + "' does not take parameters");
        }
        return call(target, handler, () -> handler.readParameter().read(parameter));
    }

    @Override
    public void write(String handlerName, String value) throws HandlerException {
        Target target = resolve(handlerName);
        Handler handler = target.table().find(target.handler());
        if (handler == null || handler.write() == null) {
            throw new HandlerException("no '" + target.fullName() + "' write handler");
        }
        call(target, handler, () -> {
            handler.write().write(value);
            return "";
        });
    }

    private interface HandlerCall {
        String run() throws HandlerException;
    }

    /** Runs a handler, at a safe point if it runs element code; element code that throws is contained. */
    private String call(Target target, Handler handler, HandlerCall body) throws HandlerException {
        if (!handler.atSafePoint()) {
            return body.run();
        }
        boolean outside = scheduler.currentRouterThread() == null;
        if (outside) {
            control.lock();
        }
        try {
            if (released || target.graph() != graph || (!running && !outside)) {
                throw new HandlerException("router " + name + " changed or stopped during the call");
            }
            if (!running) {
                // Not started yet, or stopped with its elements kept: no router thread runs, none to pause.
                return contained(target, body);
            }
            scheduler.pause();
            try {
                return contained(target, body);
            } finally {
                scheduler.resume();
            }
        } finally {
            if (outside) {
                control.unlock();
            }
        }
    }

    /** Runs element code of a handler; what it throws is contained and becomes the handler's error. */
    private static String contained(Target target, HandlerCall body) throws HandlerException {
        try {
            return body.run();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            RouterElementContext owner = target.graph().context(target.element());
            Containment.contain(owner, e);
            throw new HandlerException("handler '" + target.fullName() + "' failed: " + e);
        }
    }

    @Override
    public List<HandlerDescription> handlers(String element) throws HandlerException {
        HandlerTable table;
        if (element.isEmpty()) {
            table = globals;
        } else {
            Graph current = graph;
            int index = current.indexOf(element);
            if (index < 0) {
                throw new HandlerException("no element named '" + element + "'");
            }
            table = current.handlers(index);
        }
        return table.all().stream()
                .map(h -> new HandlerDescription(h.name(), h.read() != null, h.write() != null)).toList();
    }

    /** Click's global {@code handlers} listing. */
    String globalHandlerListing() {
        return globals.listing();
    }

    // ---------------------------------------------------------------- configuration

    @Override
    public String configuration() {
        return graph.source().text();
    }

    @Override
    public String flatConfiguration() {
        return ClickLanguage.print(graph.flat());
    }

    /** The running graph's flat configuration. */
    FlatRouter flatRouter() {
        return graph.flat();
    }

    /** The class names the factory offers. */
    List<String> classNames() {
        return factory.classNames();
    }

    @Override
    public SwapReport hotswap(RouterSource source) throws RouterException {
        if (scheduler.currentRouterThread() != null) {
            throw new IllegalStateException("a router thread cannot swap its own router; write 'hotconfig'");
        }
        control.lock();
        try {
            if (!running) {
                throw new RouterException(List.of("router " + name + " is not running"));
            }
            List<String> newWarnings = new ArrayList<>();
            Graph old = graph;
            Graph fresh = builder.build(source, this, newWarnings);
            long pauseStart = System.nanoTime();
            int kept;
            scheduler.pause();
            try {
                old.kill();
                kept = StateTransfer.transfer(old, fresh);
                graph = fresh;
                fresh.activate();
            } finally {
                scheduler.resume();
            }
            long pause = System.nanoTime() - pauseStart;
            old.cleanupAndRelease(factory);
            synchronized (warnings) {
                warnings.clear();
                warnings.addAll(newWarnings);
            }
            return new SwapReport(pause, kept, fresh.size() - kept, old.size() - kept);
        } finally {
            control.unlock();
        }
    }

    /** A swap a handler asks for. */
    interface SwapAction {
        /** Does the swap. */
        void run() throws RouterException;
    }

    /**
     * Runs a swap a write handler asked for: here, with its errors as the handler's, when called from outside;
     * on a helper thread, with its errors logged, when called from a router thread (which cannot wait for the
     * pause of its own router), as Click's {@code hotconfig} does.
     */
    void swapFromHandler(String what, SwapAction action) throws HandlerException {
        if (scheduler.currentRouterThread() == null) {
            try {
                action.run();
            } catch (RouterException e) {
                throw new HandlerException(String.join("\n", e.errors()));
            }
            return;
        }
        Thread.ofPlatform().name("junction-" + name + "-" + what).daemon(true).start(() -> {
            try {
                action.run();
            } catch (RouterException e) {
                LOG.log(System.Logger.Level.WARNING, "router " + name + ": " + what + " failed:\n" + e.getMessage());
            }
        });
    }

    private SwapReport swapTo(FlatRouter edited) throws RouterException {
        RouterSource current = graph.source();
        return hotswap(new RouterSource(ClickLanguage.print(edited), current.fileName(), current.includeDirectory(),
                Map.of()));
    }

    @Override
    public SwapReport edit(List<GraphEdit> edits) throws RouterException {
        return swapTo(GraphEdits.apply(graph.flat(), edits));
    }

    // ---------------------------------------------------------------- status and stop

    @Override
    public List<ElementStatus> status() {
        Graph current = graph;
        List<ElementStatus> result = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            Element element = current.element(i);
            RouterElementContext context = current.context(i);
            if (element == null) {
                continue; // stopped meanwhile
            }
            List<Long> inputs = new ArrayList<>();
            for (int port = 0; port < element.inputCount(); port++) {
                inputs.add(element.input(port).packetCount());
            }
            List<Long> outputs = new ArrayList<>();
            for (int port = 0; port < element.outputCount(); port++) {
                outputs.add(element.output(port).packetCount());
            }
            result.add(new ElementStatus(context.name(), context.className(), inputs, outputs,
                    !factory.isAvailable(context.className()), context.failures()));
        }
        return result;
    }

    /**
     * A stop request, as a write to the {@code stop} handler makes (Click's {@code please_stop_driver}): goes to
     * the running graph's driver script if it has one (Click's DriverManager, which stops the router when its
     * script ends), else stops the router.
     */
    public void requestStop() {
        Graph current = graph;
        Runnable driver = current.stopDriver();
        if (driver != null && running && current.isLive()) {
            driver.run();
        } else {
            stop();
        }
    }

    @Override
    public void stop() {
        if (scheduler.currentRouterThread() != null) {
            // A router thread cannot join itself: stop from a helper thread.
            Thread.ofPlatform().name("junction-" + name + "-stop").daemon(true).start(this::stop);
            return;
        }
        control.lock();
        try {
            if (running) {
                running = false;
                scheduler.stop();
                graph.kill();
            }
            if (!keepElementsAfterStop) {
                release();
            }
        } finally {
            control.unlock();
            stopped.countDown();
        }
    }

    /**
     * Stops the router if it runs, then cleans up and releases its elements and packet pool, also when
     * {@link #keepElementsAfterStop()} kept them. Calling it again does nothing.
     */
    public void close() {
        stop();
        control.lock();
        try {
            release();
        } finally {
            control.unlock();
        }
    }

    private void release() {
        if (released) {
            return;
        }
        released = true;
        graph.cleanupAndRelease(factory);
        if (threads().stream().noneMatch(thread -> thread != null && thread.isAlive())) {
            pool.close();
        } else {
            LOG.log(System.Logger.Level.WARNING, "router " + name + ": a router thread did not stop;"
                    + " its packet pool stays allocated");
        }
    }

    @Override
    public String toString() {
        return "Router[" + name + (running ? ", running" : ", stopped") + "]";
    }
}
