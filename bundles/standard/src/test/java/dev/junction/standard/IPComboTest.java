package dev.junction.standard;

import static dev.junction.standard.TestPackets.checksumOk;
import static dev.junction.standard.TestPackets.hex;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.marked;
import static dev.junction.standard.TestPackets.packet;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Element;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketType;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * IPInputCombo and IPOutputCombo, checked against the chains they replace (as click-xform substitutes them in
 * userlevel/iprouter-01): the same packets in give the same bytes and annotations out.
 */
class IPComboTest {
    @Test
    void inputComboMatchesPaintStripCheckIPHeader() throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPInputCombo combo = router.add(new IPInputCombo(), "ic", 1, 1, "2, INTERFACES 18.26.4.1/24 18.26.7.1/24");
            CheckIPHeader check = router.add(new CheckIPHeader(), "ch", 1, 1,
                    "INTERFACES 18.26.4.1/24 18.26.7.1/24, OFFSET 14");
            Sink a = router.add(Sink.keeping(), "a", 1, 0, "");
            Sink b = router.add(Sink.keeping(), "b", 1, 0, "");
            connect(combo, 0, a, 0);
            connect(check, 0, b, 0);
            router.initialize(combo, check, a, b);

            push(combo, 0, packet(router.pool, hex(TestPackets.IPROUTER_FRAME)));
            Packet p = a.only();
            assertEquals(2, p.paint());
            assertEquals(40, p.length());
            assertEquals(0, p.networkHeaderOffset());
            assertEquals(IPv4.parse("2.0.0.2"), p.dstIp());
            a.clear();

            Random random = new Random(11);
            byte[] frame = hex(TestPackets.IPROUTER_FRAME);
            for (int i = 0; i < 2000; i++) {
                byte[] bytes = frame.clone();
                if (i % 2 == 1) {
                    bytes[14 + random.nextInt(20)] = (byte) random.nextInt();
                }
                push(combo, 0, packet(router.pool, bytes));
                push(check, 0, packet(router.pool, bytes));
                assertEquals(b.packets.size(), a.packets.size(), "same verdict for packet " + i);
                if (!a.packets.isEmpty()) {
                    Packet left = a.only();
                    Packet right = b.only();
                    right.pull(14);
                    assertArrayEquals(right.toByteArray(), left.toByteArray());
                    assertEquals(right.dstIp(), left.dstIp());
                }
                a.clear();
                b.clear();
            }
            assertEquals(check.drops(), combo.drops());
            assertEquals(String.valueOf(combo.drops()), router.handlers(combo).read("drops"));
            push(combo, 0, packet(router.pool, new byte[10])); // shorter than an Ethernet header
            assertEquals(check.drops() + 1, combo.drops());
            assertEquals(256, router.pool.available());
        }
    }

    /** DropBroadcasts -> PaintTee(1) (stood in for by its effect) -> IPGWOptions -> FixIPSrc -> DecIPTTL. */
    @Test
    void outputComboMatchesTheChain() throws Exception {
        try (TestRouter router = new TestRouter(512, 2048)) {
            IPOutputCombo combo = router.add(new IPOutputCombo(), "oc", 1, 5, "1, 18.26.4.24, 300");
            Sink[] outs = new Sink[5];
            for (int i = 0; i < 5; i++) {
                outs[i] = router.add(Sink.keeping(), "o" + i, 1, 0, "");
                connect(combo, i, outs[i], 0);
            }
            DropBroadcasts db = router.add(new DropBroadcasts(), "db", 1, 1, "");
            IPGWOptions gw = router.add(new IPGWOptions(), "gw", 1, 2, "18.26.4.24");
            FixIPSrc fix = router.add(new FixIPSrc(), "fix", 1, 1, "18.26.4.24");
            DecIPTTL dt = router.add(new DecIPTTL(), "dt", 1, 2, "");
            Sink out = router.add(Sink.keeping(), "out", 1, 0, "");
            Sink badOptions = router.add(Sink.keeping(), "bo", 1, 0, "");
            Sink expired = router.add(Sink.keeping(), "ex", 1, 0, "");
            connect(db, 0, gw, 0);
            connect(gw, 0, fix, 0);
            connect(gw, 1, badOptions, 0);
            connect(fix, 0, dt, 0);
            connect(dt, 0, out, 0);
            connect(dt, 1, expired, 0);
            Element[] all = {combo, outs[0], outs[1], outs[2], outs[3], outs[4], db, gw, fix, dt, out, badOptions, expired};
            router.initialize(all);

            byte[][] cases = {
                ip(0x01000001, 0x02000002, 17, 64, 20, null),
                ip(0x01000001, 0x02000002, 17, 1, 20, null),
                ip(0x01000001, 0x02000002, 17, 64, 20, new byte[] {7, 7, 4, 0, 0, 0, 0, 0}),
                ip(0x01000001, 0x02000002, 17, 64, 20, new byte[] {7, 9, 4, 0}),
                ip(0x01000001, 0x02000002, 17, 64, 400, null),
            };
            for (byte[] bytes : cases) {
                for (int variant = 0; variant < 4; variant++) {
                    Packet c = marked(router.pool, bytes, 0);
                    Packet s = marked(router.pool, bytes, 0);
                    for (Packet p : new Packet[] {c, s}) {
                        p.setPaint(variant & 1);
                        IPHeaders.setFixIpSrc(p, (variant & 2) != 0);
                    }
                    push(combo, 0, c);
                    push(db, 0, s);
                }
            }
            Packet b = marked(router.pool, cases[0], 0);
            b.setPacketType(PacketType.BROADCAST);
            push(combo, 0, b);
            assertEquals(1, combo.drops());

            assertEquals(2, outs[1].packets.size() / 5, "a copy of each packet painted 1, for redirects");
            assertSame(expired, outs[3]);
            assertSame(badOptions, outs[2]);
            assertEquals(out.packets.size(), outs[0].packets.size() + outs[4].packets.size());
            for (int i = 0; i < outs[0].packets.size(); i++) {
                assertArrayEquals(out.packets.get(i).toByteArray(), outs[0].packets.get(i).toByteArray());
                assertTrue(checksumOk(outs[0].packets.get(i)));
            }
            assertEquals(4, outs[4].packets.size(), "longer than the MTU: to the fragmenter");
            for (Sink c : outs) {
                c.clear();
            }
            out.clear();
            badOptions.clear();
            expired.clear();
            assertEquals(512, router.pool.available());
        }
    }

    private static void assertSame(Sink expected, Sink actual) {
        assertEquals(expected.packets.size(), actual.packets.size());
        for (int i = 0; i < expected.packets.size(); i++) {
            assertArrayEquals(expected.packets.get(i).toByteArray(), actual.packets.get(i).toByteArray());
            assertEquals(IPHeaders.paramProblem(expected.packets.get(i)), IPHeaders.paramProblem(actual.packets.get(i)));
        }
    }
}
