package dev.junction.bench;

import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the packet accessors elements use on every packet: checked big-endian reads and writes of an
 * Ethernet + IPv4 + UDP header in native memory, the header checksum, and headroom moves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PacketAccessBenchmark {
    private PacketPool pool;
    private Packet packet;

    @Setup(Level.Trial)
    public void setUp() {
        pool = PacketPool.create("bench", 4);
        packet = pool.allocate();
        packet.put(64);
        Frames.writeUdpFrame(packet);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** Five reads an IP classifier makes: version/IHL, total length, TTL, source and destination. */
    @Benchmark
    public int readIpv4Fields() {
        return packet.getUnsignedByte(14) + packet.getUnsignedShort(16) + packet.getUnsignedByte(22)
                + packet.getInt(26) + packet.getInt(30);
    }

    /** DecIPTTL's work: TTL down by one with an RFC 1624 checksum update, then back up (to stay steady). */
    @Benchmark
    public int decrementAndRestoreTtl() {
        for (int delta = -1; delta <= 1; delta += 2) {
            int ttlAndProtocol = packet.getUnsignedShort(22);
            int updated = ttlAndProtocol + (delta << 8);
            packet.setShort(22, updated);
            packet.setShort(24, Checksums.update16(packet.getUnsignedShort(24), ttlAndProtocol, updated));
        }
        return packet.getUnsignedShort(24);
    }

    /** CheckIPHeader's checksum: the Internet checksum of a 20-byte IPv4 header. */
    @Benchmark
    public int ipv4HeaderChecksum() {
        return Checksums.internet(packet, 14, 20);
    }

    /** An encapsulation's headroom moves: push a 14-byte header and pull it again. */
    @Benchmark
    public int pushAndPull() {
        packet.push(14);
        packet.pull(14);
        return packet.length();
    }

    /** A learning bridge's reads: destination and source Ethernet addresses as 48-bit values. */
    @Benchmark
    public long readEthernetAddresses() {
        return packet.getUnsigned48(0) ^ packet.getUnsigned48(6);
    }
}
