package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.ParameterizedReadHandler;
import dev.junction.element.ReadHandler;
import dev.junction.element.StandaloneContext;
import dev.junction.element.WriteHandler;
import dev.junction.packet.PacketPool;
import dev.junction.sched.ManualClock;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;

/**
 * A small hand-wired router for the tests: one pool, one manual clock, elements attached through
 * {@link StandaloneContext}s, and notifier signals found one hop away (the neighbour's own notifier), with
 * the listener registered, so that sleeping and waking can be tested without the engine.
 */
final class TestRouter implements AutoCloseable {
    final PacketPool pool;
    final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    private final List<StandaloneContext> contexts = new ArrayList<>();
    private final Map<Element, Handlers> handlers = new HashMap<>();
    private final Map<String, Element> byName = new HashMap<>();

    TestRouter() {
        this(256);
    }

    TestRouter(int packets) {
        this(packets, 256);
    }

    /** A router whose pool has {@code packets} buffers of {@code bufferSize} bytes (64 of headroom). */
    TestRouter(int packets, int bufferSize) {
        this(packets, bufferSize, 64);
    }

    /** A router whose pool has {@code packets} buffers of {@code bufferSize} bytes ({@code headroom} of headroom). */
    TestRouter(int packets, int bufferSize, int headroom) {
        pool = PacketPool.create("test", packets, bufferSize, headroom);
    }

    /** Attaches {@code element} as {@code name} with the given ports and configures it with {@code config}. */
    <E extends Element> E add(E element, String name, int inputs, int outputs, String config)
            throws ConfigurationException {
        StandaloneContext standalone = new StandaloneContext(name, pool, clock);
        contexts.add(standalone);
        element.attach(new WiredContext(standalone, element, this), inputs, outputs);
        byName.put(name, element);
        element.configure(Args.parse(config));
        return element;
    }

    /** The warnings the element called {@code name} reported. */
    List<String> warnings(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().warnings();
    }

    /** The errors configuring {@code element} with {@code config} fails with; an assertion error if it succeeds. */
    static List<String> configErrors(Element element, int inputs, int outputs, String config) {
        try (TestRouter router = new TestRouter()) {
            return Assertions.assertThrows(ConfigurationException.class,
                    () -> router.add(element, "e", inputs, outputs, config)).errors();
        }
    }

    /** The warnings of every element, in order of the elements. */
    List<String> warnings() {
        return contexts.stream().flatMap(c -> c.warnings().stream()).toList();
    }

    /** The handler writes the elements made that did not reach an element of this router, as handler=value. */
    List<String> handlerWrites() {
        return contexts.stream().flatMap(c -> c.handlerWrites().stream()).toList();
    }

    /**
     * {@code element} as {@code name}, on a plain StandaloneContext whose output 0 is pull, configured and
     * initialized: a source answering the test's own pulls.
     */
    <E extends Element> E pulled(E element, String name, String config) throws ConfigurationException {
        StandaloneContext context = new StandaloneContext(name, pool, clock);
        contexts.add(context);
        context.setPull(false, 0);
        element.attach(context, 0, 1);
        element.configure(Args.parse(config));
        element.initialize();
        return element;
    }

    /** Hands {@code old}'s state to {@code replacement} as a hot swap does, cleaning {@code old} up between. */
    static void swap(Element old, Element replacement) {
        ElementState state = new ElementState();
        old.saveState(state);
        old.cleanup();
        replacement.takeState(state);
    }

    /** Connects output {@code port} of {@code from} to input {@code inputPort} of {@code to}. */
    static void connect(Element from, int port, Element to, int inputPort) {
        StandaloneContext.connect(from, port, to, inputPort);
    }

    /** Initializes the elements in order, then registers their handlers. */
    void initialize(Element... elements) throws ConfigurationException {
        for (Element element : elements) {
            element.initialize();
        }
        for (Element element : elements) {
            handlers(element);
        }
    }

    /** The handlers {@code element} declares (registered on first use). */
    Handlers handlers(Element element) {
        return handlers.computeIfAbsent(element, e -> {
            Handlers registry = new Handlers();
            e.addHandlers(registry);
            return registry;
        });
    }

    /** Runs every scheduled task of every element once; whether any did useful work. */
    boolean runTasks() {
        boolean worked = false;
        for (int i = 0; i < contexts.size(); i++) {
            worked |= contexts.get(i).runTasks();
        }
        return worked;
    }

    /** Runs the timers that are due on the manual clock; how many ran. */
    int runTimers() {
        int ran = 0;
        for (int i = 0; i < contexts.size(); i++) {
            ran += contexts.get(i).runTimers();
        }
        return ran;
    }

    /** Whether any element's task is scheduled. */
    boolean anyTaskScheduled() {
        return contexts.stream().flatMap(c -> c.tasks().stream()).anyMatch(Task::isScheduled);
    }

    /** Runs the tasks until none does useful work, at most {@code rounds} times. */
    void runUntilIdle(int rounds) {
        for (int i = 0; i < rounds && runTasks(); i++) {
            // runTasks did the work
        }
    }

    /** Runs the tasks {@code rounds} times. */
    void runTasks(int rounds) {
        for (int i = 0; i < rounds; i++) {
            runTasks();
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A batch of {@code count} fresh packets of {@code length} bytes whose first byte is {@code firstByte}. */
    dev.junction.packet.PacketBatch batch(int count, int length, int firstByte) {
        dev.junction.packet.PacketBatch batch = batch(count, length);
        for (int i = 0; i < count && length > 0; i++) {
            batch.get(i).setByte(0, firstByte);
        }
        return batch;
    }

    /** A batch of {@code count} fresh packets of {@code length} bytes painted {@code first}, {@code first} + 1, ... */
    dev.junction.packet.PacketBatch painted(int count, int length, int first) {
        dev.junction.packet.PacketBatch batch = batch(count, length);
        for (int i = 0; i < count; i++) {
            batch.get(i).setPaint(first + i);
        }
        return batch;
    }

    /** A batch of {@code count} fresh packets of {@code length} (zero) bytes. */
    dev.junction.packet.PacketBatch batch(int count, int length) {
        dev.junction.packet.PacketBatch batch = new dev.junction.packet.PacketBatch(Math.max(count, 1));
        pool.allocate(batch, count);
        for (int i = 0; i < count; i++) {
            batch.get(i).put(length);
        }
        return batch;
    }

    /** The handlers of one element, by name. */
    static final class Handlers implements HandlerRegistry {
        private final Map<String, ReadHandler> readers = new LinkedHashMap<>();
        private final Map<String, WriteHandler> writers = new LinkedHashMap<>();
        private final Map<String, ParameterizedReadHandler> parameterized = new LinkedHashMap<>();

        @Override
        public void addRead(String name, ReadHandler handler) {
            readers.put(name, handler);
            parameterized.remove(name);
        }

        @Override
        public void addReadWithParameter(String name, ParameterizedReadHandler handler) {
            readers.put(name, () -> handler.read(""));
            parameterized.put(name, handler);
        }

        /** Reads handler {@code name} with {@code parameter}; it must take parameters. */
        String read(String name, String parameter) throws HandlerException {
            ParameterizedReadHandler reader = parameterized.get(name);
            if (reader == null) {
                throw new AssertionError("no read handler with a parameter " + name);
            }
            return reader.read(parameter);
        }

        Set<String> parameterizedNames() {
            return parameterized.keySet();
        }

        @Override
        public void addWrite(String name, WriteHandler handler) {
            writers.put(name, handler);
        }

        String read(String name) throws HandlerException {
            ReadHandler reader = readers.get(name);
            if (reader == null) {
                throw new AssertionError("no read handler " + name);
            }
            return reader.read();
        }

        void write(String name, String value) throws HandlerException {
            WriteHandler writer = writers.get(name);
            if (writer == null) {
                throw new AssertionError("no write handler " + name);
            }
            writer.write(value);
        }

        Set<String> readNames() {
            return readers.keySet();
        }

        Set<String> writeNames() {
            return writers.keySet();
        }
    }

    /**
     * A StandaloneContext whose notifier signals come from the neighbouring element, and which finds the
     * router's elements by name and writes their handlers (other handler writes are recorded).
     */
    private static final class WiredContext extends DelegatingContext {
        private final Element element;
        private final TestRouter router;

        WiredContext(StandaloneContext standalone, Element element, TestRouter router) {
            super(standalone);
            this.element = element;
            this.router = router;
        }

        @Override
        public NotifierSignal upstreamEmptySignal(int port, Task listener) {
            Element source = element.input(port).source();
            return signal(source == null ? null : source.notifier(NotifierKind.EMPTY), listener);
        }

        @Override
        public NotifierSignal downstreamFullSignal(int port, Task listener) {
            Element target = element.output(port).target();
            return signal(target == null ? null : target.notifier(NotifierKind.FULL), listener);
        }

        private static NotifierSignal signal(Notifier notifier, Task listener) {
            if (notifier == null) {
                return NotifierSignal.alwaysActive();
            }
            if (listener != null) {
                notifier.addListener(listener);
            }
            return NotifierSignal.anyOf(List.of(notifier));
        }

        @Override
        public Element element(String name) {
            return router.byName.get(name);
        }

        @Override
        public void writeHandler(String handler, String value) throws HandlerException {
            int dot = handler.lastIndexOf('.');
            Element target = dot > 0 ? router.byName.get(handler.substring(0, dot)) : null;
            if (target != null) {
                router.handlers(target).write(handler.substring(dot + 1), value);
            } else {
                standalone.writeHandler(handler, value);
            }
        }

        @Override
        public boolean isInputPush(int port) {
            return !HandWiredProcessing.isPullInput(element, port);
        }

        @Override
        public boolean isOutputPush(int port) {
            return !HandWiredProcessing.isPullOutput(element, port);
        }
    }
}
