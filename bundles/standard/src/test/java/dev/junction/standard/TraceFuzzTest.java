package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.ConfigurationException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random packets and random files through the trace elements: nothing throws, nothing is lost. */
class TraceFuzzTest {
    private static final String ALL_FIELDS = "timestamp ts_sec ts_usec ts_usec1 count link direction wire_len ip_src "
            + "ip_dst ip_tos ip_dscp ip_ecn ip_ttl ip_frag ip_fragoff ip_id ip_sum ip_proto ip_hl ip_len "
            + "ip_capture_len sport dport tcp_seq tcp_ack tcp_off tcp_flags tcp_window tcp_urp udp_len icmp_type "
            + "icmp_code payload_len payload";

    @TempDir
    Path dir;

    @Test
    void randomPacketsThroughIPPrintAndToIPSummaryDump() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            IPPrint print = h.add(new IPPrint(new PrintStream(OutputStream.nullOutputStream())), "p", 1, 1,
                    "CONTENTS hex, ID true, TTL true, TOS true, LENGTH true, PAINT true");
            IPPrint payload = h.add(new IPPrint(new PrintStream(OutputStream.nullOutputStream())), "q", 1, 1,
                    "PAYLOAD ascii");
            ToIPSummaryDump summary = h.add(new ToIPSummaryDump(), "t", 1, 1, dir.resolve("s.txt") + ", FIELDS "
                    + ALL_FIELDS);
            Sink sink = h.add(new Sink(), "r", 1, 0, "");
            StandaloneContext.connect(print, 0, payload, 0);
            StandaloneContext.connect(payload, 0, summary, 0);
            StandaloneContext.connect(summary, 0, sink, 0);
            summary.initialize();
            int sent = 0;
            for (int round = 0; round < 2000; round++) {
                PacketBatch batch = new PacketBatch();
                for (int i = 0; i < 8; i++) {
                    Packet p = h.pool.allocate();
                    int length = random.nextInt(80);
                    p.put(length);
                    for (int b = 0; b < length; b++) {
                        p.setByte(b, random.nextInt(256));
                    }
                    if (length > 0 && random.nextInt(4) != 0) {
                        int ip = random.nextInt(Math.min(length, 16));
                        if (random.nextBoolean()) {
                            p.setByte(ip, 0x40 | random.nextInt(16)); // mostly version 4
                        }
                        p.setNetworkHeader(ip, random.nextInt(64));
                        if (random.nextInt(8) == 0) {
                            p.setTransportHeader(random.nextInt(length + 8) - 4);
                        }
                    }
                    batch.add(p);
                    sent++;
                }
                print.push(0, batch);
            }
            summary.cleanup();
            assertEquals(sent, sink.seen.size());
            assertEquals(sent, summary.lines());
        }
    }

    @Test
    void randomFilesAreRefusedOrReadWithoutThrowing() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (round % 2 == 0 && bytes.length >= 24) { // a valid header, random records
                System.arraycopy(TestPackets.hex("d4c3b2a1 02000400 00000000 00000000 ffff0000 01000000"), 0,
                        bytes, 0, 24);
            }
            Path file = dir.resolve("r" + round);
            Files.write(file, bytes);
            try (TestRouter h = new TestRouter(256, 2048, 128)) {
                FromDump pcap = h.add(new FromDump(), "f", 0, 1, file + ", FORCE_IP true");
                Sink sink = h.add(new Sink(), "r", 1, 0, "");
                StandaloneContext.connect(pcap, 0, sink, 0);
                try {
                    pcap.initialize();
                    h.runUntilIdle(50);
                } catch (ConfigurationException refused) {
                    // not a pcap file: refused at initialization, as it should be
                }
            }
            StringBuilder text = new StringBuilder("!data " + ALL_FIELDS + "\n");
            for (byte b : bytes) {
                text.append(b == 0 ? '\n' : (char) (b & 0x7F));
            }
            Files.writeString(file, text);
            try (TestRouter h = new TestRouter(256, 2048, 128)) {
                FromIPSummaryDump summary = h.add(new FromIPSummaryDump(), "g", 0, 1, file + ", CHECKSUM true");
                Sink sink = Sink.wire(h, summary, Sink::new)[0];
                h.runUntilIdle(50);
            }
        }
    }
}
