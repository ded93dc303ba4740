package dev.junction.element;

import dev.junction.packet.PacketPool;
import dev.junction.sched.Clock;
import dev.junction.sched.ManualClock;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;
import dev.junction.sched.Timer;
import dev.junction.sched.TimerCallback;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A router context for elements wired by hand, without the engine: unit tests of element bundles and
 * benchmarks. Nothing runs by itself here: tasks and timers are recorded, and the caller runs them with
 * {@link #runTasks()} and {@link #runTimers()} on a {@link ManualClock}. Notifier signals are always active.
 */
public final class StandaloneContext implements ElementContext {
    private final String name;
    private final PacketPool pool;
    private final ManualClock clock;
    private final List<ManualTask> tasks = new ArrayList<>();
    private final List<ManualTimer> timers = new ArrayList<>();
    private final List<String> handlerWrites = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> pullPorts = new HashSet<>();
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    /** Creates a context naming its element {@code name}, with {@code pool} and {@code clock}. */
    public StandaloneContext(String name, PacketPool pool, ManualClock clock) {
        this.name = name;
        this.pool = pool;
        this.clock = clock;
    }

    /** Attaches {@code element} as {@code name} with the given numbers of ports, on a fresh manual clock. */
    public static <E extends Element> E attach(E element, String name, PacketPool pool, int inputs, int outputs) {
        element.attach(new StandaloneContext(name, pool, new ManualClock(0)), inputs, outputs);
        return element;
    }

    /** Connects output {@code port} of {@code from} to input {@code inputPort} of {@code to}, both ends. */
    public static void connect(Element from, int port, Element to, int inputPort) {
        from.output(port).connect(to, inputPort);
        to.input(inputPort).connect(from, port);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String landmark() {
        return "<standalone>";
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The manual clock, to advance. */
    public ManualClock manualClock() {
        return clock;
    }

    @Override
    public PacketPool packetPool() {
        return pool;
    }

    @Override
    public Task createTask(TaskBody body) {
        ManualTask task = new ManualTask(body);
        tasks.add(task);
        return task;
    }

    @Override
    public Timer createTimer(TimerCallback callback) {
        ManualTimer timer = new ManualTimer(callback, clock);
        timers.add(timer);
        return timer;
    }

    @Override
    public NotifierSignal upstreamEmptySignal(int port, Task listener) {
        return NotifierSignal.alwaysActive();
    }

    @Override
    public NotifierSignal downstreamFullSignal(int port, Task listener) {
        return NotifierSignal.alwaysActive();
    }

    @Override
    public Element element(String elementName) {
        return null;
    }

    /** There is no router here: reads fail with a message saying so. */
    @Override
    public String readHandler(String handler) throws HandlerException {
        throw new HandlerException("no router to read '" + handler + "' from: " + name + " is wired by hand");
    }

    /** There is no router here: writes are recorded as {@code handler=value} for the test to check. */
    @Override
    public void writeHandler(String handler, String value) {
        handlerWrites.add(handler + "=" + value);
    }

    /** The handler writes the element made, as {@code handler=value}, in order. */
    public List<String> handlerWrites() {
        return List.copyOf(handlerWrites);
    }

    /** Ports are push unless {@link #setPull} said otherwise. */
    @Override
    public boolean isInputPush(int port) {
        return !pullPorts.contains("in" + port);
    }

    @Override
    public boolean isOutputPush(int port) {
        return !pullPorts.contains("out" + port);
    }

    /** Makes input ({@code input} true) or output {@code port} pull, as the engine's checks would. */
    public void setPull(boolean input, int port) {
        pullPorts.add((input ? "in" : "out") + port);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    /** Defines a name in this context's own table (no compound scoping: a hand-wired element has none). */
    @Override
    public void defineName(String type, String name, String value) {
        names.put(type + '\0' + name, value);
    }

    /** A name defined through {@link #defineName} on this context, or {@code null}. */
    @Override
    public String lookupName(String type, String name) {
        return names.get(type + '\0' + name);
    }

    /**
     * A resolver for {@link Args#parse(String, ElementResolver)} that finds no elements and looks names up in
     * this context's table: lets a test give AddressInfo-style names to an element's arguments.
     */
    public ElementResolver resolver() {
        return new ElementResolver() {
            @Override
            public Element resolve(String elementName) {
                return null;
            }

            @Override
            public String lookupName(String type, String name) {
                return StandaloneContext.this.lookupName(type, name);
            }
        };
    }

    /** The warnings the element reported, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The tasks created so far. */
    public List<ManualTask> tasks() {
        return List.copyOf(tasks);
    }

    /** Runs every scheduled task once; returns whether any did useful work. */
    public boolean runTasks() {
        boolean worked = false;
        // Indexed, not for-each: an iterator per call would show up in zero-allocation tests that drive
        // elements through their tasks.
        for (int i = 0; i < tasks.size(); i++) {
            ManualTask task = tasks.get(i);
            if (task.isScheduled()) {
                worked |= task.body.run();
            }
        }
        return worked;
    }

    /** Fires every scheduled timer whose expiry has come on the clock; returns how many fired. */
    public int runTimers() {
        int fired = 0;
        for (ManualTimer timer : timers) {
            if (timer.scheduled && timer.expiry <= clock.nanoTime()) {
                timer.scheduled = false;
                timer.callback.expired(timer);
                fired++;
            }
        }
        return fired;
    }

    /** A task that runs only when {@link StandaloneContext#runTasks()} is called. */
    public static final class ManualTask implements Task {
        private final TaskBody body;
        private boolean scheduled;
        private int tickets = 1024;
        private int reschedules;

        ManualTask(TaskBody body) {
            this.body = body;
        }

        @Override
        public void reschedule() {
            scheduled = true;
            reschedules++;
        }

        @Override
        public void unschedule() {
            scheduled = false;
        }

        @Override
        public boolean isScheduled() {
            return scheduled;
        }

        @Override
        public int tickets() {
            return tickets;
        }

        @Override
        public void setTickets(int newTickets) {
            tickets = newTickets;
        }

        @Override
        public int homeThread() {
            return 0;
        }

        @Override
        public void moveToThread(int thread) {
        }

        /** How many times the task was rescheduled, for tests of wake-ups. */
        public int rescheduleCount() {
            return reschedules;
        }
    }

    /** A timer that fires only when {@link StandaloneContext#runTimers()} is called. */
    public static final class ManualTimer implements Timer {
        private final TimerCallback callback;
        private final Clock clock;
        private boolean scheduled;
        private boolean everScheduled;
        private long expiry;

        ManualTimer(TimerCallback callback, Clock clock) {
            this.callback = callback;
            this.clock = clock;
        }

        @Override
        public void scheduleAt(long nanoTime) {
            expiry = nanoTime;
            scheduled = true;
            everScheduled = true;
        }

        @Override
        public void scheduleAfter(long delayNanos) {
            scheduleAt(clock.nanoTime() + delayNanos);
        }

        @Override
        public void rescheduleAfter(long periodNanos) {
            scheduleAt((everScheduled ? expiry : clock.nanoTime()) + periodNanos);
        }

        @Override
        public void unschedule() {
            scheduled = false;
        }

        @Override
        public boolean isScheduled() {
            return scheduled;
        }

        @Override
        public long expiry() {
            return expiry;
        }
    }
}
