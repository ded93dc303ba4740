package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Queue: a FIFO of packets between a push path and a pull path, with Click's empty and full notifiers
 * (Click's {@code Queue}, also known as FullNoteQueue).
 *
 * <p>The packets sit in a ring of references sized at initialization. One thread may push while another
 * pulls: the pusher alone advances {@code tail}, the puller alone advances {@code head}, and each publishes
 * its index with release semantics after touching the ring, so the packets cross threads safely with one
 * ordered write per batch and no lock.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Queue")
@ElementDoc(
        synopsis = "Queue([CAPACITY])",
        category = "storage",
        summary = "stores packets in a FIFO queue",
        description = """
                Stores packets pushed into its input and hands them out, oldest first, to pulls on output 0. \
                When it already holds CAPACITY packets, further packets are dropped and counted; they leave \
                through push output 1 if it is connected, and are freed otherwise.

                Queue has an empty notifier, active while packets may be pulled: it activates when a packet \
                arrives, and goes inactive only after several pulls in a row found the queue empty, so that a \
                queue hovering around one packet does not make its puller sleep and wake constantly. It also \
                has a full notifier, active while there is room, inactive when the queue is full, and active \
                again as soon as a packet leaves. Pulling tasks downstream and pushing tasks upstream sleep \
                on them.

                One thread may push while another pulls. In a hot swap the replacement takes the queued \
                packets (as many as its capacity holds; the rest are freed) and the drop and high-water \
                counts.""",
        arguments = @ElementDoc.Argument(name = "CAPACITY", description = """
                Unsigned. The most packets the queue holds. Default 1000."""),
        handlers = {
            @ElementDoc.Handler(name = "length", description = "Packets in the queue now."),
            @ElementDoc.Handler(name = "highwater_length", description = """
                    The most packets the queue has held at once since the last reset_counts."""),
            @ElementDoc.Handler(name = "capacity", mode = "read/write", description = """
                    The capacity. Writing a smaller one than the current length frees the newest packets."""),
            @ElementDoc.Handler(name = "drops", description = "Packets dropped because the queue was full."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = """
                    Sets drops to 0 and highwater_length to the current length."""),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Empties the queue: its packets go out of output 1 if connected, and are freed otherwise.""")
        },
        example = "FromDevice(eth0) -> Queue(2000) -> ToDevice(eth1);",
        seeAlso = {"Unqueue", "Discard", "SimpleQueue", "ThreadSafeQueue", "FrontDropQueue"})
public final class Queue extends Element {
    private static final System.Logger LOG = System.getLogger(Queue.class.getName());
    private static final int DEFAULT_CAPACITY = 1000;
    /** Empty pulls in a row after which the empty notifier goes inactive (Click's SLEEPINESS_TRIGGER + 1). */
    private static final int EMPTY_PULLS_BEFORE_SLEEP = 10;
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(Queue.class, "head", long.class);
            TAIL = lookup.findVarHandle(Queue.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Notifier nonEmpty = new Notifier(NotifierKind.EMPTY, true);
    private final Notifier nonFull = new Notifier(NotifierKind.FULL, true);

    private int capacity;
    private Packet[] ring = new Packet[0];
    // Packets ever taken out and put in; their difference is the length. Only the puller writes head, only
    // the pusher writes tail; both are read and written through HEAD and TAIL.
    @SuppressWarnings("unused")
    private long head;
    @SuppressWarnings("unused")
    private long tail;
    private int emptyPulls;
    private long drops;
    private int highwaterLength;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "h/lh";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        capacity = args.readPositional("CAPACITY", ArgTypes.UNSIGNED_INT, DEFAULT_CAPACITY);
        args.complete();
    }

    @Override
    public void initialize() throws ConfigurationException {
        try {
            ring = new Packet[capacity];
        } catch (OutOfMemoryError e) {
            throw new ConfigurationException("out of memory");
        }
    }

    // ---------------------------------------------------------------- packets

    @Override
    public void push(int port, PacketBatch batch) {
        long t = (long) TAIL.getOpaque(this);
        int length = (int) (t - (long) HEAD.getAcquire(this));
        int arriving = batch.size();
        int accepted = Math.min(arriving, capacity - length);
        if (accepted > 0) {
            copyIntoRing(batch.array(), 0, t, accepted);
            TAIL.setRelease(this, t + accepted);
            length += accepted;
            if (length > highwaterLength) {
                highwaterLength = length;
            }
            nonEmpty.wake();
            if (length == capacity) {
                nonFull.sleep();
                // A pull on another thread may have made room (and woken the notifier) just before the sleep.
                if (length() < capacity) {
                    nonFull.wake();
                }
            }
        }
        if (accepted < arriving) {
            dropTail(batch, accepted);
        }
    }

    /** Drops packets {@code from..size-1} of {@code batch}, which found the queue full. */
    private void dropTail(PacketBatch batch, int from) {
        if (drops == 0 && capacity > 0) {
            LOG.log(System.Logger.Level.WARNING, name() + ": overflow");
        }
        int dropped = batch.size() - from;
        drops += dropped;
        // The batch is lent for this call: move the dropped packets to its front and send it on or free it.
        Packet[] packets = batch.array();
        System.arraycopy(packets, from, packets, 0, dropped);
        batch.truncate(dropped);
        sendOrFree(batch);
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        long h = (long) HEAD.getOpaque(this);
        int length = (int) ((long) TAIL.getAcquire(this) - h);
        int taken = Math.min(max, length);
        if (taken == 0) {
            emptyPull();
            return 0;
        }
        int start = into.size();
        copyFromRing(h, into.array(), start, taken);
        into.setSize(start + taken);
        HEAD.setRelease(this, h + taken);
        emptyPulls = 0;
        nonFull.wake();
        return taken;
    }

    private void emptyPull() {
        if (emptyPulls + 1 < EMPTY_PULLS_BEFORE_SLEEP) {
            emptyPulls++;
            return;
        }
        nonEmpty.sleep();
        // A push on another thread may have added packets (and woken the notifier) just before the sleep.
        if (length() > 0) {
            nonEmpty.wake();
        }
    }

    /** Copies {@code count} references from {@code source[from..]} into the ring at position {@code at}. */
    private void copyIntoRing(Packet[] source, int from, long at, int count) {
        int slot = (int) (at % capacity);
        int first = Math.min(count, capacity - slot);
        System.arraycopy(source, from, ring, slot, first);
        System.arraycopy(source, from + first, ring, 0, count - first);
    }

    /** Copies {@code count} references from the ring at position {@code at} into {@code target[to..]}. */
    private void copyFromRing(long at, Packet[] target, int to, int count) {
        int slot = (int) (at % capacity);
        int first = Math.min(count, capacity - slot);
        System.arraycopy(ring, slot, target, to, first);
        System.arraycopy(ring, 0, target, to + first, count - first);
    }

    /** Pushes {@code batch} out of the drop output if it is connected; frees its packets otherwise. */
    private void sendOrFree(PacketBatch batch) {
        if (outputCount() > 1 && output(1).isConnected()) {
            output(1).push(batch);
            batch.clear();
        } else {
            batch.killAll();
        }
    }

    /** Takes every packet out of the ring, oldest first, into a list; the queue is empty afterwards. */
    private List<Packet> takeAll() {
        int length = length();
        List<Packet> packets = new ArrayList<>(length);
        long h = (long) HEAD.getOpaque(this);
        for (int i = 0; i < length; i++) {
            int slot = (int) ((h + i) % capacity);
            packets.add(ring[slot]);
            ring[slot] = null;
        }
        HEAD.setRelease(this, h + length);
        return packets;
    }

    /**
     * Starts the ring over with {@code packets}, oldest first, as many as {@code newCapacity} holds; frees the
     * rest and returns how many were freed.
     */
    private int refill(int newCapacity, List<Packet> packets) {
        capacity = newCapacity;
        ring = new Packet[newCapacity];
        int kept = Math.min(newCapacity, packets.size());
        for (int i = 0; i < kept; i++) {
            ring[i] = packets.get(i);
        }
        for (int i = kept; i < packets.size(); i++) {
            packets.get(i).kill();
        }
        HEAD.setRelease(this, 0L);
        TAIL.setRelease(this, (long) kept);
        updateNotifiers();
        return packets.size() - kept;
    }

    private void updateNotifiers() {
        int length = length();
        if (length > 0) {
            nonEmpty.wake();
        }
        if (length < capacity) {
            nonFull.wake();
        } else {
            nonFull.sleep();
        }
    }

    @Override
    public Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY ? nonEmpty : nonFull;
    }

    // ---------------------------------------------------------------- state

    /** Packets in the queue now. */
    public int length() {
        return (int) ((long) TAIL.getAcquire(this) - (long) HEAD.getAcquire(this));
    }

    /** The most packets the queue holds. */
    public int capacity() {
        return capacity;
    }

    /** Packets dropped because the queue was full. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("length", () -> Integer.toString(length()));
        handlers.addRead("highwater_length", () -> Integer.toString(highwaterLength));
        handlers.addReadWrite("capacity", () -> Integer.toString(capacity), this::writeCapacity);
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addWrite("reset_counts", value -> {
            drops = 0;
            highwaterLength = length();
        });
        handlers.addWrite("reset", value -> reset());
    }

    /** The capacity handler: Click reconfigures CAPACITY, so errors read as configuration errors. */
    private void writeCapacity(String value) throws HandlerException {
        Args args = Args.parse(value);
        Integer newCapacity = args.requirePositional("CAPACITY", ArgTypes.UNSIGNED_INT);
        try {
            args.complete();
        } catch (ConfigurationException e) {
            throw new HandlerException(e.getMessage());
        }
        if (newCapacity != capacity) {
            refill(newCapacity, takeAll());
        }
    }

    /** Empties the queue through the drop output (or frees the packets), a batch at a time. */
    private void reset() {
        PacketBatch batch = new PacketBatch();
        while (pull(0, batch, batch.capacity()) > 0) {
            sendOrFree(batch);
        }
    }

    @Override
    public void saveState(ElementState state) {
        state.put("packets", takeAll());
        state.putLong("drops", drops);
        state.putLong("highwater_length", highwaterLength);
    }

    @Override
    public void takeState(ElementState state) {
        @SuppressWarnings("unchecked")
        List<Packet> packets = state.get("packets", List.class);
        if (packets == null) {
            return;
        }
        List<Packet> all = takeAll(); // normally empty: a queue takes state before any packet arrives
        all.addAll(packets);
        int lost = refill(capacity, all);
        if (lost > 0) {
            LOG.log(System.Logger.Level.WARNING, name() + ": some packets lost (old length " + all.size()
                    + ", new capacity " + capacity + ")");
        }
        drops = state.getLong("drops", 0);
        highwaterLength = (int) Math.max(state.getLong("highwater_length", 0), length());
    }

    @Override
    public void cleanup() {
        for (Packet packet : takeAll()) {
            packet.kill();
        }
    }
}
