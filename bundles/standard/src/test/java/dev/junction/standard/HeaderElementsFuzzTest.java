package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random packets (random bytes, lengths from 0, headroom from 0, random or missing header marks) through every
 * element of the header family: none may throw, and every packet comes out or goes back to the pool.
 */
class HeaderElementsFuzzTest {
    private static final String[][] ELEMENTS = {
        {"Strip", "14"}, {"Unstrip", "100"}, {"StoreData", "10, \\<0102030405060708090a0b>"}, {"Truncate", "30"},
        {"Pad", ""}, {"Pad", "230"}, {"CheckLength", "50"}, {"EtherEncap", "0x0800, 1:1:1:1:1:1, 2:2:2:2:2:2"},
        {"IPEncap", "4, 1.0.0.1, DST_ANNO"}, {"UDPIPEncap", "1.0.0.1, 1, DST_ANNO, 2"}, {"MarkIPHeader", "14"},
        {"MarkIPHeader", "-1"}, {"GetIPAddress", "16"}, {"GetIPAddress", "IP src"}, {"GetIPAddress", "IP dst"},
        {"SetIPAddress", "1.2.3.4"}, {"StoreIPAddress", "src"}, {"StoreIPAddress", "dst"}, {"StoreIPAddress", "12"},
        {"StoreIPAddress", "1.1.1.1, 200"},
    };

    @Test
    void randomPacketsNeverEscapeAsExceptionsAndAreNeverLost() throws Exception {
        Random random = new Random(5);
        for (String[] spec : ELEMENTS) {
            for (int outputs = 1; outputs <= (spec[0].equals("CheckLength") || spec[0].equals("StoreIPAddress") ? 2 : 1);
                    outputs++) {
                try (TestRouter router = new TestRouter()) {
                    Element element = create(spec[0]);
                    router.add(element, "e", 1, outputs, spec[1]);
                    Capture[] captures = Capture.wire(router, element);
                    for (int round = 0; round < 200; round++) {
                        PacketBatch batch = new PacketBatch();
                        for (int i = 0; i < batch.capacity(); i++) {
                            batch.add(randomPacket(router, random));
                        }
                        element.push(0, batch);
                        for (Capture capture : captures) {
                            capture.release();
                        }
                        assertEquals(router.pool.capacity(), router.pool.available(), spec[0] + "(" + spec[1] + ")");
                    }
                }
            }
        }
    }

    private static Packet randomPacket(TestRouter router, Random random) {
        Packet packet = router.pool.allocate();
        int length = random.nextInt(4) == 0 ? random.nextInt(24) : random.nextInt(200);
        packet.setWindow(random.nextInt(packet.capacity() - length + 1), length);
        for (int i = 0; i < length; i++) {
            packet.setByte(i, random.nextInt(256));
        }
        if (random.nextBoolean()) {
            packet.setNetworkHeader(random.nextInt(length + 40) - 20, random.nextInt(64));
        }
        packet.setDstIp(random.nextInt());
        Annotations.setExtraLength(packet, random.nextInt(3) == 0 ? random.nextInt(1000) : 0);
        return packet;
    }

    private static Element create(String name) throws ReflectiveOperationException {
        return (Element) Class.forName("dev.junction.standard." + name).getDeclaredConstructor().newInstance();
    }
}
