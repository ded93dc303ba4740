package dev.junction.element;

import static dev.junction.element.StandaloneContext.attach;
import static dev.junction.element.StandaloneContext.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.junction.element.TestElements.CountingSink;
import dev.junction.element.TestElements.DecByte;
import dev.junction.element.TestElements.DropOddPaint;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import org.junit.jupiter.api.Test;

class ActionLoopsTest {
    /** An action implemented once for a family of classes. */
    abstract static class PaintAll extends SimpleAction {
        abstract int color();

        @Override
        protected Packet action(Packet packet) {
            packet.setPaint(color());
            return packet;
        }
    }

    static final class PaintSeven extends PaintAll {
        @Override
        int color() {
            return 7;
        }
    }

    static final class PaintNine extends PaintAll {
        @Override
        int color() {
            return 9;
        }
    }

    @Test
    void everyConcreteClassGetsItsOwnLoopBesideItsAction() {
        Class<?> decLoop = new DecByte().loopClass();
        Class<?> dropLoop = new DropOddPaint().loopClass();
        assertEquals(DecByte.class.getName() + ActionLoops.LOOP_MARKER, decLoop.getName());
        assertEquals(DropOddPaint.class.getName() + ActionLoops.LOOP_MARKER, dropLoop.getName());
        assertEquals(DecByte.class.getClassLoader(), decLoop.getClassLoader());
        assertEquals(decLoop, new DecByte().loopClass(), "one loop class per element class, shared by instances");
    }

    @Test
    void anInheritedActionGetsOneLoopPerConcreteClass() {
        Class<?> seven = new PaintSeven().loopClass();
        Class<?> nine = new PaintNine().loopClass();
        assertNotEquals(seven, nine, "separate loops keep each call site monomorphic");
        assertEquals(PaintAll.class.getName() + ActionLoops.LOOP_MARKER + "$"
                + PaintSeven.class.getName().replace('.', '_'), seven.getName());
        assertEquals(PaintAll.class.getPackageName(), nine.getPackageName());
    }

    @Test
    void generatedLoopsRunActionsInOrderAndKeepSurvivors() {
        try (PacketPool pool = PacketPool.create("loops", 64)) {
            PaintSeven paint = attach(new PaintSeven(), "paint", pool, 1, 1);
            CountingSink sink = attach(new CountingSink(), "sink", pool, 1, 0);
            connect(paint, 0, sink, 0);
            PacketBatch batch = new PacketBatch(8);
            pool.allocate(batch, 8);
            paint.push(0, batch);
            assertEquals(8, sink.packets);

            DropOddPaint drop = attach(new DropOddPaint(), "drop", pool, 1, 1);
            CountingSink kept = attach(new CountingSink(), "kept", pool, 1, 0);
            connect(drop, 0, kept, 0);
            PacketBatch mixed = new PacketBatch(8);
            pool.allocate(mixed, 6);
            Packet[] survivors = new Packet[3];
            for (int i = 0; i < 6; i++) {
                mixed.get(i).setPaint(i);
                if (i % 2 == 0) {
                    survivors[i / 2] = mixed.get(i);
                }
            }
            // Check order through the batch the loop filtered in place, before the sink frees it.
            CountingSink[] seen = {kept};
            Element orderCheck = new Element() {
                @Override
                public void push(int port, PacketBatch arrived) {
                    for (int i = 0; i < arrived.size(); i++) {
                        assertEquals(survivors[i], arrived.get(i));
                    }
                    seen[0].push(port, arrived);
                }
            };
            drop.output(0).connect(orderCheck, 0);
            drop.push(0, mixed);
            assertEquals(3, kept.packets);
            assertEquals(64, pool.available());
        }
    }
}
