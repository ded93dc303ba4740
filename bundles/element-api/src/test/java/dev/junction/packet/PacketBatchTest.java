package dev.junction.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacketBatchTest {
    private final PacketPool pool = PacketPool.create("batch-test", 16);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void addGetAndCapacityLimits() {
        PacketBatch batch = new PacketBatch(2);
        assertTrue(batch.isEmpty());
        Packet first = pool.allocate();
        batch.add(first);
        batch.add(pool.allocate());
        assertTrue(batch.isFull());
        assertEquals(0, batch.remaining());
        PacketException e = assertThrows(PacketException.class, () -> batch.add(pool.allocate()));
        assertEquals("batch of capacity 2 is full", e.getMessage());
        assertSame(first, batch.get(0));
        assertThrows(PacketException.class, () -> batch.get(2));
        assertThrows(PacketException.class, () -> batch.get(-1));
        assertThrows(PacketException.class, () -> batch.set(2, first));
        assertThrows(IllegalArgumentException.class, () -> new PacketBatch(0));
        assertEquals(PacketBatch.DEFAULT_CAPACITY, new PacketBatch().capacity());
    }

    @Test
    void filterInPlaceWithSetAndTruncate() {
        PacketBatch batch = new PacketBatch(8);
        pool.allocate(batch, 6);
        for (int i = 0; i < 6; i++) {
            batch.get(i).setPaint(i);
        }
        int kept = 0;
        for (int i = 0; i < batch.size(); i++) {
            Packet packet = batch.get(i);
            if (packet.paint() % 2 == 0) {
                batch.set(kept++, packet);
            } else {
                packet.kill();
            }
        }
        batch.truncate(kept);
        assertEquals(3, batch.size());
        assertEquals(4, batch.get(2).paint());
        assertThrows(PacketException.class, () -> batch.truncate(4));
        assertEquals(16 - 3, pool.available());
    }

    @Test
    void takeFromMovesWhatFitsInOrder() {
        PacketBatch source = new PacketBatch(8);
        pool.allocate(source, 5);
        for (int i = 0; i < 5; i++) {
            source.get(i).setPaint(i);
        }
        PacketBatch target = new PacketBatch(3);
        target.add(pool.allocate());
        assertEquals(2, target.takeFrom(source));
        assertEquals(0, target.get(1).paint());
        assertEquals(1, target.get(2).paint());
        assertEquals(3, source.size());
        assertEquals(2, source.get(0).paint(), "what did not fit stays in front, in order");
    }

    @Test
    void removeLastClearAndSetSize() {
        PacketBatch batch = new PacketBatch(4);
        assertNull(batch.removeLast());
        pool.allocate(batch, 2);
        Packet last = batch.get(1);
        assertSame(last, batch.removeLast());
        assertEquals(1, batch.size());
        batch.clear();
        assertTrue(batch.isEmpty());
        assertThrows(PacketException.class, () -> batch.setSize(5));
        batch.array()[0] = last;
        batch.setSize(1);
        assertSame(last, batch.get(0));
    }
}
