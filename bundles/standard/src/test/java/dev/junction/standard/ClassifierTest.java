package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    /** Pushes packets with the given contents through a Classifier with {@code outputs} outputs; returns each one's output or -1. */
    static List<Integer> classify(String config, int outputs, byte[]... packets) throws Exception {
        try (TestRouter router = new TestRouter()) {
            Classifier classifier = router.add(new Classifier(), "c", 1, outputs, config);
            Sink[] sinks = Sink.wire(router, classifier, Sink::new);
            PacketBatch batch = new PacketBatch();
            for (int i = 0; i < packets.length; i++) {
                Packet p = router.pool.allocate();
                p.setWindow(64, packets[i].length);
                p.setBytes(0, packets[i], 0, packets[i].length);
                p.setUserWord(0, i);
                batch.add(p);
            }
            classifier.push(0, batch);
            List<Integer> result = new ArrayList<>();
            for (int i = 0; i < packets.length; i++) {
                int found = -1;
                for (int o = 0; o < outputs; o++) {
                    if (sinks[o].userWords().contains((long) i)) {
                        found = o;
                    }
                }
                result.add(found);
            }
            assertEquals(router.pool.capacity(), router.pool.available(), "every packet was freed");
            return result;
        }
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void dashMatchesEverythingAndTheProgramSaysSo() throws Exception {
        assertEquals(List.of(0, 0), classify("-", 1, bytes(), bytes(1, 2, 3)));
        try (TestRouter router = new TestRouter()) {
            Classifier c = router.add(new Classifier(), "c", 1, 1, "-");
            assertEquals("all->[0]\nsafe length 0\nalignment offset 0\n", router.handlers(c).read("program"));
        }
    }

    @Test
    void programIsClicks() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Classifier c = router.add(new Classifier(), "c", 1, 2, "1/01, -");
            assertEquals(" 0   0/00010000%00ff0000  yes->[0]  no->[1]\nsafe length 2\nalignment offset 0\n",
                    router.handlers(c).read("program"));
        }
    }

    @Test
    void firstMatchingPatternWinsAndUnmatchedPacketsAreDropped() throws Exception {
        String config = "12/0806 20/0001, 12/0806 20/0002, 12/0800";
        byte[] arpRequest = new byte[42];
        arpRequest[12] = 8;
        arpRequest[13] = 6;
        arpRequest[21] = 1;
        byte[] arpReply = arpRequest.clone();
        arpReply[21] = 2;
        byte[] ip = new byte[34];
        ip[12] = 8;
        byte[] other = new byte[60];
        other[12] = (byte) 0x86;
        other[13] = (byte) 0xdd;
        assertEquals(List.of(0, 1, 2, -1), classify(config, 3, arpRequest, arpReply, ip, other));
    }

    @Test
    void masksWildcardsAndNegation() throws Exception {
        assertEquals(List.of(0, 1, 0), classify("0/f0%f0, -", 2, bytes(0xf3), bytes(0x73), bytes(0xff)));
        assertEquals(List.of(0, 1), classify("0/1?3?, -", 2, bytes(0x1a, 0x3b), bytes(0x2a, 0x3b)));
        assertEquals(List.of(1, 0), classify("!0/01, -", 2, bytes(1), bytes(2)));
        // A clause spanning two words: both must hold.
        assertEquals(List.of(0, 1), classify("2/aabbccdd, -", 2,
                bytes(0, 0, 0xaa, 0xbb, 0xcc, 0xdd), bytes(0, 0, 0xaa, 0xbb, 0xcc, 0xde)));
    }

    @Test
    void shortPacketsFailAClauseAndPassItsNegation() throws Exception {
        assertEquals(List.of(1, 0), classify("3/05, -", 2, bytes(0, 0, 0), bytes(0, 0, 0, 5)));
        assertEquals(List.of(0, 1), classify("!3/05, -", 2, bytes(0, 0, 0), bytes(0, 0, 0, 5)));
        // Only the bytes the mask covers need be there.
        assertEquals(List.of(0), classify("0/01%ff", 1, bytes(1)));
        assertEquals(List.of(-1), classify("0/01", 1, bytes()));
    }

    @Test
    void aPacketPushedBackFromDownstreamIsClassifiedAgain() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Classifier classifier = router.add(new Classifier(), "c", 1, 2, "0/01, -");
            Sink sink = router.add(new Sink(), "s", 1, 0, "");
            Marker marker = router.add(new Marker(classifier), "m", 1, 0, "");
            connect(classifier, 0, sink, 0);
            connect(classifier, 1, marker, 0);
            router.initialize(classifier);
            PacketBatch batch = new PacketBatch();
            for (int i = 0; i < 4; i++) {
                Packet p = router.pool.allocate();
                p.setWindow(64, 1);
                p.setByte(0, i & 1);
                p.setUserWord(0, i);
                batch.add(p);
            }
            classifier.push(0, batch);
            assertEquals(List.of(1L, 3L, 0L, 2L), sink.userWords(), "odd ones directly, even ones after the marker");
            assertEquals(router.pool.capacity(), router.pool.available());
        }
    }

    /** Sets byte 0 to 1 and pushes the batch back into the classifier. */
    static final class Marker extends dev.junction.element.Element {
        private final Classifier target;

        Marker(Classifier target) {
            this.target = target;
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
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).setByte(0, 1);
            }
            target.push(0, batch);
        }
    }

    @Test
    void badPatternsGetClicksMessages() {
        assertEquals(List.of("need 2 arguments, one per output port"), errors("-", 2));
        assertEquals(List.of("pattern 0: expected a digit"), errors("x/01", 1));
        assertEquals(List.of("pattern 0: expected '/'"), errors("12", 1));
        assertEquals(List.of("pattern 0: value has less than 2 hex digits"), errors("12/", 1));
        assertEquals(List.of("pattern 0: value has odd number of hex digits"), errors("12/080", 1));
        assertEquals(List.of("pattern 0: mask has too many hex digits"), errors("12/08%fff0", 1));
        assertEquals(List.of("pattern 1: mask has too few hex digits"), errors("-, 12/0800%ff", 2));
    }

    private static List<String> errors(String config, int outputs) {
        return TestRouter.configErrors(new Classifier(), 1, outputs, config);
    }
}
