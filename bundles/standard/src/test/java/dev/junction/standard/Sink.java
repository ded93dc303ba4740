package dev.junction.standard;

import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The push sink of the tests: counts the batches reaching it and records what each packet looked like on
 * arrival ({@link #seen}). A plain {@code new Sink()} then frees the packets; {@link #keeping()} keeps them
 * in {@link #packets} for inspection until {@link #clear}.
 */
final class Sink extends Element {
    /** What a packet looked like when it reached the sink (-1 for an unset network header). */
    record Seen(byte[] data, long timestamp, int paint, int networkHeader, int networkHeaderLength, int dstIp,
            long userWord0) {
        /** The first data byte, or -1 for an empty packet. */
        int firstByte() {
            return data.length > 0 ? data[0] & 0xff : -1;
        }
    }

    final List<Seen> seen = new ArrayList<>();
    /** The packets received, for a keeping sink (always empty otherwise). */
    final List<Packet> packets = new ArrayList<>();
    long batches;
    private final boolean keep;

    /** A sink that records and frees the packets. */
    Sink() {
        this(false);
    }

    private Sink(boolean keep) {
        this.keep = keep;
    }

    /** A sink that records and keeps the packets (free them with {@link #clear}). */
    static Sink keeping() {
        return new Sink(true);
    }

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
            Packet p = batch.get(i);
            seen.add(new Seen(p.toByteArray(), p.timestampNanos(), p.paint(),
                    p.hasNetworkHeader() ? p.networkHeaderOffset() : -1,
                    p.hasNetworkHeader() ? p.networkHeaderLength() : -1, p.dstIp(), p.userWord(0)));
            if (keep) {
                packets.add(p);
            }
        }
        if (keep) {
            batch.clear();
        } else {
            batch.killAll();
        }
    }

    /** How many packets arrived. */
    int packets() {
        return seen.size();
    }

    /** The {@code index}th packet kept. */
    Packet get(int index) {
        return packets.get(index);
    }

    /** The one packet kept (an assertion error if there is not exactly one). */
    Packet only() {
        if (packets.size() != 1) {
            throw new AssertionError("expected one packet, got " + packets.size());
        }
        return packets.get(0);
    }

    /** The data of the last packet that arrived. */
    byte[] lastData() {
        return seen.getLast().data();
    }

    /** The timestamp of the last packet that arrived. */
    long lastTimestamp() {
        return seen.getLast().timestamp();
    }

    List<Integer> firstBytes() {
        return each(Seen::firstByte);
    }

    List<Integer> paints() {
        return each(Seen::paint);
    }

    List<Long> timestamps() {
        return each(Seen::timestamp);
    }

    List<Integer> dstIps() {
        return each(Seen::dstIp);
    }

    List<Long> userWords() {
        return each(Seen::userWord0);
    }

    private <T> List<T> each(Function<Seen, T> field) {
        return seen.stream().map(field).toList();
    }

    /** Frees the packets kept and forgets everything received. */
    void clear() {
        packets.forEach(Packet::kill);
        packets.clear();
        seen.clear();
        batches = 0;
    }

    /** {@code element} wired to a new keeping Sink on each of its outputs, and initialized. */
    static Sink[] wire(TestRouter router, Element element) throws ConfigurationException {
        return wire(router, element, Sink::keeping);
    }

    /** {@code element} wired to a new sink from {@code sinks} on each of its outputs, and initialized. */
    static Sink[] wire(TestRouter router, Element element, Supplier<Sink> sinks) throws ConfigurationException {
        Sink[] wired = new Sink[element.outputCount()];
        for (int port = 0; port < wired.length; port++) {
            wired[port] = router.add(sinks.get(), "sink" + port, 1, 0, "");
            TestRouter.connect(element, port, wired[port], 0);
        }
        router.initialize(element);
        return wired;
    }
}
