package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IPPrintTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /** The line IPPrint(config) prints for a packet of {@code hex} whose IP header is at {@code ipOffset}. */
    private String line(String config, String hex, int ipOffset) throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            IPPrint print = h.add(new IPPrint(new PrintStream(printed, true, StandardCharsets.ISO_8859_1)), "p", 1, 1,
                    config);
            Packet p = packet(h, hex, ipOffset);
            String line = print.lineFor(p);
            p.kill();
            return line;
        }
    }

    private static Packet packet(TestRouter h, String hex, int ipOffset) {
        byte[] bytes = TestPackets.hex(hex);
        Packet p = h.pool.allocate();
        p.put(bytes.length);
        p.setBytes(0, bytes, 0, bytes.length);
        if (ipOffset >= 0) {
            p.setNetworkHeader(ipOffset, (bytes[ipOffset] & 15) << 2);
        }
        p.setTimestampNanos(1_000_000_000L);
        return p;
    }

    private static final String TCP = """
            45000034 00050000 40060000 0a000001 0a000002
            04d20050 000003e8 000007d0 50122000 00000000
            01020304 05060708 090a0b0c""";

    @Test
    void tcpLinesAreTcpdumpLike() throws Exception {
        assertEquals("A: 1.000000: 10.0.0.1.1234 > 10.0.0.2.80: S 1000:1013(13,52,52) ack 2000 win 8192",
                line("A", TCP, 0));
        assertEquals("1.000000: 0.0.0.0.0 > 0.0.0.0.0: . 0:0(0,40,40) win 0", line("", """
                45000028 00000000 64060000 00000000 00000000
                00000000 00000000 00000000 50000000 00000000""", 0));
        assertEquals("id 5 ttl 64 tos 0 length 52 10.0.0.1.1234 > 10.0.0.2.80: S 1000:1013(13,52,52) ack 2000 "
                + "win 8192", line("TIMESTAMP false, ID true, TTL true, TOS true, LENGTH true", TCP, 0));
        assertEquals("1.000000: 10.0.0.1 > 10.0.0.2: truncated-tcp", line("", "45000034 00050000 40060000 "
                + "0a000001 0a000002 04d2", 0));
    }

    @Test
    void udpIcmpOtherProtocolsAndFragments() throws Exception {
        assertEquals("1.0.0.1.79 > 1.0.0.2.22: udp 8", line("TIMESTAMP false",
                "4500001c 00000000 40110000 01000001 01000002 004f0016 00080000", 0));
        assertEquals("1.0.0.1 > 1.0.0.2: icmp echo (258, 3)", line("TIMESTAMP false",
                "4500001c 00000000 40010000 01000001 01000002 08000000 01020003", 0));
        assertEquals("1.0.0.1 > 1.0.0.2: icmp echo (513, 768)", line("TIMESTAMP false, SWAP false",
                "4500001c 00000000 40010000 01000001 01000002 08000000 01020003", 0));
        assertEquals("1.0.0.1 > 1.0.0.2: icmp timeexceeded transit", line("TIMESTAMP false",
                "4500001c 00000000 40010000 01000001 01000002 0b000000 00000000", 0));
        assertEquals("1.0.0.1 > 1.0.0.2: ip-proto-47", line("TIMESTAMP false",
                "45000018 00000000 402f0000 01000001 01000002 00000000", 0));
        assertEquals("1.0.0.1 > 1.0.0.2: udp (frag 9:8@800+)", line("TIMESTAMP false",
                "4500001c 00092064 40110000 01000001 01000002 004f0016 00080000", 0));
        assertEquals("paint 0: truncated-ip", line("TIMESTAMP false, PAINT true", "45000014 0000", 0));
    }

    @Test
    void contentsAndPayloadInHexAndAscii() throws Exception {
        assertEquals("1.0.0.1.79 > 1.0.0.2.22: udp 12\n  68692074 68657265", line(
                "TIMESTAMP false, PAYLOAD hex", "45000024 00000000 40110000 01000001 01000002 004f0016 000c0000 "
                        + "68692074 68657265", 0));
        assertEquals("1.0.0.1.79 > 1.0.0.2.22: udp 12\n  E..$.... @....... .....O.. ....hi t here", line(
                "TIMESTAMP false, CONTENTS ascii", "45000024 00000000 40110000 01000001 01000002 004f0016 000c0000 "
                        + "68692074 68657265", 0));
        assertEquals("1.0.0.1.79 > 1.0.0.2.22: udp 12\n  45000024", line("TIMESTAMP false, CONTENTS true, MAXLENGTH 4",
                "45000024 00000000 40110000 01000001 01000002 004f0016 000c0000 68692074 68657265", 0));
    }

    @Test
    void printsOnStandardErrorOrOutfileAndPassesEveryPacket() throws Exception {
        Path file = dir.resolve("out.txt");
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            IPPrint print = h.add(new IPPrint(new PrintStream(printed, true, StandardCharsets.ISO_8859_1)), "p", 1, 1,
                    "x");
            IPPrint toFile = h.add(new IPPrint(), "q", 1, 1, "y, TIMESTAMP false, OUTFILE " + file);
            Sink sink = h.add(new Sink(), "r", 1, 0, "");
            StandaloneContext.connect(print, 0, toFile, 0);
            StandaloneContext.connect(toFile, 0, sink, 0);
            print.initialize();
            toFile.initialize();
            PacketBatch batch = new PacketBatch();
            batch.add(packet(h, TCP, 0));
            batch.add(packet(h, "00112233", -1)); // no network header: passes silently
            print.push(0, batch);
            toFile.cleanup();
            assertEquals(2, sink.seen.size());
            assertEquals("x: 1.000000: 10.0.0.1.1234 > 10.0.0.2.80: S 1000:1013(13,52,52) ack 2000 win 8192\n",
                    printed.toString(StandardCharsets.ISO_8859_1));
            assertEquals("y: 10.0.0.1.1234 > 10.0.0.2.80: S 1000:1013(13,52,52) ack 2000 win 8192\n",
                    Files.readString(file));
        }
    }

    @Test
    void badContentsAreRefused() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> h.add(new IPPrint(), "p", 1, 1, "CONTENTS octal"));
            assertEquals("bad contents value 'OCTAL'; should be 'NONE', 'HEX', or 'ASCII'", e.getMessage());
            e = assertThrows(ConfigurationException.class,
                    () -> h.add(new IPPrint(), "q", 1, 1, "CONTENTS hex, PAYLOAD hex"));
            assertEquals("specify at most one of PAYLOAD and CONTENTS", e.getMessage());
        }
    }
}
