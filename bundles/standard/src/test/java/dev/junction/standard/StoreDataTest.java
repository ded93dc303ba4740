package dev.junction.standard;

import static dev.junction.standard.TestPackets.counting;
import static dev.junction.standard.TestPackets.hex;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.Sink.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoreDataTest {
    @Test
    void writesDataAtOffsetWithinThePacketOnly() throws Exception {
        try (TestRouter router = new TestRouter()) {
            // 11 bytes: one long and three tail bytes.
            StoreData store = router.add(new StoreData(), "s", 1, 1, "2, \\<a1a2a3a4 a5a6a7a8 a9aaab>");
            Sink out = wire(router, store)[0];
            push(store, counting(router, 16), counting(router, 8), counting(router, 2));
            assertArrayEquals(hex("0001 a1a2a3a4a5a6a7a8a9aaab 0d0e0f"), out.get(0).toByteArray());
            assertArrayEquals(hex("0001 a1a2a3a4a5a6"), out.get(1).toByteArray(), "cut at the packet's end");
            assertArrayEquals(hex("0001"), out.get(2).toByteArray(), "too short: unchanged");
            out.clear();
        }
    }

    @Test
    void aVxlanHeaderAfterUnstrip() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Unstrip unstrip = router.add(new Unstrip(), "u", 1, 1, "8");
            StoreData store = router.add(new StoreData(), "s", 1, 1, "0, \\<08000000 00002a00>");
            TestRouter.connect(unstrip, 0, store, 0);
            Sink out = wire(router, store)[0];
            push(unstrip, counting(router, 4));
            assertArrayEquals(hex("08000000 00002a00 00010203"), out.get(0).toByteArray());
            out.clear();
        }
    }

    @Test
    void argumentErrors() {
        assertEquals(List.of("DATA: required argument missing"), StripUnstripTest.errors(new StoreData(), "0"));
        assertEquals(List.of("OFFSET: invalid number", "DATA: required argument missing"),
                StripUnstripTest.errors(new StoreData(), "x"));
    }
}
