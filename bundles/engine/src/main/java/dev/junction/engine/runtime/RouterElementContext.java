package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.element.ElementContext;
import dev.junction.element.HandlerException;
import dev.junction.element.NameInfo;
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
    private static final int DEFAULT_TICKETS = 1024;
    private static final int MAX_TICKETS = 32768;

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
        int tickets = scheduleInfoTickets();
        if (tickets != DEFAULT_TICKETS) {
            task.setTickets(tickets);
        }
        graph.addTask(task);
        return task;
    }

    /**
     * Click's ScheduleInfo query: the default tickets times the share ScheduleInfo gave each of the element's
     * enclosing compounds and the element itself (names are absolute, as ScheduleInfo defines them relative to
     * its own compound), capped at Click's maximum with a warning.
     */
    private int scheduleInfoTickets() {
        String id = name();
        double share = 1;
        boolean any = false;
        for (int slash = id.indexOf('/'); ; slash = id.indexOf('/', slash + 1)) {
            String prefix = slash < 0 ? id : id.substring(0, slash);
            String value = graph.definedName(NameInfo.SCHEDULE_INFO, prefix);
            if (value != null) {
                share *= Double.parseDouble(value);
                any = true;
            }
            if (slash < 0) {
                break;
            }
        }
        if (!any) {
            return DEFAULT_TICKETS;
        }
        long tickets = Math.round(DEFAULT_TICKETS * share);
        if (tickets > MAX_TICKETS) {
            warning("ScheduleInfo too high; reduced to " + (MAX_TICKETS / DEFAULT_TICKETS));
            tickets = MAX_TICKETS;
        }
        return (int) Math.max(1, tickets);
    }

    // ---------------------------------------------------------------- driver, names, placement

    @Override
    public boolean takeStopRequests(Runnable onStopRequest) {
        return graph.setStopDriver(onStopRequest);
    }

    @Override
    public void stopRouter() {
        router.stop();
    }

    @Override
    public void defineName(String type, String name, String value) {
        graph.defineName(declaration.name(), type, name, value);
    }

    @Override
    public String lookupName(String type, String name) {
        String value = graph.lookupName(type, name, declaration.name());
        // As in Click, a name no AddressInfo defines may be a network interface of the host.
        return value != null ? value : HostInterfaces.lookup(type, name);
    }

    @Override
    public boolean placeOnThread(String elementName, int thread) {
        int found = graph.find(elementName, declaration.name());
        if (found >= 0) {
            graph.context(found).setHomeThread(thread);
            return true;
        }
        if (elementName.isEmpty()) {
            return false;
        }
        String compound = Graph.compoundPrefix(declaration.name()) + elementName + "/";
        boolean any = false;
        for (int i = 0; i < graph.size(); i++) {
            if (graph.flat().elements().get(i).name().startsWith(compound) && graph.context(i) != null) {
                graph.context(i).setHomeThread(thread);
                any = true;
            }
        }
        return any;
    }

    @Override
    public int threadCount() {
        return scheduler.threadCount();
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
