package dev.junction.element;

import static dev.junction.element.StandaloneContext.attach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.TestElements.CountingSink;
import dev.junction.element.TestElements.DecByte;
import dev.junction.element.TestElements.DropOddPaint;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.sched.NotifierKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElementTest {
    private final PacketPool pool = PacketPool.create("element", 8);

    @AfterEach
    void close() {
        pool.close();
    }

    static final class Bare extends Element {
    }

    @Test
    void clickDefaultsForPortsProcessingAndFlow() {
        Bare bare = new Bare();
        assertEquals("0/0", bare.portCount());
        assertEquals("a/a", bare.processing());
        assertEquals("x/x", bare.flowCode());
        assertNull(bare.notifier(NotifierKind.EMPTY));
        assertEquals("1/1", new DecByte().portCount());
    }

    @Test
    void classNameComesFromTheAnnotationOrTheJavaName() {
        assertEquals("DecByte", new DecByte().className());
        assertEquals("DropOddPaint", new DropOddPaint().className());
    }

    @Test
    void nameBeforeAndAfterAttach() {
        DecByte dec = new DecByte();
        assertEquals("DecByte", dec.name());
        assertNull(dec.context());
        attach(dec, "r/dec", pool, 1, 1);
        assertEquals("r/dec", dec.name());
        assertEquals("r/dec :: DecByte", dec.toString());
        assertEquals(1, dec.inputCount());
        assertEquals(1, dec.outputCount());
    }

    @Test
    void attachingTwiceIsRefused() {
        DecByte dec = attach(new DecByte(), "dec", pool, 1, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> attach(dec, "again", pool, 1, 1));
        assertEquals("element dec is already attached", e.getMessage());
    }

    @Test
    void pushingToAnUnconnectedOutputNamesThePort() {
        DecByte dec = attach(new DecByte(), "dec", pool, 1, 1);
        assertFalse(dec.output(0).isConnected());
        PacketBatch batch = new PacketBatch(2);
        pool.allocate(batch, 1);
        batch.get(0).put(20);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dec.push(0, batch));
        assertEquals("output 0 of dec is not connected", e.getMessage());
        IllegalStateException pull = assertThrows(IllegalStateException.class,
                () -> dec.input(0).pull(new PacketBatch(), 1));
        assertEquals("input 0 of dec is not connected", pull.getMessage());
    }

    @Test
    void defaultPushAndPullNameTheClass() {
        Bare bare = new Bare();
        UnsupportedOperationException push = assertThrows(UnsupportedOperationException.class,
                () -> bare.push(0, new PacketBatch()));
        assertEquals("Bare does not implement push (input 0)", push.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> bare.pull(1, new PacketBatch(), 1));
    }

    @Test
    void outputCountsAndConnection() {
        DecByte dec = attach(new DecByte(), "dec", pool, 1, 1);
        CountingSink sink = attach(new CountingSink(), "sink", pool, 1, 0);
        StandaloneContext.connect(dec, 0, sink, 0);
        assertTrue(dec.output(0).isConnected());
        assertEquals(sink, dec.output(0).target());
        assertEquals(0, dec.output(0).targetPort());
        dec.output(0).push(new PacketBatch());
        assertEquals(0, sink.batches, "an empty batch is not passed on");
    }

    @Test
    void defaultConfigureAcceptsNoArguments() throws ConfigurationException {
        Bare bare = new Bare();
        bare.configure(Args.parse(""));
        assertThrows(ConfigurationException.class, () -> new Bare().configure(Args.parse("12")));
    }
}
