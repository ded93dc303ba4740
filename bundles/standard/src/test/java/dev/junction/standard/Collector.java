package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.util.ArrayList;
import java.util.List;

/** A push sink for tests that keeps the packets it receives (and counts its batches) until {@link #clear}. */
final class Collector extends Element {
    final List<Packet> packets = new ArrayList<>();
    int batches;

    @Override
    public String portCount() {
        return "1/0";
    }

    @Override
    public String processing() {
        return "h/";
    }

    @Override
    public void push(int port, PacketBatch batch) {
        batches++;
        for (int i = 0; i < batch.size(); i++) {
            packets.add(batch.get(i));
        }
    }

    /** The destination IP annotations of the packets received, in order. */
    List<Integer> dstIps() {
        return packets.stream().map(Packet::dstIp).toList();
    }

    /** Frees the packets received and forgets them. */
    void clear() {
        packets.forEach(Packet::kill);
        packets.clear();
        batches = 0;
    }

    /** A packet of {@code length} zero bytes with destination IP annotation {@code dstIp}. */
    static Packet packet(PacketPool pool, int length, int dstIp) {
        Packet packet = pool.allocate();
        packet.put(length);
        packet.fill(0, length, 0);
        packet.setDstIp(dstIp);
        return packet;
    }

    /** A 60-byte Ethernet frame from {@code source} to {@code destination}, stamped {@code nanos}. */
    static Packet frame(PacketPool pool, long destination, long source, long nanos) {
        Packet packet = packet(pool, 60, 0);
        packet.setUnsigned48(0, destination);
        packet.setUnsigned48(6, source);
        packet.setTimestampNanos(nanos);
        return packet;
    }

    /** A batch of {@code packets}. */
    static PacketBatch batch(Packet... packets) {
        PacketBatch batch = new PacketBatch();
        for (Packet packet : packets) {
            batch.add(packet);
        }
        return batch;
    }
}
