package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
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

/**
 * What Click's queues share (SimpleQueue, Queue, FrontDropQueue, MixedQueue, ThreadSafeQueue): the ring of
 * packet references, the tail-drop push, the batch pull, the empty and full notifiers, the handlers and the
 * hot-swap state. Subclasses change how packets enter ({@link #push}) and which notifiers they show.
 *
 * <p>The packets sit in a ring of references sized at initialization. One thread may push while another
 * pulls: the pusher alone advances {@code tail}, the puller alone advances {@code head}, and each publishes
 * its index with release semantics after touching the ring, so the packets cross threads safely with one
 * ordered write per batch and no lock.
 */
abstract class QueueBase extends Element {
    static final System.Logger LOG = System.getLogger(QueueBase.class.getName());
    private static final int DEFAULT_CAPACITY = 1000;
    /** Empty pulls in a row after which the empty notifier goes inactive (Click's SLEEPINESS_TRIGGER + 1). */
    private static final int EMPTY_PULLS_BEFORE_SLEEP = 10;
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(QueueBase.class, "head", long.class);
            TAIL = lookup.findVarHandle(QueueBase.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Notifier nonEmpty = new Notifier(NotifierKind.EMPTY, true);
    final Notifier nonFull = new Notifier(NotifierKind.FULL, true);

    int capacity;
    Packet[] ring = new Packet[0];
    // Packets ever taken out and put in; their difference is the length. Only the puller writes head, only
    // the pusher writes tail; both are read and written through HEAD and TAIL.
    @SuppressWarnings("unused")
    private long head;
    @SuppressWarnings("unused")
    private long tail;
    private int emptyPulls;
    long drops;
    int highwaterLength;
    /** Dropped packets on their way out of output 1 (FrontDropQueue, MixedQueue); lent, never kept. */
    PacketBatch dropBatch;

    QueueBase() {
    }

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
            dropBatch = new PacketBatch();
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
    final void dropTail(PacketBatch batch, int from) {
        int dropped = batch.size() - from;
        countDrops(dropped);
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
    final void copyIntoRing(Packet[] source, int from, long at, int count) {
        int slot = (int) (at % capacity);
        int first = Math.min(count, capacity - slot);
        System.arraycopy(source, from, ring, slot, first);
        System.arraycopy(source, from + first, ring, 0, count - first);
    }

    /** Copies {@code count} references from the ring at position {@code at} into {@code target[to..]}. */
    final void copyFromRing(long at, Packet[] target, int to, int count) {
        int slot = (int) (at % capacity);
        int first = Math.min(count, capacity - slot);
        System.arraycopy(ring, slot, target, to, first);
        System.arraycopy(ring, 0, target, to + first, count - first);
    }

    /** Pushes {@code batch} out of the drop output if it is connected; frees its packets otherwise. */
    final void sendOrFree(PacketBatch batch) {
        if (outputCount() > 1 && output(1).isConnected()) {
            output(1).push(batch);
            batch.clear();
        } else {
            batch.killAll();
        }
    }

    /** Takes every packet out of the ring, oldest first, into a list; the queue is empty afterwards. */
    final List<Packet> takeAll() {
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
        int first = keepsNewest() ? packets.size() - kept : 0; // the packets kept run from here
        for (int i = 0; i < kept; i++) {
            ring[i] = packets.get(first + i);
        }
        for (int i = 0; i < packets.size(); i++) {
            if (i < first || i >= first + kept) {
                packets.get(i).kill();
            }
        }
        HEAD.setRelease(this, 0L);
        TAIL.setRelease(this, (long) kept);
        updateNotifiers();
        return packets.size() - kept;
    }

    /** Whether a resize or a hot swap that overflows keeps the newest packets (FrontDropQueue) or the oldest. */
    boolean keepsNewest() {
        return false;
    }

    /** Records a new length after packets arrived: the high-water mark and the empty notifier. */
    final void arrived(int length) {
        if (length > highwaterLength) {
            highwaterLength = length;
        }
        nonEmpty.wake();
    }

    /** Warns once, on the first drop, as Click's queues do; then counts {@code dropped} packets. */
    final void countDrops(int dropped) {
        if (drops == 0 && capacity > 0) {
            LOG.log(System.Logger.Level.WARNING, name() + ": overflow");
        }
        drops += dropped;
    }

    final long headIndex() {
        return (long) HEAD.getOpaque(this);
    }

    final long tailIndex() {
        return (long) TAIL.getOpaque(this);
    }

    final void setHead(long h) {
        HEAD.setRelease(this, h);
    }

    final void setTail(long t) {
        TAIL.setRelease(this, t);
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

    /** Queue's notifiers: both. SimpleQueue shows none, FrontDropQueue and MixedQueue only the empty one. */
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
    void writeCapacity(String value) throws HandlerException {
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
    void reset() {
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

    /** Any of Click's queues takes the packets of any other (all of them cast to SimpleQueue in Click). */
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
