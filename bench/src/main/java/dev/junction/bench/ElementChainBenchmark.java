package dev.junction.bench;

import dev.junction.element.Element;
import dev.junction.element.SimpleAction;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of 32 packets taken from a pool, pushed through a chain of {@code length} simple elements that each
 * write one byte, and freed by a sink: time per packet. The chain's cost per element is
 * {@code (t(length) - t(0)) / length}. With {@code classes=same} every element is one class (the per-packet call
 * is monomorphic and inlined); with {@code classes=distinct} each is its own class, as in a real configuration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ElementChainBenchmark {
    private static final int BATCH = PacketBatch.DEFAULT_CAPACITY;

    @Param({"0", "1", "2", "4", "8"})
    public int length;

    @Param({"same", "distinct"})
    public String classes;

    private PacketPool pool;
    private PacketBatch batch;
    private Element head;
    private Sink sink;

    @Setup(Level.Trial)
    public void setUp() {
        pool = PacketPool.create("chain", 4 * BATCH, 2048, 128);
        batch = new PacketBatch(BATCH);
        sink = StandaloneContext.attach(new Sink(), "sink", pool, 1, 0);
        Element next = sink;
        for (int i = length - 1; i >= 0; i--) {
            SimpleAction element = "same".equals(classes) ? new Touch0() : touch(i);
            StandaloneContext.attach(element, "touch" + i, pool, 1, 1);
            StandaloneContext.connect(element, 0, next, 0);
            next = element;
        }
        head = next;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (sink.packets == 0) {
            throw new IllegalStateException("no packet reached the sink");
        }
        pool.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long pushBatchThroughChain() {
        batch.clear();
        int made = pool.allocate(batch, BATCH);
        for (int i = 0; i < made; i++) {
            batch.get(i).put(Frames.LENGTH);
        }
        head.push(0, batch);
        return sink.packets;
    }

    /** Frees what arrives and counts it: the overlay FIB paper's "dummy interface". */
    static final class Sink extends Element {
        long packets;

        @Override
        public String portCount() {
            return "1/0";
        }

        @Override
        public void push(int port, PacketBatch arrived) {
            packets += arrived.size();
            arrived.killAll();
        }
    }

    private static SimpleAction touch(int index) {
        return switch (index) {
            case 0 -> new Touch0();
            case 1 -> new Touch1();
            case 2 -> new Touch2();
            case 3 -> new Touch3();
            case 4 -> new Touch4();
            case 5 -> new Touch5();
            case 6 -> new Touch6();
            default -> new Touch7();
        };
    }

    // Eight classes with the same small work, so that "distinct" differs from "same" only in the call sites.
    static final class Touch0 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(0, packet.getUnsignedByte(0) + 1);
            return packet;
        }
    }

    static final class Touch1 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(1, packet.getUnsignedByte(1) + 1);
            return packet;
        }
    }

    static final class Touch2 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(2, packet.getUnsignedByte(2) + 1);
            return packet;
        }
    }

    static final class Touch3 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(3, packet.getUnsignedByte(3) + 1);
            return packet;
        }
    }

    static final class Touch4 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(4, packet.getUnsignedByte(4) + 1);
            return packet;
        }
    }

    static final class Touch5 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(5, packet.getUnsignedByte(5) + 1);
            return packet;
        }
    }

    static final class Touch6 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(6, packet.getUnsignedByte(6) + 1);
            return packet;
        }
    }

    static final class Touch7 extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(7, packet.getUnsignedByte(7) + 1);
            return packet;
        }
    }
}
