package dev.junction.element;

import static dev.junction.element.StandaloneContext.attach;
import static dev.junction.element.StandaloneContext.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.TestElements.CountingSink;
import dev.junction.element.TestElements.DecByte;
import dev.junction.element.TestElements.DivertPaint3;
import dev.junction.element.TestElements.DropOddPaint;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The performance rule "zero allocation per packet in steady state", checked with the JVM's per-thread
 * allocation counter while batches cross a chain of simple elements that filter, divert and free packets.
 */
class ZeroAllocationTest {
    private static final int PACKETS = 1_000_000;

    @Test
    void aBatchCrossingAChainOfElementsAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        threads.setThreadAllocatedMemoryEnabled(true);

        try (PacketPool pool = PacketPool.create("zero", 1024, 256, 128)) {
            DecByte first = attach(new DecByte(), "first", pool, 1, 1);
            DivertPaint3 divert = attach(new DivertPaint3(), "divert", pool, 1, 2);
            DecByte second = attach(new DecByte(), "second", pool, 1, 1);
            DropOddPaint drop = attach(new DropOddPaint(), "drop", pool, 1, 1);
            CountingSink sink = attach(new CountingSink(), "sink", pool, 1, 0);
            CountingSink errors = attach(new CountingSink(), "errors", pool, 1, 0);
            connect(first, 0, divert, 0);
            connect(divert, 0, second, 0);
            connect(divert, 1, errors, 0);
            connect(second, 0, drop, 0);
            connect(drop, 0, sink, 0);
            PacketBatch batch = new PacketBatch();

            run(pool, first, batch, PACKETS / 4); // warm-up: class loading and one-time growth happen here
            long before = threads.getCurrentThreadAllocatedBytes();
            run(pool, first, batch, PACKETS);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            // Paints cycle 0..4: 3 is diverted to the error port, 1 is dropped, 0, 2 and 4 reach the sink.
            int total = PACKETS + PACKETS / 4;
            assertEquals(total / 5 * 3, sink.packets);
            assertEquals(total / 5, errors.packets);
            assertEquals(1024, pool.available(), "every packet went back to the pool");
            // One allocation per packet would be at least 16 bytes x 1,000,000; the margin only absorbs the
            // counter's own bookkeeping.
            assertTrue(allocated < 1024, "allocated " + allocated + " bytes for " + PACKETS + " packets");
        }
    }

    private static void run(PacketPool pool, DecByte chain, PacketBatch batch, int packets) {
        int painted = 0;
        for (int sent = 0; sent < packets; ) {
            batch.clear();
            int made = pool.allocate(batch, Math.min(batch.capacity(), packets - sent));
            for (int i = 0; i < made; i++) {
                var packet = batch.get(i);
                packet.put(60);
                packet.setByte(8, 64);
                packet.setPaint(painted++ % 5);
            }
            chain.push(0, batch);
            sent += made;
        }
        batch.clear();
    }
}
