package dev.junction.engine.runtime;

import dev.junction.element.Args;
import dev.junction.element.ArgTypes;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small elements the runtime tests build routers from. */
final class TestElements {
    private TestElements() {
    }

    /** The factory of every test class; {@code sequence} and {@code cleanups} are shared with the test. */
    static ClassMapFactory factory(Sequence sequence, AtomicInteger cleanups, List<String> timerLog) {
        return new ClassMapFactory()
                .add("NumberedSource", NumberedSource::new)
                .add("TestQueue", TestQueue::new)
                .add("TestUnqueue", TestUnqueue::new)
                .add("CountingSink", CountingSink::new)
                .add("CheckingSink", () -> new CheckingSink(sequence))
                .add("Counter", Counter::new)
                .add("Flaky", Flaky::new)
                .add("Fussy", () -> new Fussy(cleanups))
                .add("TimerProbe", () -> new TimerProbe(timerLog))
                .add("StopAfter", StopAfter::new);
    }

    /** What a {@link CheckingSink} saw: numbers must arrive in order, each once. */
    static final class Sequence {
        volatile long expected;
        volatile long received;
        volatile long outOfOrder;
    }

    /**
     * A push source driven by its task: numbered packets (user word 0) in batches, while {@code ACTIVE}, up to
     * {@code LIMIT}; it sleeps while the full signal downstream is inactive. Its number carries across swaps.
     */
    @ElementClass("NumberedSource")
    static final class NumberedSource extends Element {
        private final PacketBatch batch = new PacketBatch();
        private Task task;
        private NotifierSignal roomDownstream;
        private volatile boolean active;
        private long limit;
        private volatile long next;

        @Override
        public String portCount() {
            return "0/1";
        }

        @Override
        public String processing() {
            return "h";
        }

        @Override
        public void configure(Args args) throws ConfigurationException {
            active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
            limit = args.read("LIMIT", ArgTypes.LONG, -1L);
            args.complete();
        }

        @Override
        public void initialize() {
            task = context().createTask(this::run);
            roomDownstream = context().downstreamFullSignal(0, task);
            task.reschedule();
        }

        private boolean run() {
            if (!active || (limit >= 0 && next >= limit)) {
                task.unschedule();
                return false;
            }
            if (!roomDownstream.isActive()) {
                task.unschedule();
                if (roomDownstream.isActive()) {
                    task.reschedule();
                }
                return false;
            }
            return emit(batch.capacity()) > 0;
        }

        private int emit(int count) {
            batch.clear();
            int made = context().packetPool().allocate(batch, count);
            long number = next;
            for (int i = 0; i < made; i++) {
                Packet packet = batch.get(i);
                packet.put(60);
                packet.setUserWord(0, number++);
            }
            next = number;
            output(0).push(batch);
            batch.clear();
            return made;
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("count", () -> Long.toString(next));
            handlers.addWrite("active", value -> {
                active = Boolean.parseBoolean(value.trim());
                if (active) {
                    task.reschedule();
                }
            });
            handlers.addWrite("send", value -> {
                int left = Integer.parseInt(value.trim());
                while (left > 0) {
                    left -= emit(Math.min(left, batch.capacity()));
                }
            });
        }

        @Override
        public void saveState(ElementState state) {
            state.putLong("next", next);
        }

        @Override
        public void takeState(ElementState state) {
            next = state.getLong("next", next);
        }
    }

    /**
     * A queue with empty and full notifiers (full means less room than a batch, so that a source that waits for
     * room never has to drop). It is synchronized so that its two sides may run on two threads; hot swap moves
     * its packets.
     */
    @ElementClass("TestQueue")
    static final class TestQueue extends Element {
        private final Notifier nonEmpty = new Notifier(NotifierKind.EMPTY, false);
        private final Notifier room = new Notifier(NotifierKind.FULL, true);
        private Packet[] ring = new Packet[1000];
        private int head;
        private int size;
        private long drops;

        @Override
        public String portCount() {
            return "1/1";
        }

        @Override
        public String processing() {
            return "h/l";
        }

        @Override
        public void configure(Args args) throws ConfigurationException {
            ring = new Packet[args.read("CAPACITY", ArgTypes.INTEGER, 1000)];
            args.complete();
        }

        @Override
        public synchronized void push(int port, PacketBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                enqueue(batch.get(i));
            }
            signal();
        }

        private void enqueue(Packet packet) {
            if (size == ring.length) {
                packet.kill();
                drops++;
                return;
            }
            ring[(head + size) % ring.length] = packet;
            size++;
        }

        @Override
        public synchronized int pull(int port, PacketBatch into, int max) {
            int taken = Math.min(max, size);
            for (int i = 0; i < taken; i++) {
                into.add(ring[head]);
                ring[head] = null;
                head = (head + 1) % ring.length;
            }
            size -= taken;
            signal();
            return taken;
        }

        private void signal() {
            if (size > 0) {
                nonEmpty.wake();
            } else {
                nonEmpty.sleep();
            }
            if (ring.length - size >= PacketBatch.DEFAULT_CAPACITY) {
                room.wake();
            } else {
                room.sleep();
            }
        }

        @Override
        public Notifier notifier(NotifierKind kind) {
            return kind == NotifierKind.EMPTY ? nonEmpty : room;
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("length", () -> Integer.toString(length()));
            handlers.addRead("drops", () -> Long.toString(drops));
        }

        synchronized int length() {
            return size;
        }

        @Override
        public synchronized void saveState(ElementState state) {
            Packet[] packets = new Packet[size];
            for (int i = 0; i < size; i++) {
                packets[i] = ring[(head + i) % ring.length];
                ring[(head + i) % ring.length] = null;
            }
            size = 0;
            state.put("packets", packets);
            state.putLong("drops", drops);
        }

        @Override
        public synchronized void takeState(ElementState state) {
            Packet[] packets = state.get("packets", Packet[].class);
            if (packets != null) {
                Arrays.stream(packets).forEach(this::enqueue);
            }
            drops += state.getLong("drops", 0);
            signal();
        }

        @Override
        public synchronized void cleanup() {
            for (int i = 0; i < size; i++) {
                ring[(head + i) % ring.length].kill();
            }
            size = 0;
        }
    }

    /**
     * Pulls batches and pushes them on; its task sleeps while the empty signal upstream is inactive. With
     * {@code ACTIVE false} it never pulls, so that packets stay queued.
     */
    @ElementClass("TestUnqueue")
    static final class TestUnqueue extends Element {
        private final PacketBatch batch = new PacketBatch();
        private RouterTask task;
        private NotifierSignal packetsUpstream;
        private boolean active;

        @Override
        public String portCount() {
            return "1/1";
        }

        @Override
        public String processing() {
            return "l/h";
        }

        @Override
        public void configure(Args args) throws ConfigurationException {
            active = args.read("ACTIVE", ArgTypes.BOOLEAN, true);
            args.complete();
        }

        @Override
        public void initialize() {
            task = (RouterTask) context().createTask(this::run);
            packetsUpstream = context().upstreamEmptySignal(0, task);
            if (active) {
                task.reschedule();
            }
        }

        private boolean run() {
            if (!active) {
                task.unschedule();
                return false;
            }
            if (!packetsUpstream.isActive()) {
                task.unschedule();
                if (packetsUpstream.isActive()) {
                    task.reschedule();
                }
                return false;
            }
            batch.clear();
            int pulled = input(0).pull(batch, batch.capacity());
            output(0).push(batch);
            batch.clear();
            return pulled > 0;
        }

        RouterTask task() {
            return task;
        }

        NotifierSignal signal() {
            return packetsUpstream;
        }
    }

    /** Counts and frees what it receives. */
    @ElementClass("CountingSink")
    static final class CountingSink extends Element {
        private volatile long count;

        @Override
        public String portCount() {
            return "1/0";
        }

        @Override
        public String processing() {
            return "h";
        }

        @Override
        public void push(int port, PacketBatch batch) {
            count += batch.size();
            batch.killAll();
        }

        long count() {
            return count;
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("count", () -> Long.toString(count));
        }
    }

    /** Checks that packet numbers arrive in order, each once, and frees the packets. */
    @ElementClass("CheckingSink")
    static final class CheckingSink extends Element {
        private final Sequence sequence;

        CheckingSink(Sequence sequence) {
            this.sequence = sequence;
        }

        @Override
        public String portCount() {
            return "1/0";
        }

        @Override
        public String processing() {
            return "h";
        }

        @Override
        public void push(int port, PacketBatch batch) {
            long expected = sequence.expected;
            for (int i = 0; i < batch.size(); i++) {
                long number = batch.get(i).userWord(0);
                if (number != expected) {
                    sequence.outOfOrder++;
                }
                expected = number + 1;
            }
            sequence.expected = expected;
            sequence.received += batch.size();
            batch.killAll();
        }
    }

    /** Counts packets in either mode; the count carries across swaps. */
    @ElementClass("Counter")
    static final class Counter extends Element {
        private long count;

        @Override
        public String portCount() {
            return "1/1";
        }

        @Override
        public void push(int port, PacketBatch batch) {
            count += batch.size();
            output(0).push(batch);
        }

        @Override
        public int pull(int port, PacketBatch into, int max) {
            int pulled = input(0).pull(into, max);
            count += pulled;
            return pulled;
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("count", () -> Long.toString(count));
            handlers.addWrite("reset", value -> count = 0);
            // A read handler with a parameter: the count plus the parameter's number (0 without one).
            handlers.addReadWithParameter("plus", value -> {
                try {
                    return Long.toString(count + (value.isBlank() ? 0 : Long.parseLong(value.strip())));
                } catch (NumberFormatException e) {
                    throw new HandlerException("expected a number");
                }
            });
        }

        @Override
        public void saveState(ElementState state) {
            state.putLong("count", count);
        }

        @Override
        public void takeState(ElementState state) {
            count = state.getLong("count", 0);
        }
    }

    /** Passes packets on, but throws on packets numbered {@code N * 100000 + 500}. */
    @ElementClass("Flaky")
    static final class Flaky extends Element {
        @Override
        public String portCount() {
            return "1/1";
        }

        @Override
        public String processing() {
            return "h";
        }

        @Override
        public void push(int port, PacketBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).userWord(0) % 100_000 == 500) {
                    throw new IllegalStateException("bad packet " + batch.get(i).userWord(0));
                }
            }
            output(0).push(batch);
        }
    }

    /** Refuses any configuration, with the configuration as the error; counts its cleanups. */
    @ElementClass("Fussy")
    static final class Fussy extends Element {
        private final AtomicInteger cleanups;

        Fussy(AtomicInteger cleanups) {
            this.cleanups = cleanups;
        }

        @Override
        public void configure(Args args) throws ConfigurationException {
            List<String> problems = Args.split(configurationText());
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
        }

        private String configurationText() {
            return ((RouterElementContext) context()).configuration();
        }

        @Override
        public void cleanup() {
            cleanups.incrementAndGet();
        }
    }

    /** Sets one timer per {@code DELAYS} entry (milliseconds) and logs "delay@time" as they fire. */
    @ElementClass("TimerProbe")
    static final class TimerProbe extends Element {
        private final List<String> log;
        private final List<Long> delays = new ArrayList<>();

        TimerProbe(List<String> log) {
            this.log = log == null ? Collections.synchronizedList(new ArrayList<>()) : log;
        }

        @Override
        public void configure(Args args) throws ConfigurationException {
            for (String word : Args.words(args.readPositional("DELAYS", ArgTypes.ANY, ""))) {
                delays.add(Long.parseLong(word));
            }
            args.complete();
        }

        @Override
        public void initialize() {
            long start = context().clock().nanoTime();
            for (long delay : delays) {
                Timer timer = context().createTimer(t -> log.add(delay + "@" + (context().clock().nanoTime() - start)));
                timer.scheduleAt(start + delay * 1_000_000L);
            }
        }
    }

    /** Reads a handler, failing the test with the handler's message. */
    static String read(Router router, String handler) {
        try {
            return router.read(handler);
        } catch (HandlerException e) {
            throw new AssertionError(handler + ": " + e.getMessage(), e);
        }
    }

    /** Writes a handler, failing the test with the handler's message. */
    static void write(Router router, String handler, String value) {
        try {
            router.write(handler, value);
        } catch (HandlerException e) {
            throw new AssertionError(handler + ": " + e.getMessage(), e);
        }
    }

    /** Passes packets on; after LIMIT of them it asks the router to stop, through the stop handler. */
    static final class StopAfter extends SimpleAction {
        private long limit;
        private long seen;

        @Override
        public void configure(Args args) throws ConfigurationException {
            limit = args.requirePositional("LIMIT", ArgTypes.LONG);
            args.complete();
        }

        @Override
        public void initialize() throws ConfigurationException {
            if (!context().isInputPush(0)) {
                throw new ConfigurationException("StopAfter expects a push input");
            }
        }

        @Override
        protected Packet action(Packet packet) {
            if (++seen == limit) {
                try {
                    context().writeHandler("stop", "");
                } catch (HandlerException e) {
                    throw new IllegalStateException(e);
                }
            }
            return packet;
        }
    }
}
