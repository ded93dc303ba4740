package dev.junction.standard;

import static dev.junction.standard.TestPackets.counting;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.Sink.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripUnstripTest {
    @Test
    void stripRemovesTheFrontAndUnstripPutsItBack() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Strip strip = router.add(new Strip(), "s", 1, 1, "14");
            Unstrip unstrip = router.add(new Unstrip(), "u", 1, 1, "LENGTH 14");
            Sink out = router.add(Sink.keeping(), "c", 1, 0, "");
            TestRouter.connect(strip, 0, unstrip, 0);
            TestRouter.connect(unstrip, 0, out, 0);
            router.initialize(strip, unstrip, out);

            Sink stripped = router.add(Sink.keeping(), "c2", 1, 0, "");
            Strip alone = router.add(new Strip(), "s2", 1, 1, "14");
            TestRouter.connect(alone, 0, stripped, 0);
            push(alone, counting(router, 60));
            assertEquals(46, stripped.get(0).length());
            assertEquals(14, stripped.get(0).getUnsignedByte(0));

            Packet original = counting(router, 60);
            byte[] before = original.toByteArray();
            push(strip, original);
            assertArrayEquals(before, out.get(0).toByteArray(), "the stripped bytes come back");
            stripped.clear();
            out.clear();
        }
    }

    @Test
    void stripOfMoreThanThePacketEmptiesIt() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Strip strip = router.add(new Strip(), "s", 1, 1, "14");
            Sink out = wire(router, strip)[0];
            push(strip, counting(router, 10), counting(router, 14));
            assertEquals(2, out.packets(), "nothing is dropped");
            assertEquals(0, out.get(0).length());
            assertEquals(0, out.get(1).length());
            out.clear();
        }
    }

    @Test
    void unstripMovesTheDataWhenTheHeadroomIsShortAndDropsWhenTheBufferIsTooSmall() throws Exception {
        try (TestRouter router = new TestRouter()) { // buffers of 256 bytes with 64 of headroom
            Unstrip unstrip = router.add(new Unstrip(), "u", 1, 1, "100");
            Sink out = wire(router, unstrip)[0];
            Packet packet = counting(router, 50);
            packet.setNetworkHeader(2, 20);
            push(unstrip, packet);
            Packet grown = out.get(0);
            assertEquals(150, grown.length());
            byte[] tail = Arrays.copyOfRange(grown.toByteArray(), 100, 150);
            assertArrayEquals(counting(router, 50).toByteArray(), tail);
            assertEquals(102, grown.networkHeaderOffset(), "header marks move with the data");
            assertEquals(122, grown.transportHeaderOffset());

            Unstrip huge = router.add(new Unstrip(), "u2", 1, 1, "250");
            Sink none = wire(router, huge)[0];
            int available = router.pool.available();
            push(huge, counting(router, 10));
            assertEquals(0, none.packets());
            assertEquals(available, router.pool.available(), "the dropped packet went back to the pool");
            assertEquals("1", router.handlers(huge).read("drops"));
            out.clear();
        }
    }

    @Test
    void argumentErrors() {
        assertEquals(List.of("LENGTH: required argument missing"), errors(new Strip(), ""));
        assertEquals(List.of("LENGTH: invalid number"), errors(new Strip(), "-1"));
        assertEquals(List.of("too many arguments"), errors(new Unstrip(), "1, 2"));
        assertEquals(List.of("LENGTH: invalid number"), errors(new Unstrip(), "x"));
    }

    static List<String> errors(Element element, String config) {
        return TestRouter.configErrors(element, 1, 1, config);
    }
}
