package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.element.ElementContext;
import dev.junction.element.HandlerException;
import dev.junction.engine.check.Processing;
import dev.junction.engine.graph.FlatElement;
import dev.junction.packet.PacketPool;
import dev.junction.router.RouterControl;
import dev.junction.sched.Clock;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;
import dev.junction.sched.Timer;
import dev.junction.sched.TimerCallback;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An element's view of its router: its name and landmark, the router's clock and pool, tasks and timers on the
 * element's home thread, notifier signals, and the other elements by name. One per element per graph.
 */
public final class RouterElementContext implements ElementContext {
    private final Graph graph;
    private final int index;
    private final FlatElement declaration;
    private final Scheduler scheduler;
    private final PacketPool pool;
    private final RouterControl router;
    private final AtomicLong failures = new AtomicLong();
    private volatile int homeThread;

    RouterElementContext(Graph graph, int index, FlatElement declaration, Scheduler scheduler, PacketPool pool,
            RouterControl router, int homeThread) {
        this.graph = graph;
        this.router = router;
        this.index = index;
        this.declaration = declaration;
        this.scheduler = scheduler;
        this.pool = pool;
        this.homeThread = scheduler.clampThread(homeThread);
    }

    Graph graph() {
        return graph;
    }

    int index() {
        return index;
    }

    String className() {
        return declaration.className();
    }

    String configuration() {
        return declaration.configuration();
    }

    @Override
    public String name() {
        return declaration.name();
    }

    @Override
    public String landmark() {
        return declaration.landmark().toString();
    }

    @Override
    public Clock clock() {
        return scheduler.clock();
    }

    @Override
    public PacketPool packetPool() {
        return pool;
    }

    /** The thread the element's tasks and timers are created on. */
    public int homeThread() {
        return homeThread;
    }

    /**
     * Places the element's future tasks and timers on thread {@code thread} (clamped to the router's threads),
     * as Click's StaticThreadSched does; call it before the element's {@link Element#initialize()}.
     */
    public void setHomeThread(int thread) {
        homeThread = scheduler.clampThread(thread);
    }

    @Override
    public Task createTask(TaskBody body) {
        RouterTask task = new RouterTask(body, this, scheduler, homeThread);
        graph.addTask(task);
        return task;
    }

    @Override
    public Timer createTimer(TimerCallback callback) {
        RouterTimer timer = new RouterTimer(callback, this, scheduler.clock(), scheduler.thread(homeThread));
        graph.addTimer(timer);
        return timer;
    }

    @Override
    public NotifierSignal upstreamEmptySignal(int port, Task listener) {
        return new NotifierSearch(graph).upstreamEmpty(index, port, listener);
    }

    @Override
    public NotifierSignal downstreamFullSignal(int port, Task listener) {
        return new NotifierSearch(graph).downstreamFull(index, port, listener);
    }

    @Override
    public Element element(String name) {
        int found = graph.find(name, declaration.name());
        return found < 0 ? null : graph.element(found);
    }

    /** Counts one contained failure of this element; returns the new count. */
    long recordFailure() {
        return failures.incrementAndGet();
    }

    /** Failures contained so far. */
    long failures() {
        return failures.get();
    }

    @Override
    public String readHandler(String handler) throws HandlerException {
        return router.read(handler);
    }

    @Override
    public void writeHandler(String handler, String value) throws HandlerException {
        router.write(handler, value);
    }

    @Override
    public boolean isInputPush(int port) {
        return graph.checked().input(index, port) == Processing.PUSH;
    }

    @Override
    public boolean isOutputPush(int port) {
        return graph.checked().output(index, port) == Processing.PUSH;
    }

    @Override
    public void warning(String message) {
        System.err.println(landmark() + ": warning: " + name() + " :: " + className() + ": " + message);
    }

    @Override
    public String toString() {
        return name() + " :: " + className();
    }
}
