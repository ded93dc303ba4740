package dev.junction.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.junction.element.Element;
import dev.junction.element.SimpleAction;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * Elements defined in one bundle (this one) running on the API of another (element-api), under the
 * framework's class loaders: the per-class batch loops are generated beside the element classes, and
 * packets in native memory cross a chain of them.
 */
class ElementsInFrameworkTest {
    static final class AddOne extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(0, packet.getUnsignedByte(0) + 1);
            return packet;
        }
    }

    static final class DropOdd extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            if ((packet.getUnsignedByte(0) & 1) != 0) {
                packet.kill();
                return null;
            }
            return packet;
        }
    }

    static final class Sink extends Element {
        long packets;
        int firstByteSum;

        @Override
        public void push(int port, PacketBatch batch) {
            packets += batch.size();
            for (int i = 0; i < batch.size(); i++) {
                firstByteSum += batch.get(i).getUnsignedByte(0);
            }
            batch.killAll();
        }
    }

    private static Class<?> loopClassOf(SimpleAction element) throws ReflectiveOperationException {
        Method loopClass = SimpleAction.class.getDeclaredMethod("loopClass");
        loopClass.setAccessible(true);
        return (Class<?>) loopClass.invoke(element);
    }

    @Test
    void loopsAreGeneratedBesideElementClassesOfAnotherBundle() throws Exception {
        assertNotSame(FrameworkUtil.getBundle(SimpleAction.class), FrameworkUtil.getBundle(AddOne.class),
                "the element class and the API come from different bundles");
        Class<?> addLoop = loopClassOf(new AddOne());
        Class<?> dropLoop = loopClassOf(new DropOdd());
        assertEquals(AddOne.class.getName() + "$$ActionLoop", addLoop.getName(), "generated, not the shared loop");
        assertEquals(DropOdd.class.getName() + "$$ActionLoop", dropLoop.getName(), "generated, not the shared loop");
        assertEquals(AddOne.class.getClassLoader(), addLoop.getClassLoader(), "it goes with the element's bundle");
    }

    @Test
    void batchesCrossAChainOfElementsFromThisBundle() {
        try (PacketPool pool = PacketPool.create("itest", 64)) {
            AddOne add = StandaloneContext.attach(new AddOne(), "add", pool, 1, 1);
            DropOdd drop = StandaloneContext.attach(new DropOdd(), "drop", pool, 1, 1);
            Sink sink = StandaloneContext.attach(new Sink(), "sink", pool, 1, 0);
            StandaloneContext.connect(add, 0, drop, 0);
            StandaloneContext.connect(drop, 0, sink, 0);
            PacketBatch batch = new PacketBatch();
            assertEquals(10, pool.allocate(batch, 10));
            for (int i = 0; i < 10; i++) {
                batch.get(i).put(60);
                batch.get(i).setByte(0, i);
            }
            add.push(0, batch);
            // i + 1 is even for i = 1, 3, 5, 7, 9: five packets with first bytes 2, 4, 6, 8, 10.
            assertEquals(5, sink.packets);
            assertEquals(30, sink.firstByteSum);
            assertEquals(64, pool.available());
        }
    }
}
