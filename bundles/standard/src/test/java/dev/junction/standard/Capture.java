package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.ArrayList;
import java.util.List;

/** A push sink for the tests that keeps the packets reaching it, for inspection; {@link #release} frees them. */
final class Capture extends Element {
    final List<Packet> packets = new ArrayList<>();

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
        for (int i = 0; i < batch.size(); i++) {
            packets.add(batch.get(i));
        }
        batch.clear();
    }

    Packet get(int index) {
        return packets.get(index);
    }

    int size() {
        return packets.size();
    }

    void release() {
        packets.forEach(Packet::kill);
        packets.clear();
    }

    /** A packet from the router's pool holding {@code bytes}. */
    static Packet packet(TestRouter router, byte... bytes) {
        Packet packet = router.pool.allocate();
        packet.put(bytes.length);
        packet.setBytes(0, bytes, 0, bytes.length);
        return packet;
    }

    /** A packet of {@code length} bytes 0, 1, 2, ... */
    static Packet counting(TestRouter router, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return packet(router, bytes);
    }

    /** {@code element} wired to a new Capture on output 0 (and another on output 1 if it has two outputs). */
    static Capture[] wire(TestRouter router, Element element) throws Exception {
        Capture[] captures = new Capture[element.outputCount()];
        for (int port = 0; port < captures.length; port++) {
            captures[port] = router.add(new Capture(), "capture" + port, 1, 0, "");
            TestRouter.connect(element, port, captures[port], 0);
        }
        router.initialize(element);
        return captures;
    }

    /** Pushes {@code packets} into {@code element} as one batch. */
    static void push(Element element, Packet... packets) {
        PacketBatch batch = new PacketBatch(Math.max(packets.length, 1));
        for (Packet packet : packets) {
            batch.add(packet);
        }
        element.push(0, batch);
    }

    static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text.replace(" ", ""));
    }
}
