package dev.junction.standard;

import static dev.junction.standard.TestPackets.checksumOk;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.marked;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IPFragmenterTest {
    private record Wired(IPFragmenter fr, Sink out, Sink big) {
    }

    private static Wired wire(TestRouter router, String config) throws Exception {
        IPFragmenter fr = router.add(new IPFragmenter(), "fr", 1, 2, config);
        Sink[] wired = Sink.wire(router, fr);
        Sink out = wired[0];
        Sink big = wired[1];
        return new Wired(fr, out, big);
    }

    @Test
    void smallPacketsPassAndLargeOnesAreSplitIntoValidFragments() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "300");
            // A copied option (type 0x83, loose source route, length 7) and a non-copied one (RR, length 7).
            byte[] options = {(byte) 0x83, 7, 4, 1, 2, 3, 4, 7, 7, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0};
            byte[] original = ip(0x01000001, 0x02000002, 17, 64, 1000, options);
            PacketBatch batch = new PacketBatch();
            batch.add(marked(router.pool, ip(1, 2, 17, 64, 280, null), 0)); // exactly 300
            batch.add(marked(router.pool, original, 0));
            w.fr().push(0, batch);
            List<Packet> out = w.out().packets;
            assertEquals(300, out.get(0).length());
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            int expectedOffset = 0;
            for (int i = 1; i < out.size(); i++) {
                Packet f = out.get(i);
                int headerLength = (f.getUnsignedByte(0) & 0xf) * 4;
                assertTrue(f.length() <= 300, "fragment " + i + " fits");
                assertEquals(f.length(), f.getUnsignedShort(2));
                assertTrue(checksumOk(f), "fragment checksum");
                assertEquals(0x1234, f.getUnsignedShort(4), "same id");
                int bits = f.getUnsignedShort(6);
                assertEquals(expectedOffset, (bits & 0x1fff) * 8);
                assertEquals(i < out.size() - 1, (bits & 0x2000) != 0, "MF on all but the last");
                assertEquals(i == 1 ? 40 : 28, headerLength, "later fragments carry only copied options");
                byte[] data = f.toByteArray();
                payload.write(data, headerLength, data.length - headerLength);
                expectedOffset += data.length - headerLength;
            }
            byte[] expected = new byte[1000];
            System.arraycopy(original, 40, expected, 0, 1000);
            assertArrayEquals(expected, payload.toByteArray(), "the fragments carry the payload in order");
            assertEquals(out.size() - 1, w.fr().fragments());
            assertEquals(0x83, out.get(2).getUnsignedByte(20));
            w.out().clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void dontFragmentGoesToOutputOneUnlessIgnored() throws Exception {
        byte[] df = ip(1, 2, 17, 64, 600, null);
        df[6] = 0x40;
        TestPackets.fixChecksum(df, 0);
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "MTU 576");
            push(w.fr(), 0, marked(router.pool, df, 0));
            assertEquals(1, w.big().packets.size());
            assertEquals(1, w.fr().drops());
            assertEquals("1", router.handlers(w.fr()).read("drops"));
            w.big().clear();
        }
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "576, false");
            push(w.fr(), 0, marked(router.pool, df, 0));
            assertEquals(2, w.out().packets.size());
            assertEquals(0, w.out().packets.get(1).getUnsignedShort(6) & 0x4000, "DF cleared");
            assertEquals("2", router.handlers(w.fr()).read("fragments"));
            w.out().clear();
        }
    }

    @Test
    void errorsRoutedBackIntoTheFragmenterAreFragmentedToo() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            IPFragmenter fr = router.add(new IPFragmenter(), "fr", 1, 2, "300");
            ICMPError icmp = router.add(new ICMPError(), "icmp", 1, 1, "18.26.7.1, unreachable, needfrag, PMTU 300");
            Sink out = router.add(Sink.keeping(), "o", 1, 0, "");
            connect(fr, 0, out, 0);
            connect(fr, 1, icmp, 0);
            connect(icmp, 0, fr, 0); // as in iprouter-01, where the error goes back through the routing table
            router.initialize(fr, icmp, out);
            byte[] df = ip(0x01000001, 0x02000002, 17, 64, 600, null);
            df[6] = 0x40;
            TestPackets.fixChecksum(df, 0);
            PacketBatch batch = new PacketBatch();
            for (int i = 0; i < 32; i++) {
                batch.add(marked(router.pool, df, 0));
            }
            fr.push(0, batch);
            assertEquals(32, fr.drops());
            assertEquals(32 * 2, out.packets.size(), "each 576-byte error in two fragments");
            assertEquals(1, out.packets.get(0).getUnsignedByte(9), "ICMP");
            out.clear();
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void malformedPacketsAreDroppedNotThrown() throws Exception {
        try (TestRouter router = new TestRouter(256, 2048)) {
            Wired w = wire(router, "100");
            Random random = new Random(9);
            for (int i = 0; i < 2000; i++) {
                byte[] bytes = ip(1, 2, 17, 64, 100 + random.nextInt(200), null);
                for (int j = 0; j < 4; j++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
                }
                Packet packet = TestPackets.packet(router.pool, bytes);
                packet.setNetworkHeader(0, 20);
                push(w.fr(), 0, packet);
                w.out().clear();
                w.big().clear();
            }
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void configurationErrors() {
        try (TestRouter router = new TestRouter(256, 2048)) {
            assertEquals(List.of("MTU must be at least 8"), assertThrows(ConfigurationException.class,
                    () -> router.add(new IPFragmenter(), "f", 1, 1, "7")).errors());
            assertEquals(List.of("MTU: required argument missing"), assertThrows(ConfigurationException.class,
                    () -> router.add(new IPFragmenter(), "g", 1, 1, "")).errors());
        }
    }
}
