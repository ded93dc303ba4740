package dev.junction.packet;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A packet: a buffer of native memory owned by a {@link PacketPool}, the window of it that holds the
 * packet's data, and Click's annotations.
 *
 * <p>The buffer is laid out as headroom, data, tailroom. {@link #push(int)} and {@link #pull(int)} move the
 * front of the data (to add or strip headers), {@link #put(int)} and {@link #take(int)} move its end. All
 * offsets taken by the accessors count from the first data byte, and every access is checked against the
 * data's bounds: misuse raises {@link PacketException} before any memory is touched. Multi-byte accessors are
 * big-endian (network order) and need no alignment.
 *
 * <p><b>Ownership.</b> Exactly one element owns a packet at a time. Handing a packet to the next element (in a
 * {@link PacketBatch}) gives it away; {@link #kill()} gives it back to its pool. A packet returned to its pool
 * has no data, so a stale reference fails on its next access (until the pool hands the object out again).
 *
 * <p><b>Clones copy.</b> {@link #copy()} takes a fresh packet from the pool and copies data and annotations.
 * Junction does not share data between packets: with no copy-on-write there is no "is this buffer shared?"
 * check on any write, and a copy of a small packet costs less than the reference counting it replaces.
 *
 * <p>Packets are not thread-safe; a queue between threads hands them over with the needed memory ordering.
 */
public final class Packet {
    /** Number of user annotation words ({@link #userWord(int)}). */
    public static final int USER_WORDS = 4;

    /** Value of a header annotation that has not been set. */
    public static final int NO_HEADER = Integer.MIN_VALUE;

    // Network byte order, no alignment: the layouts of every multi-byte access (Checksums uses them too).
    static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final PacketPool pool;
    private final int index;
    private final MemorySegment buffer;
    private final int capacity;

    // Data window: [data, end) within buffer.
    private int data;
    private int end;
    boolean free;

    // Header annotations are buffer offsets, so push and pull leave them in place (as Click's pointers).
    private int macHeader = NO_HEADER;
    private int networkHeader = NO_HEADER;
    private int transportHeader = NO_HEADER;

    private int dstIp;
    private int paint;
    private long timestampNanos;
    private int vlanTci;
    private int inputPort;
    private PacketType packetType = PacketType.HOST;
    private final long[] userWords = new long[USER_WORDS];

    Packet(PacketPool pool, int index, MemorySegment buffer) {
        this.pool = pool;
        this.index = index;
        this.buffer = buffer;
        this.capacity = (int) buffer.byteSize();
        this.free = true;
    }

    // ---------------------------------------------------------------- bounds

    /** Number of data bytes. */
    public int length() {
        return end - data;
    }

    /** Bytes free before the data, available to {@link #push(int)}. */
    public int headroom() {
        return data;
    }

    /** Bytes free after the data, available to {@link #put(int)}. */
    public int tailroom() {
        return capacity - end;
    }

    /** Size of the whole buffer: headroom + length + tailroom. */
    public int capacity() {
        return capacity;
    }

    /** Adds {@code bytes} bytes at the front of the data (Click's {@code push}); their content is undefined. */
    public void push(int bytes) {
        if (bytes < 0 || bytes > data || free) {
            throw new PacketException(free ? freeMessage("push") : "push of " + bytes + " bytes exceeds headroom of " + data);
        }
        data -= bytes;
    }

    /** Removes {@code bytes} bytes from the front of the data (Click's {@code pull}). */
    public void pull(int bytes) {
        if (bytes < 0 || bytes > end - data) {
            throw new PacketException(free ? freeMessage("pull") : "pull of " + bytes + " bytes exceeds length of " + length());
        }
        data += bytes;
    }

    /** Adds {@code bytes} bytes at the end of the data (Click's {@code put}); their content is undefined. */
    public void put(int bytes) {
        if (bytes < 0 || bytes > capacity - end || free) {
            throw new PacketException(free ? freeMessage("put") : "put of " + bytes + " bytes exceeds tailroom of " + tailroom());
        }
        end += bytes;
    }

    /** Removes {@code bytes} bytes from the end of the data (Click's {@code take}). */
    public void take(int bytes) {
        if (bytes < 0 || bytes > end - data) {
            throw new PacketException(free ? freeMessage("take") : "take of " + bytes + " bytes exceeds length of " + length());
        }
        end -= bytes;
    }

    /**
     * Places the data window explicitly: {@code headroom} bytes before it and {@code length} bytes of data.
     * Sources and drivers use it to lay out a packet they fill.
     */
    public void setWindow(int headroom, int length) {
        if (headroom < 0 || length < 0 || headroom > capacity - length || free) {
            throw new PacketException(free ? freeMessage("setWindow")
                    : "window of headroom " + headroom + " and length " + length + " exceeds capacity " + capacity);
        }
        data = headroom;
        end = headroom + length;
    }

    private void check(int offset, int size) {
        // One unsigned-style comparison pair the JIT hoists out of loops; the throw path is out of line.
        if (offset < 0 || offset > end - data - size) {
            throw outOfBounds(offset, size);
        }
    }

    private PacketException outOfBounds(int offset, int size) {
        if (free) {
            return new PacketException(freeMessage("access"));
        }
        return new PacketException("access of " + size + " bytes at offset " + offset
                + " is outside packet data of length " + length());
    }

    private String freeMessage(String operation) {
        return operation + " on a packet that was returned to pool '" + pool.name() + "'";
    }

    // ---------------------------------------------------------------- accessors

    /** Reads the byte at {@code offset} as a signed value. */
    public byte getByte(int offset) {
        check(offset, 1);
        return buffer.get(ValueLayout.JAVA_BYTE, data + offset);
    }

    /** Reads the byte at {@code offset} as a value from 0 to 255. */
    public int getUnsignedByte(int offset) {
        return Byte.toUnsignedInt(getByte(offset));
    }

    /** Reads a big-endian 16-bit value at {@code offset} as a value from 0 to 65535. */
    public int getUnsignedShort(int offset) {
        check(offset, 2);
        return Short.toUnsignedInt(buffer.get(SHORT_BE, data + offset));
    }

    /** Reads a big-endian 32-bit value at {@code offset}. */
    public int getInt(int offset) {
        check(offset, 4);
        return buffer.get(INT_BE, data + offset);
    }

    /** Reads a big-endian 32-bit value at {@code offset} as an unsigned value. */
    public long getUnsignedInt(int offset) {
        return Integer.toUnsignedLong(getInt(offset));
    }

    /** Reads a big-endian 48-bit value (an Ethernet address) at {@code offset} into the low bits of a long. */
    public long getUnsigned48(int offset) {
        check(offset, 6);
        long high = Short.toUnsignedLong(buffer.get(SHORT_BE, data + offset));
        return high << 32 | Integer.toUnsignedLong(buffer.get(INT_BE, data + offset + 2));
    }

    /** Reads a big-endian 64-bit value at {@code offset}. */
    public long getLong(int offset) {
        check(offset, 8);
        return buffer.get(LONG_BE, data + offset);
    }

    /** Writes the low 8 bits of {@code value} at {@code offset}. */
    public void setByte(int offset, int value) {
        check(offset, 1);
        buffer.set(ValueLayout.JAVA_BYTE, data + offset, (byte) value);
    }

    /** Writes the low 16 bits of {@code value} big-endian at {@code offset}. */
    public void setShort(int offset, int value) {
        check(offset, 2);
        buffer.set(SHORT_BE, data + offset, (short) value);
    }

    /** Writes {@code value} big-endian at {@code offset}. */
    public void setInt(int offset, int value) {
        check(offset, 4);
        buffer.set(INT_BE, data + offset, value);
    }

    /** Writes the low 48 bits of {@code value} (an Ethernet address) big-endian at {@code offset}. */
    public void setUnsigned48(int offset, long value) {
        check(offset, 6);
        buffer.set(SHORT_BE, data + offset, (short) (value >>> 32));
        buffer.set(INT_BE, data + offset + 2, (int) value);
    }

    /** Writes {@code value} big-endian at {@code offset}. */
    public void setLong(int offset, long value) {
        check(offset, 8);
        buffer.set(LONG_BE, data + offset, value);
    }

    /** Copies {@code length} bytes from {@code source[sourceOffset]} into the data at {@code offset}. */
    public void setBytes(int offset, byte[] source, int sourceOffset, int length) {
        check(offset, length);
        MemorySegment.copy(source, sourceOffset, buffer, ValueLayout.JAVA_BYTE, data + offset, length);
    }

    /** Copies {@code length} data bytes at {@code offset} into {@code target[targetOffset]}. */
    public void getBytes(int offset, byte[] target, int targetOffset, int length) {
        check(offset, length);
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, data + offset, target, targetOffset, length);
    }

    /** Copies {@code length} bytes from {@code source} at {@code sourceOffset} into the data at {@code offset}. */
    public void setBytes(int offset, MemorySegment source, long sourceOffset, int length) {
        check(offset, length);
        MemorySegment.copy(source, sourceOffset, buffer, data + offset, length);
    }

    /** Copies {@code length} data bytes at {@code offset} into {@code target} at {@code targetOffset}. */
    public void getBytes(int offset, MemorySegment target, long targetOffset, int length) {
        check(offset, length);
        MemorySegment.copy(buffer, data + offset, target, targetOffset, length);
    }

    /** Sets {@code length} data bytes at {@code offset} to {@code value}. */
    public void fill(int offset, int length, int value) {
        check(offset, length);
        // Eight bytes at a time, then the rest: no slice of the buffer, so nothing is allocated even before the
        // JIT's escape analysis would remove a slice.
        long pattern = (value & 0xffL) * 0x0101010101010101L;
        long at = data + offset;
        long end = at + length;
        for (; at + 8 <= end; at += 8) {
            buffer.set(ValueLayout.JAVA_LONG_UNALIGNED, at, pattern);
        }
        for (; at < end; at++) {
            buffer.set(ValueLayout.JAVA_BYTE, at, (byte) value);
        }
    }

    /** Returns a copy of the data as a new array (for tests and the slow path; it allocates). */
    public byte[] toByteArray() {
        byte[] bytes = new byte[length()];
        getBytes(0, bytes, 0, bytes.length);
        return bytes;
    }

    /**
     * This packet's whole buffer, for drivers and bulk copies. It covers exactly this packet's buffer, so even
     * unchecked use cannot reach another packet's memory. Data starts at {@link #dataOffset()}.
     */
    public MemorySegment buffer() {
        return buffer;
    }

    /** Offset of the first data byte within {@link #buffer()}. */
    public int dataOffset() {
        return data;
    }

    /** The pool this packet belongs to. */
    public PacketPool pool() {
        return pool;
    }

    /** Index of this packet's buffer in its pool (buffer {@code i} starts at {@code i * bufferSize}). */
    public int bufferIndex() {
        return index;
    }

    // ---------------------------------------------------------------- header annotations

    /** Marks the MAC header as starting {@code offset} bytes into the data (it may be negative after a pull). */
    public void setMacHeader(int offset) {
        macHeader = data + offset;
    }

    /**
     * Marks the network header as starting at {@code offset} and being {@code headerLength} bytes long, so
     * that the transport header follows it (Click's {@code set_network_header}).
     */
    public void setNetworkHeader(int offset, int headerLength) {
        networkHeader = data + offset;
        transportHeader = networkHeader + headerLength;
    }

    /** Marks the transport header as starting {@code offset} bytes into the data. */
    public void setTransportHeader(int offset) {
        transportHeader = data + offset;
    }

    /** Offset of the MAC header relative to the data, or {@link #NO_HEADER}. */
    public int macHeaderOffset() {
        return macHeader == NO_HEADER ? NO_HEADER : macHeader - data;
    }

    /** Offset of the network header relative to the data, or {@link #NO_HEADER}. */
    public int networkHeaderOffset() {
        return networkHeader == NO_HEADER ? NO_HEADER : networkHeader - data;
    }

    /** Offset of the transport header relative to the data, or {@link #NO_HEADER}. */
    public int transportHeaderOffset() {
        return transportHeader == NO_HEADER ? NO_HEADER : transportHeader - data;
    }

    /** Length of the network header as last marked, or {@link #NO_HEADER}. */
    public int networkHeaderLength() {
        return networkHeader == NO_HEADER || transportHeader == NO_HEADER ? NO_HEADER : transportHeader - networkHeader;
    }

    /** Whether a network header has been marked. */
    public boolean hasNetworkHeader() {
        return networkHeader != NO_HEADER;
    }

    /** Whether a MAC header has been marked. */
    public boolean hasMacHeader() {
        return macHeader != NO_HEADER;
    }

    /** Forgets all header marks. */
    public void clearHeaders() {
        macHeader = NO_HEADER;
        networkHeader = NO_HEADER;
        transportHeader = NO_HEADER;
    }

    // ---------------------------------------------------------------- Click annotations

    /** Destination IPv4 address annotation (Click's {@code DST_IP_ANNO}), as a big-endian int. */
    public int dstIp() {
        return dstIp;
    }

    /** Sets the destination IPv4 address annotation. */
    public void setDstIp(int address) {
        dstIp = address;
    }

    /** Paint annotation (Click's {@code PAINT_ANNO}), 0 to 255. */
    public int paint() {
        return paint;
    }

    /** Sets the paint annotation; only the low 8 bits are kept, as in Click. */
    public void setPaint(int color) {
        paint = color & 0xff;
    }

    /** Timestamp annotation in nanoseconds of the router's clock (0 when unset). */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** Sets the timestamp annotation. */
    public void setTimestampNanos(long nanos) {
        timestampNanos = nanos;
    }

    /** VLAN tag control information annotation (Click's {@code VLAN_TCI_ANNO}), 16 bits. */
    public int vlanTci() {
        return vlanTci;
    }

    /** Sets the VLAN TCI annotation; only the low 16 bits are kept. */
    public void setVlanTci(int tci) {
        vlanTci = tci & 0xffff;
    }

    /** Input port annotation: the device or port number the packet arrived on. */
    public int inputPort() {
        return inputPort;
    }

    /** Sets the input port annotation. */
    public void setInputPort(int port) {
        inputPort = port;
    }

    /** Link-level packet type annotation (Click's {@code PACKET_TYPE_ANNO}). */
    public PacketType packetType() {
        return packetType;
    }

    /** Sets the link-level packet type annotation. */
    public void setPacketType(PacketType type) {
        packetType = type;
    }

    /** User annotation word {@code index} (0 to {@link #USER_WORDS} - 1), for elements to pass values along. */
    public long userWord(int index) {
        return userWords[index];
    }

    /** Sets user annotation word {@code index}. */
    public void setUserWord(int index, long value) {
        userWords[index] = value;
    }

    /** Copies every annotation, header marks included (relative to the data), from {@code other}. */
    public void copyAnnotations(Packet other) {
        macHeader = other.macHeader == NO_HEADER ? NO_HEADER : data + (other.macHeader - other.data);
        networkHeader = other.networkHeader == NO_HEADER ? NO_HEADER : data + (other.networkHeader - other.data);
        transportHeader = other.transportHeader == NO_HEADER ? NO_HEADER : data + (other.transportHeader - other.data);
        dstIp = other.dstIp;
        paint = other.paint;
        timestampNanos = other.timestampNanos;
        vlanTci = other.vlanTci;
        inputPort = other.inputPort;
        packetType = other.packetType;
        System.arraycopy(other.userWords, 0, userWords, 0, USER_WORDS);
    }

    /** Resets every annotation to its initial value. */
    public void clearAnnotations() {
        clearHeaders();
        dstIp = 0;
        paint = 0;
        timestampNanos = 0;
        vlanTci = 0;
        inputPort = 0;
        packetType = PacketType.HOST;
        for (int i = 0; i < USER_WORDS; i++) {
            userWords[i] = 0;
        }
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * Returns a copy of this packet (same headroom, data and annotations) taken from the same pool, or
     * {@code null} if the pool is empty (counted as a drop by the pool).
     */
    public Packet copy() {
        Packet copy = pool.allocate();
        if (copy == null) {
            return null;
        }
        copy.data = data;
        copy.end = end;
        MemorySegment.copy(buffer, data, copy.buffer, data, end - data);
        copy.copyAnnotations(this);
        return copy;
    }

    /** Gives this packet back to its pool (Click's {@code kill}). Freeing a packet twice raises PacketException. */
    public void kill() {
        pool.recycle(this);
    }

    /** Whether this packet is in its pool (not owned by any element). */
    public boolean isFree() {
        return free;
    }

    /** Prepares a packet leaving the pool: default headroom, no data, no annotations. */
    void reset(int headroom) {
        free = false;
        data = headroom;
        end = headroom;
        clearAnnotations();
    }

    /** Marks a packet entering the pool; an empty window makes stale accesses fail. */
    void release() {
        free = true;
        data = 0;
        end = 0;
    }

    @Override
    public String toString() {
        return free ? "Packet[free, pool " + pool.name() + "]"
                : "Packet[length " + length() + ", headroom " + headroom() + ", tailroom " + tailroom() + "]";
    }
}
