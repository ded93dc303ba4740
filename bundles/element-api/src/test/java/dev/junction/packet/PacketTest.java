package dev.junction.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacketTest {
    private PacketPool pool;

    @BeforeEach
    void createPool() {
        pool = PacketPool.create("test", 8, 256, 128);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private Packet packetOfLength(int length) {
        Packet packet = pool.allocate();
        packet.put(length);
        return packet;
    }

    @Test
    void freshPacketHasDefaultHeadroomAndNoData() {
        Packet packet = pool.allocate();
        assertEquals(0, packet.length());
        assertEquals(128, packet.headroom());
        assertEquals(128, packet.tailroom());
        assertEquals(256, packet.capacity());
        assertFalse(packet.isFree());
    }

    @Test
    void pushAndPullMoveTheFront() {
        Packet packet = packetOfLength(20);
        packet.push(14);
        assertEquals(34, packet.length());
        assertEquals(114, packet.headroom());
        packet.pull(34);
        assertEquals(0, packet.length());
        assertEquals(148, packet.headroom());
    }

    @Test
    void pushToExactlyTheHeadroomWorksAndOneMoreFails() {
        Packet packet = packetOfLength(10);
        packet.push(128);
        assertEquals(0, packet.headroom());
        PacketException e = assertThrows(PacketException.class, () -> packet.push(1));
        assertEquals("push of 1 bytes exceeds headroom of 0", e.getMessage());
        assertEquals(138, packet.length(), "a failed push changes nothing");
    }

    @Test
    void pullPastTheDataFails() {
        Packet packet = packetOfLength(10);
        assertThrows(PacketException.class, () -> packet.pull(11));
        packet.pull(10);
        assertEquals(0, packet.length());
    }

    @Test
    void putAndTakeMoveTheEnd() {
        Packet packet = packetOfLength(0);
        packet.put(128);
        assertEquals(0, packet.tailroom());
        assertThrows(PacketException.class, () -> packet.put(1));
        packet.take(100);
        assertEquals(28, packet.length());
        assertThrows(PacketException.class, () -> packet.take(29));
    }

    @Test
    void negativeAmountsAreRejected() {
        Packet packet = packetOfLength(10);
        assertThrows(PacketException.class, () -> packet.push(-1));
        assertThrows(PacketException.class, () -> packet.pull(-1));
        assertThrows(PacketException.class, () -> packet.put(-1));
        assertThrows(PacketException.class, () -> packet.take(-1));
        assertEquals(10, packet.length());
    }

    @Test
    void accessorsAreBigEndianAndRoundTrip() {
        Packet packet = packetOfLength(32);
        packet.setInt(0, 0x01020304);
        assertEquals(1, packet.getUnsignedByte(0));
        assertEquals(4, packet.getUnsignedByte(3));
        assertEquals(0x0102, packet.getUnsignedShort(0));
        packet.setShort(4, 0xfffe);
        assertEquals(0xfffe, packet.getUnsignedShort(4));
        packet.setByte(6, 0x80);
        assertEquals((byte) 0x80, packet.getByte(6));
        assertEquals(0x80, packet.getUnsignedByte(6));
        packet.setInt(8, 0xdeadbeef);
        assertEquals(0xdeadbeefL, packet.getUnsignedInt(8));
        packet.setLong(12, 0x1122334455667788L);
        assertEquals(0x11, packet.getUnsignedByte(12));
        assertEquals(0x1122334455667788L, packet.getLong(12));
        packet.setUnsigned48(20, 0x0000_a1b2_c3d4_e5f6L);
        assertEquals(0xa1b2c3d4e5f6L, packet.getUnsigned48(20));
        assertEquals(0xa1, packet.getUnsignedByte(20));
        assertEquals(0xf6, packet.getUnsignedByte(25));
    }

    @Test
    void accessorsWorkAtTheLastValidOffsetAndFailOnePast() {
        Packet packet = packetOfLength(16);
        packet.setLong(8, -1L);
        assertEquals(-1L, packet.getLong(8));
        assertThrows(PacketException.class, () -> packet.getLong(9));
        packet.setInt(12, 7);
        assertThrows(PacketException.class, () -> packet.setInt(13, 7));
        packet.setShort(14, 7);
        assertThrows(PacketException.class, () -> packet.getUnsignedShort(15));
        packet.setByte(15, 7);
        assertThrows(PacketException.class, () -> packet.getByte(16));
        assertThrows(PacketException.class, () -> packet.getByte(-1));
        assertThrows(PacketException.class, () -> packet.getUnsigned48(11));
        PacketException e = assertThrows(PacketException.class, () -> packet.getInt(14));
        assertEquals("access of 4 bytes at offset 14 is outside packet data of length 16", e.getMessage());
    }

    @Test
    void accessesCannotReachTheHeadroomOrTailroom() {
        Packet packet = packetOfLength(4);
        assertThrows(PacketException.class, () -> packet.getInt(-4), "headroom is not data");
        assertThrows(PacketException.class, () -> packet.getInt(4), "tailroom is not data");
        assertThrows(PacketException.class, () -> packet.getInt(Integer.MAX_VALUE - 1), "no overflow");
        assertThrows(PacketException.class, () -> packet.getInt(Integer.MIN_VALUE));
    }

    @Test
    void pushedBytesBecomeAddressableAtOffsetZero() {
        Packet packet = packetOfLength(4);
        packet.setInt(0, 0xcafebabe);
        packet.push(2);
        packet.setShort(0, 0x1234);
        assertEquals(0x1234cafe, packet.getInt(0));
        packet.pull(2);
        assertEquals(0xcafebabe, packet.getInt(0));
    }

    @Test
    void byteArrayAndSegmentCopies() {
        Packet packet = packetOfLength(8);
        packet.setBytes(2, new byte[] {9, 8, 7, 6}, 1, 3);
        byte[] out = new byte[3];
        packet.getBytes(2, out, 0, 3);
        assertArrayEquals(new byte[] {8, 7, 6}, out);
        assertThrows(PacketException.class, () -> packet.setBytes(6, new byte[4], 0, 4));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(8);
            segment.set(ValueLayout.JAVA_BYTE, 0, (byte) 42);
            packet.setBytes(0, segment, 0, 8);
            assertEquals(42, packet.getUnsignedByte(0));
            MemorySegment back = arena.allocate(8);
            packet.getBytes(0, back, 0, 8);
            assertEquals(42, back.get(ValueLayout.JAVA_BYTE, 0));
            assertThrows(PacketException.class, () -> packet.getBytes(1, back, 0, 8));
        }
        packet.fill(0, 8, 0xee);
        assertArrayEquals(new byte[] {-18, -18, -18, -18, -18, -18, -18, -18}, packet.toByteArray());
        assertThrows(PacketException.class, () -> packet.fill(1, 8, 0));
    }

    @Test
    void setWindowPlacesDataAndChecksCapacity() {
        Packet packet = pool.allocate();
        packet.setWindow(10, 246);
        assertEquals(10, packet.headroom());
        assertEquals(246, packet.length());
        assertEquals(0, packet.tailroom());
        assertThrows(PacketException.class, () -> packet.setWindow(11, 246));
        assertThrows(PacketException.class, () -> packet.setWindow(-1, 1));
    }

    @Test
    void writesNeverReachANeighbouringBuffer() {
        Packet first = packetOfLength(0);
        Packet second = packetOfLength(0);
        second.put(128);
        second.fill(0, 128, 0x55);
        first.put(128);
        assertThrows(PacketException.class, () -> first.setLong(125, -1L));
        assertThrows(PacketException.class, () -> first.push(129));
        assertEquals(256, first.buffer().byteSize(), "raw buffer covers only this packet");
        for (int i = 0; i < 128; i++) {
            assertEquals(0x55, second.getUnsignedByte(i));
        }
    }

    @Test
    void headerAnnotationsSurvivePushAndPull() {
        Packet packet = packetOfLength(60);
        assertFalse(packet.hasNetworkHeader());
        assertEquals(Packet.NO_HEADER, packet.networkHeaderOffset());
        packet.setMacHeader(0);
        packet.setNetworkHeader(14, 20);
        assertEquals(34, packet.transportHeaderOffset());
        assertEquals(20, packet.networkHeaderLength());
        packet.pull(14);
        assertEquals(-14, packet.macHeaderOffset());
        assertEquals(0, packet.networkHeaderOffset());
        assertEquals(20, packet.transportHeaderOffset());
        packet.push(14);
        assertEquals(14, packet.networkHeaderOffset());
        packet.setTransportHeader(40);
        assertEquals(26, packet.networkHeaderLength());
        packet.clearHeaders();
        assertFalse(packet.hasMacHeader());
        assertEquals(Packet.NO_HEADER, packet.transportHeaderOffset());
    }

    @Test
    void clickAnnotations() {
        Packet packet = packetOfLength(0);
        packet.setDstIp(0xc6120001);
        packet.setPaint(0x1ff);
        packet.setTimestampNanos(123);
        packet.setVlanTci(0x1_2345);
        packet.setInputPort(3);
        packet.setPacketType(PacketType.BROADCAST);
        packet.setUserWord(Packet.USER_WORDS - 1, 99);
        assertEquals(0xc6120001, packet.dstIp());
        assertEquals(0xff, packet.paint(), "paint is one byte, as in Click");
        assertEquals(123, packet.timestampNanos());
        assertEquals(0x2345, packet.vlanTci());
        assertEquals(3, packet.inputPort());
        assertEquals(PacketType.BROADCAST, packet.packetType());
        assertEquals(99, packet.userWord(3));
        assertThrows(IndexOutOfBoundsException.class, () -> packet.userWord(Packet.USER_WORDS));
        packet.clearAnnotations();
        assertEquals(0, packet.dstIp());
        assertEquals(PacketType.HOST, packet.packetType());
        assertEquals(0, packet.userWord(3));
    }

    @Test
    void reallocatedPacketHasNoStaleAnnotations() {
        Packet packet = packetOfLength(10);
        packet.setPaint(7);
        packet.setNetworkHeader(0, 20);
        packet.kill();
        Packet again = pool.allocate();
        assertEquals(0, again.paint());
        assertFalse(again.hasNetworkHeader());
        assertEquals(0, again.length());
    }

    @Test
    void copyDuplicatesDataAndAnnotationsIntoAnotherBuffer() {
        Packet original = packetOfLength(20);
        original.pull(4);
        original.setInt(0, 0x0a0b0c0d);
        original.setNetworkHeader(0, 12);
        original.setPaint(5);
        Packet copy = original.copy();
        assertNotNull(copy);
        assertNotSame(original, copy);
        assertEquals(original.length(), copy.length());
        assertEquals(original.headroom(), copy.headroom());
        assertEquals(0x0a0b0c0d, copy.getInt(0));
        assertEquals(12, copy.transportHeaderOffset());
        assertEquals(5, copy.paint());
        copy.setInt(0, 0);
        assertEquals(0x0a0b0c0d, original.getInt(0), "a copy does not share data");
    }

    @Test
    void copyFromAnEmptyPoolReturnsNullAndCountsADrop() {
        Packet original = packetOfLength(4);
        while (pool.allocate() != null) {
            // drain the pool
        }
        long drops = pool.drops();
        assertEquals(null, original.copy());
        assertEquals(drops + 1, pool.drops());
    }

    @Test
    void useAfterFreeAndDoubleFreeAreReported() {
        Packet packet = packetOfLength(10);
        packet.kill();
        assertTrue(packet.isFree());
        PacketException access = assertThrows(PacketException.class, () -> packet.getByte(0));
        assertEquals("access on a packet that was returned to pool 'test'", access.getMessage());
        assertThrows(PacketException.class, () -> packet.push(1));
        assertThrows(PacketException.class, () -> packet.put(1));
        assertThrows(PacketException.class, () -> packet.setWindow(0, 1));
        PacketException twice = assertThrows(PacketException.class, packet::kill);
        assertEquals("packet freed twice (pool 'test')", twice.getMessage());
        assertEquals(8, pool.available(), "a double free does not add a buffer twice");
    }
}
