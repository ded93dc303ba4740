package dev.junction.standard;

import static dev.junction.standard.TestPackets.packet;
import static dev.junction.standard.TestPackets.push;
import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketType;
import org.junit.jupiter.api.Test;

class DropBroadcastsTest {
    @Test
    void dropsLinkBroadcastsAndMulticasts() throws Exception {
        try (TestRouter router = new TestRouter()) {
            DropBroadcasts drop = router.add(new DropBroadcasts(), "d", 1, 2, "");
            Sink out = router.add(Sink.keeping(), "o", 1, 0, "");
            Sink dropped = router.add(Sink.keeping(), "x", 1, 0, "");
            connect(drop, 0, out, 0);
            connect(drop, 1, dropped, 0);
            router.initialize(drop, out, dropped);
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
