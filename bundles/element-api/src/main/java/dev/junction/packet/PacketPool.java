package dev.junction.packet;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of packets whose buffers are cut from one block of native memory, built once at start.
 *
 * <p>Nothing is allocated per packet: taking a packet pops it from a free stack, killing it pushes it back.
 * When the pool is empty, {@link #allocate()} returns {@code null} and counts a drop: the source drops the
 * packet it could not build, as a NIC does when its ring has no buffers; there is no exception and no wait.
 *
 * <p>Any thread may take and give back packets. The free stack is guarded by a spin lock that is held for a
 * few instructions; the batch operations take it once per batch, which is how the fast path uses the pool.
 *
 * <p>Drivers that need buffers in memory they chose (huge pages with known physical addresses, a region
 * shared with a device or a vhost-user backend) build the pool {@linkplain #over over that memory}: buffer
 * {@code i} starts at {@code i * bufferSize()} in {@link #memory()}.
 */
public final class PacketPool implements AutoCloseable {
    /** Default buffer size: a 1500-byte frame plus generous headroom, rounded to a power of two. */
    public static final int DEFAULT_BUFFER_SIZE = 2048;

    /** Default headroom: enough for the deepest tunnel stack Junction builds. */
    public static final int DEFAULT_HEADROOM = 128;

    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(PacketPool.class, "lock", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Arena arena;
    private final MemorySegment memory;
    private final int bufferSize;
    private final int headroom;
    private final Packet[] freeStack;
    private int freeCount;
    private long drops;
    @SuppressWarnings("unused") // accessed through LOCK
    private volatile int lock;

    private PacketPool(String name, Arena arena, MemorySegment memory, int count, int bufferSize, int headroom) {
        if (headroom < 0 || headroom > bufferSize) {
            throw new IllegalArgumentException("pool '" + name + "': headroom " + headroom
                    + " does not fit in buffers of " + bufferSize + " bytes");
        }
        this.name = name;
        this.arena = arena;
        this.memory = memory;
        this.bufferSize = bufferSize;
        this.headroom = headroom;
        this.freeStack = new Packet[count];
        for (int i = 0; i < count; i++) {
            freeStack[i] = new Packet(this, i, memory.asSlice((long) i * bufferSize, bufferSize));
        }
        this.freeCount = count;
    }

    /**
     * Creates a pool of {@code count} packets with buffers of {@code bufferSize} bytes, of which
     * {@code headroom} come before the data of a fresh packet. The memory is released by {@link #close()}.
     */
    public static PacketPool create(String name, int count, int bufferSize, int headroom) {
        if (count < 1 || bufferSize < 1) {
            throw new IllegalArgumentException("pool '" + name + "' needs at least one buffer of at least one byte, not "
                    + count + " of " + bufferSize);
        }
        Arena arena = Arena.ofShared();
        MemorySegment memory = arena.allocate((long) count * bufferSize, 64);
        return new PacketPool(name, arena, memory, count, bufferSize, headroom);
    }

    /** Creates a pool of {@code count} packets with the default buffer size and headroom. */
    public static PacketPool create(String name, int count) {
        return create(name, count, DEFAULT_BUFFER_SIZE, DEFAULT_HEADROOM);
    }

    /**
     * Creates a pool whose buffers are cut from {@code memory}, which the caller owns and keeps alive for the
     * pool's life: as many buffers of {@code bufferSize} bytes as it holds.
     */
    public static PacketPool over(String name, MemorySegment memory, int bufferSize, int headroom) {
        long count = memory.byteSize() / bufferSize;
        if (bufferSize < 1 || count < 1 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pool '" + name + "': " + memory.byteSize()
                    + " bytes of memory do not hold a usable number of " + bufferSize + "-byte buffers");
        }
        return new PacketPool(name, null, memory, (int) count, bufferSize, headroom);
    }

    /** The pool's name, used in messages and statistics. */
    public String name() {
        return name;
    }

    /** Total number of packets. */
    public int capacity() {
        return freeStack.length;
    }

    /** Number of packets in the pool now. */
    public int available() {
        lock();
        try {
            return freeCount;
        } finally {
            unlock();
        }
    }

    /** Size of each packet's buffer in bytes. */
    public int bufferSize() {
        return bufferSize;
    }

    /** Headroom of a freshly allocated packet. */
    public int headroom() {
        return headroom;
    }

    /** Number of allocations refused because the pool was empty. */
    public long drops() {
        lock();
        try {
            return drops;
        } finally {
            unlock();
        }
    }

    /** The block of memory all buffers are cut from. */
    public MemorySegment memory() {
        return memory;
    }

    /**
     * Takes a packet with the default headroom, no data and no annotations; returns {@code null} and counts a
     * drop when the pool is empty.
     */
    public Packet allocate() {
        Packet packet;
        lock();
        try {
            if (freeCount == 0) {
                drops++;
                return null;
            }
            packet = freeStack[--freeCount];
        } finally {
            unlock();
        }
        packet.reset(headroom);
        return packet;
    }

    /**
     * Appends up to {@code count} fresh packets to {@code batch} (no more than it has room for) under one lock,
     * and returns how many were appended. Packets the pool could not supply are counted as drops.
     */
    public int allocate(PacketBatch batch, int count) {
        int wanted = Math.min(count, batch.remaining());
        if (wanted <= 0) {
            return 0;
        }
        Packet[] target = batch.array();
        int base = batch.size();
        int taken;
        lock();
        try {
            taken = Math.min(wanted, freeCount);
            freeCount -= taken;
            System.arraycopy(freeStack, freeCount, target, base, taken);
            drops += wanted - taken;
        } finally {
            unlock();
        }
        for (int i = base; i < base + taken; i++) {
            target[i].reset(headroom);
        }
        batch.setSize(base + taken);
        return taken;
    }

    /** Gives one packet back; see {@link Packet#kill()}. */
    void recycle(Packet packet) {
        lock();
        try {
            if (packet.free) {
                throw new PacketException("packet freed twice (pool '" + name + "')");
            }
            packet.release();
            freeStack[freeCount++] = packet;
        } finally {
            unlock();
        }
    }

    /**
     * Gives back {@code packets[from..to)}, all of which belong to this pool, under one lock. A packet that is
     * already free is skipped and reported after the others are back, so a double free never loses buffers.
     */
    void recycle(Packet[] packets, int from, int to) {
        int doubleFrees = 0;
        lock();
        try {
            for (int i = from; i < to; i++) {
                Packet packet = packets[i];
                if (packet.free) {
                    doubleFrees++;
                    continue;
                }
                packet.release();
                freeStack[freeCount++] = packet;
            }
        } finally {
            unlock();
        }
        if (doubleFrees > 0) {
            throw new PacketException(doubleFrees + " packet(s) freed twice (pool '" + name + "')");
        }
    }

    private void lock() {
        while (!LOCK.weakCompareAndSetAcquire(this, 0, 1)) {
            Thread.onSpinWait();
        }
    }

    private void unlock() {
        LOCK.setRelease(this, 0);
    }

    /**
     * Releases the pool's memory if the pool allocated it. Packets must not be used afterwards: any access
     * to them then fails with {@link IllegalStateException} from the memory API.
     */
    @Override
    public void close() {
        if (arena != null) {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "PacketPool[" + name + ", " + capacity() + " x " + bufferSize + " bytes]";
    }
}
