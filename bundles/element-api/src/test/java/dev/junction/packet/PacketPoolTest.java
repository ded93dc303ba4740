package dev.junction.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PacketPoolTest {
    @Test
    void emptyPoolReturnsNullAndCountsDrops() {
        try (PacketPool pool = PacketPool.create("small", 2)) {
            assertNotNull(pool.allocate());
            assertNotNull(pool.allocate());
            assertNull(pool.allocate());
            assertNull(pool.allocate());
            assertEquals(2, pool.drops());
            assertEquals(0, pool.available());
        }
    }

    @Test
    void everyBufferIsDistinctAndInsideThePoolMemory() {
        try (PacketPool pool = PacketPool.create("distinct", 16, 512, 128)) {
            Set<Long> addresses = Collections.newSetFromMap(new java.util.HashMap<>());
            for (int i = 0; i < 16; i++) {
                Packet packet = pool.allocate();
                long address = packet.buffer().address();
                assertTrue(addresses.add(address));
                assertEquals(pool.memory().address() + (long) packet.bufferIndex() * 512, address);
            }
            assertEquals(16, addresses.size());
        }
    }

    @Test
    void batchAllocationFillsWhatFitsAndCountsTheShortfall() {
        try (PacketPool pool = PacketPool.create("batch", 5)) {
            PacketBatch batch = new PacketBatch(4);
            assertEquals(4, pool.allocate(batch, 10), "limited by the batch's room, which is not a drop");
            assertEquals(0, pool.drops());
            assertEquals(4, batch.size());
            PacketBatch second = new PacketBatch(4);
            assertEquals(1, pool.allocate(second, 3));
            assertEquals(2, pool.drops());
            assertEquals(128, second.get(0).headroom());
            batch.killAll();
            second.killAll();
            assertEquals(5, pool.available());
            assertEquals(0, pool.allocate(batch, 0));
        }
    }

    @Test
    void killAllReturnsPacketsOfSeveralPoolsToTheirOwners() {
        try (PacketPool a = PacketPool.create("a", 4); PacketPool b = PacketPool.create("b", 4)) {
            PacketBatch batch = new PacketBatch(8);
            batch.add(a.allocate());
            batch.add(b.allocate());
            batch.add(b.allocate());
            batch.add(a.allocate());
            batch.killAll();
            assertEquals(0, batch.size());
            assertEquals(4, a.available());
            assertEquals(4, b.available());
        }
    }

    @Test
    void doubleFreeInABatchKeepsTheOthersAndReports() {
        try (PacketPool pool = PacketPool.create("double", 4)) {
            Packet first = pool.allocate();
            Packet second = pool.allocate();
            PacketBatch batch = new PacketBatch(4);
            batch.add(first);
            batch.add(second);
            batch.add(first);
            PacketException e = assertThrows(PacketException.class, batch::killAll);
            assertEquals("1 packet(s) freed twice (pool 'double')", e.getMessage());
            assertEquals(4, pool.available());
        }
    }

    @Test
    void poolOverCallerMemoryCutsBuffersFromIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(4096 + 100);
            PacketPool pool = PacketPool.over("dma", memory, 1024, 64);
            assertEquals(4, pool.capacity(), "a partial last buffer is not used");
            Packet packet = pool.allocate();
            assertEquals(64, packet.headroom());
            assertEquals(memory.address() + packet.bufferIndex() * 1024L, packet.buffer().address());
            pool.close(); // memory belongs to the caller: close must not free it
            packet.put(4);
            packet.setInt(0, 1);
            assertEquals(1, packet.getInt(0));
        }
    }

    @Test
    void invalidShapesAreRejectedWithTheirNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PacketPool.create("bad", 4, 100, 128));
        assertEquals("pool 'bad': headroom 128 does not fit in buffers of 100 bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PacketPool.create("none", 0));
        try (Arena arena = Arena.ofConfined()) {
            assertThrows(IllegalArgumentException.class,
                    () -> PacketPool.over("tiny", arena.allocate(100), 2048, 128));
        }
    }

    @Test
    void concurrentAllocationAndFreeNeverLoseOrDuplicateAPacket() throws Exception {
        try (PacketPool pool = PacketPool.create("shared", 64, 256, 64)) {
            int threads = 4;
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    try {
                        start.await();
                        PacketBatch batch = new PacketBatch(8);
                        for (int round = 0; round < 20_000; round++) {
                            pool.allocate(batch, 8);
                            for (int i = 0; i < batch.size(); i++) {
                                Packet packet = batch.get(i);
                                packet.put(4);
                                packet.setInt(0, round);
                                if (packet.getInt(0) != round) {
                                    throw new AssertionError("packet shared between threads");
                                }
                            }
                            batch.killAll();
                            Packet single = pool.allocate();
                            if (single != null) {
                                single.kill();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                workers[t].start();
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join(60_000);
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertEquals(64, pool.available());
            Set<Packet> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < 64; i++) {
                assertTrue(distinct.add(pool.allocate()));
            }
        }
    }
}
