package dev.junction.standard;

import static dev.junction.standard.TestPackets.counting;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.Sink.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.HandlerException;
import dev.junction.packet.Packet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncatePadTest {
    @Test
    void truncateCutsTheEndAndRecordsTheExtraLength() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Truncate truncate = router.add(new Truncate(), "t", 1, 1, "19");
            Sink out = wire(router, truncate)[0];
            push(truncate, counting(router, 40), counting(router, 10));
            assertEquals(19, out.get(0).length());
            assertEquals(21, Annotations.extraLength(out.get(0)));
            assertArrayEquals(Arrays.copyOf(counting(router, 40).toByteArray(), 19), out.get(0).toByteArray());
            assertEquals(10, out.get(1).length());
            assertEquals(0, Annotations.extraLength(out.get(1)));
            out.clear();
        }
    }

    @Test
    void truncateWithoutExtraLengthAndItsHandler() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Truncate truncate = router.add(new Truncate(), "t", 1, 1, "19, EXTRA_LENGTH false");
            Sink out = wire(router, truncate)[0];
            TestRouter.Handlers handlers = router.handlers(truncate);
            assertEquals("19", handlers.read("nbytes"));
            handlers.write("nbytes", "5");
            push(truncate, counting(router, 40));
            assertEquals(5, out.get(0).length());
            assertEquals(0, Annotations.extraLength(out.get(0)));
            assertEquals("expected integer",
                    assertThrows(HandlerException.class, () -> handlers.write("nbytes", "-3")).getMessage());
            out.clear();
        }
    }

    @Test
    void padRestoresWhatTruncateCutWithZeros() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Truncate truncate = router.add(new Truncate(), "t", 1, 1, "19");
            Pad pad = router.add(new Pad(), "p", 1, 1, "");
            TestRouter.connect(truncate, 0, pad, 0);
            Sink out = wire(router, pad)[0];
            push(truncate, counting(router, 40));
            Packet packet = out.get(0);
            assertEquals(40, packet.length());
            assertEquals(0, Annotations.extraLength(packet));
            byte[] expected = new byte[40];
            System.arraycopy(counting(router, 19).toByteArray(), 0, expected, 0, 19);
            assertArrayEquals(expected, packet.toByteArray());
            out.clear();
        }
    }

    @Test
    void padToALengthMovesDataWhenTheTailroomIsShortAndDropsWhenTheBufferIsTooSmall() throws Exception {
        try (TestRouter router = new TestRouter()) { // 256-byte buffers, 64 of headroom: 192 of room at most
            Pad pad = router.add(new Pad(), "p", 1, 1, "230, ZERO true");
            Sink out = wire(router, pad)[0];
            push(pad, counting(router, 10), counting(router, 190));
            assertEquals(230, out.get(0).length());
            assertEquals(9, out.get(0).getUnsignedByte(9));
            assertEquals(0, out.get(0).getUnsignedByte(229));
            assertEquals(230, out.get(1).length());
            assertEquals(189, out.get(1).getUnsignedByte(189));

            Pad small = router.add(new Pad(), "p1", 1, 1, "5");
            Sink same = wire(router, small)[0];
            push(small, counting(router, 10));
            assertEquals(10, same.get(0).length(), "longer packets are left alone");
            same.clear();

            Pad toobig = router.add(new Pad(), "p2", 1, 1, "300");
            Sink none = wire(router, toobig)[0];
            push(toobig, counting(router, 10));
            assertEquals(0, none.packets());
            assertEquals("1", router.handlers(toobig).read("drops"));
            out.clear();
        }
    }

    @Test
    void padZeroesEveryAddedByteEvenOverOldData() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Pad pad = router.add(new Pad(), "p", 1, 1, "190");
            Sink out = wire(router, pad)[0];
            Packet packet = counting(router, 190);
            packet.take(7); // 183 bytes of data, then 7 old non-zero bytes in the tailroom
            Packet stale = counting(router, 190);
            stale.take(180); // 10 bytes of data, 180 old ones after them: padding spans several chunks of zeros
            push(pad, packet, stale);
            byte[] expected = new byte[190];
            System.arraycopy(counting(router, 183).toByteArray(), 0, expected, 0, 183);
            assertArrayEquals(expected, out.get(0).toByteArray());
            expected = new byte[190];
            System.arraycopy(counting(router, 10).toByteArray(), 0, expected, 0, 10);
            assertArrayEquals(expected, out.get(1).toByteArray());
            out.clear();
        }
    }

    @Test
    void argumentErrors() {
        assertEquals(List.of("ZERO: parse error"), StripUnstripTest.errors(new Pad(), "ZERO maybe"));
        assertEquals(List.of("EXTRA_LENGTH: parse error"), StripUnstripTest.errors(new Truncate(), "1, EXTRA_LENGTH 2"));
        assertEquals(List.of("LENGTH: required argument missing"), StripUnstripTest.errors(new Truncate(), ""));
    }
}
