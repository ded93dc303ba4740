package dev.junction.element;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;

/** Small elements the unit tests wire into chains. */
final class TestElements {
    private TestElements() {
    }

    /** Decrements byte 8 (an IPv4 TTL, say) and keeps the packet. */
    @ElementClass("DecByte")
    static final class DecByte extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            packet.setByte(8, packet.getUnsignedByte(8) - 1);
            return packet;
        }
    }

    /** Kills packets whose paint is odd. */
    static final class DropOddPaint extends SimpleAction {
        @Override
        protected Packet action(Packet packet) {
            if ((packet.paint() & 1) != 0) {
                packet.kill();
                return null;
            }
            return packet;
        }
    }

    /** Sends packets painted 3 to output 1. */
    static final class DivertPaint3 extends SimpleAction {
        @Override
        public String portCount() {
            return "1/1-2";
        }

        @Override
        protected Packet action(Packet packet) {
            if (packet.paint() == 3) {
                divert(1, packet);
                return null;
            }
            return packet;
        }
    }

    /** Counts packets and bytes, then frees them: the "dummy interface" sink. */
    static final class CountingSink extends Element {
        long packets;
        long bytes;
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
            packets += batch.size();
            for (int i = 0; i < batch.size(); i++) {
                bytes += batch.get(i).length();
            }
            batch.killAll();
        }
    }

    /** A pull source that builds packets of a given length from the pool, painted 0, 1, 2, ... */
    static final class PullSource extends Element {
        int made;

        @Override
        public String portCount() {
            return "0/1";
        }

        @Override
        public String processing() {
            return "/l";
        }

        @Override
        public int pull(int port, PacketBatch into, int max) {
            int start = into.size();
            int got = context().packetPool().allocate(into, max);
            for (int i = start; i < start + got; i++) {
                Packet packet = into.get(i);
                packet.put(20);
                packet.setByte(8, 64);
                packet.setPaint(made++);
            }
            return got;
        }
    }
}
