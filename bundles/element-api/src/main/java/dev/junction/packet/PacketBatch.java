package dev.junction.packet;

/**
 * The unit of work between elements: an ordered array of packets with a fixed capacity.
 *
 * <p>Batches are allocated once (by an element at initialization, or by the engine) and reused; nothing here
 * allocates. The contract between elements: {@code push(port, batch)} gives away the packets and lends the
 * batch object for the duration of the call. The receiver may filter the batch in place and lend it on
 * downstream; when the call returns, the caller treats the batch as empty and clears it before reuse.
 * A receiver that keeps packets (a queue) copies the references out.
 */
public final class PacketBatch {
    /** Capacity of batches the engine and elements use unless configured otherwise. */
    public static final int DEFAULT_CAPACITY = 32;

    private final Packet[] packets;
    private int size;

    /** Creates an empty batch of {@link #DEFAULT_CAPACITY}. */
    public PacketBatch() {
        this(DEFAULT_CAPACITY);
    }

    /** Creates an empty batch that holds up to {@code capacity} packets. */
    public PacketBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be at least 1, not " + capacity);
        }
        packets = new Packet[capacity];
    }

    /** Number of packets in the batch. */
    public int size() {
        return size;
    }

    /** Maximum number of packets. */
    public int capacity() {
        return packets.length;
    }

    /** Number of packets that can still be added. */
    public int remaining() {
        return packets.length - size;
    }

    /** Whether the batch holds no packets. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether no packet can be added. */
    public boolean isFull() {
        return size == packets.length;
    }

    /** Returns packet {@code index} (0 to size - 1). */
    public Packet get(int index) {
        if (index < 0 || index >= size) {
            throw new PacketException("batch index " + index + " outside size " + size);
        }
        return packets[index];
    }

    /**
     * Replaces packet {@code index} (0 to size - 1). Filtering in place uses it: keep packet {@code i} at
     * position {@code kept++}, then {@link #truncate(int)} to {@code kept}.
     */
    public void set(int index, Packet packet) {
        if (index < 0 || index >= size) {
            throw new PacketException("batch index " + index + " outside size " + size);
        }
        packets[index] = packet;
    }

    /** Appends a packet; appending to a full batch raises PacketException. */
    public void add(Packet packet) {
        if (size == packets.length) {
            throw new PacketException("batch of capacity " + packets.length + " is full");
        }
        packets[size++] = packet;
    }

    /** Removes and returns the last packet, or {@code null} if the batch is empty. */
    public Packet removeLast() {
        return size == 0 ? null : packets[--size];
    }

    /** Keeps only the first {@code newSize} packets, forgetting (not freeing) the rest. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new PacketException("cannot truncate batch of size " + size + " to " + newSize);
        }
        size = newSize;
    }

    /** Forgets every packet without freeing it (the packets were handed on). */
    public void clear() {
        size = 0;
    }

    /**
     * Moves as many packets as fit from the front of {@code source} to the end of this batch, keeping their
     * order; the ones that did not fit stay at the front of {@code source}. Returns the number moved.
     */
    public int takeFrom(PacketBatch source) {
        int moved = Math.min(remaining(), source.size);
        System.arraycopy(source.packets, 0, packets, size, moved);
        size += moved;
        int left = source.size - moved;
        System.arraycopy(source.packets, moved, source.packets, 0, left);
        source.size = left;
        return moved;
    }

    /** Gives every packet back to its pool and empties the batch; consecutive packets of one pool go together. */
    public void killAll() {
        int start = 0;
        while (start < size) {
            PacketPool pool = packets[start].pool();
            int stop = start + 1;
            while (stop < size && packets[stop].pool() == pool) {
                stop++;
            }
            pool.recycle(packets, start, stop);
            start = stop;
        }
        size = 0;
    }

    /** The backing array, for drivers and bulk operations; entries at and past {@link #size()} are stale. */
    public Packet[] array() {
        return packets;
    }

    /** Sets the size after a driver filled {@link #array()} directly. */
    public void setSize(int newSize) {
        if (newSize < 0 || newSize > packets.length) {
            throw new PacketException("batch size " + newSize + " outside capacity " + packets.length);
        }
        size = newSize;
    }

    @Override
    public String toString() {
        return "PacketBatch[" + size + "/" + packets.length + "]";
    }
}
