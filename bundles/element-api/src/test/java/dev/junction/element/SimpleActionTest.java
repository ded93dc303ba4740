package dev.junction.element;

import static dev.junction.element.StandaloneContext.attach;
import static dev.junction.element.StandaloneContext.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.TestElements.CountingSink;
import dev.junction.element.TestElements.DecByte;
import dev.junction.element.TestElements.DivertPaint3;
import dev.junction.element.TestElements.DropOddPaint;
import dev.junction.element.TestElements.PullSource;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimpleActionTest {
    private final PacketPool pool = PacketPool.create("simple", 256, 256, 128);

    @AfterEach
    void close() {
        pool.close();
    }

    private PacketBatch paintedBatch(int count) {
        PacketBatch batch = new PacketBatch(count);
        pool.allocate(batch, count);
        for (int i = 0; i < count; i++) {
            Packet packet = batch.get(i);
            packet.put(20);
            packet.setByte(8, 64);
            packet.setPaint(i);
        }
        return batch;
    }

    @Test
    void pushRunsTheActionOnEveryPacketAndDropsInPlace() {
        DecByte dec = attach(new DecByte(), "dec", pool, 1, 1);
        DropOddPaint drop = attach(new DropOddPaint(), "drop", pool, 1, 1);
        CountingSink sink = attach(new CountingSink(), "sink", pool, 1, 0);
        connect(dec, 0, drop, 0);
        connect(drop, 0, sink, 0);
        PacketBatch batch = paintedBatch(10);
        Packet first = batch.get(0);
        dec.push(0, batch);
        assertEquals(5, sink.packets, "odd paints dropped");
        assertEquals(1, sink.batches, "survivors travel as one batch");
        assertEquals(256, pool.available(), "dropped and sunk packets are all back");
        assertEquals(10, dec.output(0).packetCount());
        assertEquals(5, drop.output(0).packetCount());
        assertEquals("DecByte", dec.className());
        assertEquals("dec", dec.name());
        assertEquals(true, first.isFree());
    }

    @Test
    void divertedPacketsGoOutTheirPortAsOneBatchAfterTheMainBatch() {
        DivertPaint3 divert = attach(new DivertPaint3(), "divert", pool, 1, 2);
        CountingSink main = attach(new CountingSink(), "main", pool, 1, 0);
        CountingSink side = attach(new CountingSink(), "side", pool, 1, 0);
        connect(divert, 0, main, 0);
        connect(divert, 1, side, 0);
        PacketBatch batch = paintedBatch(8);
        for (int i = 0; i < 8; i++) {
            batch.get(i).setPaint(i % 2 == 0 ? 3 : 1);
        }
        divert.push(0, batch);
        assertEquals(4, main.packets);
        assertEquals(4, side.packets);
        assertEquals(1, side.batches);
    }

    @Test
    void aFullDivertBatchIsPushedAtOnce() {
        DivertPaint3 divert = attach(new DivertPaint3(), "divert", pool, 1, 2);
        CountingSink main = attach(new CountingSink(), "main", pool, 1, 0);
        CountingSink side = attach(new CountingSink(), "side", pool, 1, 0);
        connect(divert, 0, main, 0);
        connect(divert, 1, side, 0);
        int count = PacketBatch.DEFAULT_CAPACITY + 5;
        PacketBatch batch = paintedBatch(count);
        for (int i = 0; i < count; i++) {
            batch.get(i).setPaint(3);
        }
        divert.push(0, batch);
        assertEquals(count, side.packets);
        assertEquals(2, side.batches);
        assertEquals(0, main.batches, "an empty main batch is not pushed");
    }

    @Test
    void aDivertedBatchThatLoopsBackIntoTheElementIsNeitherLostNorDuplicated() {
        DivertPaint3 divert = attach(new DivertPaint3(), "divert", pool, 1, 2);
        CountingSink main = attach(new CountingSink(), "main", pool, 1, 0);
        LoopOnce loop = attach(new LoopOnce(), "loop", pool, 1, 2);
        CountingSink side = attach(new CountingSink(), "side", pool, 1, 0);
        connect(divert, 0, main, 0);
        connect(divert, 1, loop, 0);
        connect(loop, 0, divert, 0);
        connect(loop, 1, side, 0);
        PacketBatch batch = paintedBatch(8);
        for (int i = 0; i < 8; i++) {
            batch.get(i).setPaint(i % 2 == 0 ? 3 : 1);
        }
        divert.push(0, batch);
        assertEquals(4, main.packets);
        assertEquals(4, side.packets, "the looped packets were diverted again, once each");
        assertEquals(256, pool.available());
    }

    /** Sends the first batch it gets back where it came from (output 0), and later ones on to output 1. */
    static final class LoopOnce extends Element {
        private boolean looped;

        @Override
        public String portCount() {
            return "1/2";
        }

        @Override
        public void push(int port, PacketBatch batch) {
            if (looped) {
                output(1).push(batch);
                return;
            }
            looped = true;
            PacketBatch again = new PacketBatch();
            for (int i = 0; i < batch.size(); i++) {
                again.add(batch.get(i));
            }
            batch.clear();
            output(0).push(again);
        }
    }

    @Test
    void divertToAMissingPortKillsThePacket() {
        DivertPaint3 divert = attach(new DivertPaint3(), "divert", pool, 1, 1);
        CountingSink main = attach(new CountingSink(), "main", pool, 1, 0);
        connect(divert, 0, main, 0);
        PacketBatch batch = paintedBatch(4);
        for (int i = 0; i < 4; i++) {
            batch.get(i).setPaint(i == 0 ? 3 : 1);
        }
        divert.push(0, batch);
        assertEquals(3, main.packets);
        assertEquals(256, pool.available());
    }

    @Test
    void pullAppliesTheActionToWhatItPulls() {
        PullSource source = attach(new PullSource(), "source", pool, 0, 1);
        DecByte dec = attach(new DecByte(), "dec", pool, 1, 1);
        DropOddPaint drop = attach(new DropOddPaint(), "drop", pool, 1, 1);
        connect(source, 0, dec, 0);
        connect(dec, 0, drop, 0);
        PacketBatch into = new PacketBatch(16);
        Packet already = pool.allocate();
        into.add(already);
        int added = drop.input(0).source().pull(0, into, 8);
        assertEquals(8, added);
        int kept = drop.pull(0, new PacketBatch(16), 8);
        assertEquals(4, kept, "odd paints dropped in pull mode too");
        assertEquals(63, into.get(1).getUnsignedByte(8));
        assertEquals(already, into.get(0), "pull appends after what the batch held");
    }
}
