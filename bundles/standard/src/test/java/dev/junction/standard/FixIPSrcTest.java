package dev.junction.standard;

import static dev.junction.standard.TestPackets.checksumOk;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.marked;
import static dev.junction.standard.TestPackets.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixIPSrcTest {
    @Test
    void fixesOnlyAnnotatedPackets() throws Exception {
        try (TestRouter router = new TestRouter()) {
            FixIPSrc fix = router.add(new FixIPSrc(), "f", 1, 1, "18.26.4.24");
            Sink out = Sink.wire(router, fix)[0];
            push(fix, 0, marked(router.pool, ip(IPv4.parse("1.1.1.1"), 2, 17, 9, 4, new byte[] {1, 1, 1, 1}), 0));
            Packet annotated = marked(router.pool, ip(IPv4.parse("1.1.1.1"), 2, 17, 9, 4, new byte[] {1, 1, 1, 1}), 0);
            IPHeaders.setFixIpSrc(annotated, true);
            push(fix, 0, annotated);
            assertEquals(IPv4.parse("1.1.1.1"), out.packets.get(0).getInt(12));
            Packet fixed = out.packets.get(1);
            assertEquals(IPv4.parse("18.26.4.24"), fixed.getInt(12));
            assertTrue(checksumOk(fixed));
            assertFalse(IPHeaders.fixIpSrc(fixed), "annotation cleared");
            out.clear();
        }
        try (TestRouter router = new TestRouter()) {
            assertEquals(List.of("IPADDR: required argument missing"),
                    assertThrows(ConfigurationException.class, () -> router.add(new FixIPSrc(), "f", 1, 1, "")).errors());
        }
    }
}
