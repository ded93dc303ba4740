package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and mangled packets, with random header marks and annotations, through every header-parsing
 * element of the IP router: nothing throws, and every packet ends up back in the pool.
 */
class IPFuzzTest {
    @Test
    void randomPacketsNeverEscapeAsExceptions() throws Exception {
        try (TestRouter router = new TestRouter(512, 2048)) {
            List<Element> elements = new ArrayList<>();
            elements.add(router.add(new CheckIPHeader(), "chk", 1, 2, "INTERFACES 18.26.4.1/24, OFFSET 0"));
            elements.add(router.add(new CheckIPHeader2(), "chk2", 1, 1, "14"));
            elements.add(router.add(new DecIPTTL(), "dt", 1, 2, ""));
            elements.add(router.add(new FixIPSrc(), "fix", 1, 1, "18.26.4.24"));
            elements.add(router.add(new DropBroadcasts(), "db", 1, 2, ""));
            elements.add(router.add(new IPGWOptions(), "gw", 1, 2, "18.26.4.24"));
            elements.add(router.add(new IPFragmenter(), "fr", 1, 2, "68, false"));
            elements.add(router.add(new ICMPError(), "ie", 1, 1, "18.26.4.24, parameterproblem"));
            elements.add(router.add(new ICMPError(), "ie2", 1, 1, "18.26.4.24, unreachable, needfrag, MTU 40"));
            elements.add(router.add(new ARPResponder(), "ar", 1, 2, "0.0.0.0/0 1:2:3:4:5:6"));
            elements.add(router.add(new IPInputCombo(), "ic", 1, 1, "1"));
            elements.add(router.add(new IPOutputCombo(), "oc", 1, 5, "1, 18.26.4.24, 100"));
            ARPQuerier arp = router.add(new ARPQuerier(), "arp", 2, 2, "18.26.4.24/24, 0:1:2:3:4:5, CAPACITY 16");
            Discard sink = router.add(new Discard(), "sink", 1, 0, "");
            for (Element element : elements) {
                for (int port = 0; port < element.outputCount(); port++) {
                    connect(element, port, sink, 0);
                }
            }
            connect(arp, 0, sink, 0);
            connect(arp, 1, sink, 0);
            List<Element> all = new ArrayList<>(elements);
            all.add(arp);
            all.add(sink);
            router.initialize(all.toArray(new Element[0]));

            Random random = new Random(42);
            PacketBatch batch = new PacketBatch();
            for (int round = 0; round < 20_000; round++) {
                for (Element element : elements) {
                    batch.add(randomPacket(router, random));
                    element.push(0, batch);
                    batch.clear();
                }
                batch.add(randomPacket(router, random));
                arp.push(random.nextInt(2), batch);
                batch.clear();
                if (round % 1000 == 0) {
                    router.clock.advance(60_000_000_000L);
                    router.runTimers();
                }
            }
            router.handlers(arp).write("clear", "");
            assertEquals(512, router.pool.available(), "every packet was freed or passed on");
            assertTrue(sink.count() > 0);
        }
    }

    private static Packet randomPacket(TestRouter router, Random random) {
        int length = random.nextInt(random.nextBoolean() ? 64 : 1500);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length > 0 && random.nextInt(3) > 0) {
            bytes[0] = (byte) (0x40 | random.nextInt(16)); // looks like IPv4 often enough to go deep
        }
        if (length > 4 && random.nextBoolean()) {
            bytes[2] = (byte) (length >> 8);
            bytes[3] = (byte) length;
        }
        Packet packet = IPTestPackets.packet(router.pool, bytes);
        if (random.nextBoolean()) {
            packet.setNetworkHeader(random.nextInt(Math.max(1, length + 4)) - 2, random.nextInt(64));
        }
        packet.setPacketType(PacketType.values()[random.nextInt(PacketType.values().length)]);
        packet.setUserWord(IPHeaders.IP_ANNO_WORD, random.nextLong());
        packet.setDstIp(random.nextInt(4) == 0 ? 0x121a0401 + random.nextInt(4) : random.nextInt());
        packet.setPaint(random.nextInt(3));
        return packet;
    }
}
