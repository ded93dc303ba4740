package dev.junction.standard;

import static dev.junction.standard.TestPackets.packet;
import static dev.junction.standard.TestPackets.push;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketType;
import org.junit.jupiter.api.Test;

class DropBroadcastsTest {
    @Test
    void dropsLinkBroadcastsAndMulticasts() throws Exception {
        try (TestRouter router = new TestRouter()) {
            DropBroadcasts drop = router.add(new DropBroadcasts(), "d", 1, 2, "");
            Sink[] wired = Sink.wire(router, drop);
            Sink out = wired[0];
            Sink dropped = wired[1];
            for (PacketType type : PacketType.values()) {
                Packet packet = packet(router.pool, new byte[20]);
                packet.setPacketType(type);
                push(drop, 0, packet);
            }
            assertEquals(PacketType.values().length - 2, out.packets.size());
            assertEquals(2, dropped.packets.size());
            assertEquals("2", router.handlers(drop).read("drops"));
            out.clear();
            dropped.clear();
        }
    }
}
