package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.packet.Checksums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FromIPSummaryDumpTest {
    @TempDir
    Path dir;

    /** Reads {@code config} to its end; returns the packets seen. */
    private static List<Sink.Seen> read(TestRouter h, String config) throws Exception {
        FromIPSummaryDump source = h.add(new FromIPSummaryDump(), "f", 0, 1, config);
        Sink sink = Sink.wire(h, source, Sink::new)[0];
        h.runUntilIdle(100);
        assertTrue(source.done(), "the dump was read to its end");
        return sink.seen;
    }

    @Test
    void aPortMakesAnIpAndTcpHeaderWithClickDefaults() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            List<Sink.Seen> seen = read(h, "STOP true, DATA \"!data link timestamp sport\n3 1.5 0\n1 2 7\"");
            assertEquals(2, seen.size());
            assertArrayEquals(TestPackets.hex("""
                    45000028 00000000 64060000 00000000 00000000
                    00000000 00000000 00000000 50000000 00000000"""), seen.get(0).data());
            assertEquals(3, seen.get(0).paint(), "link sets the paint annotation");
            assertEquals(1_500_000_000L, seen.get(0).timestamp());
            assertEquals(0, seen.get(0).networkHeader());
            assertEquals(20, seen.get(0).networkHeaderLength());
            assertEquals(7, seen.get(1).data()[21], "sport");
            assertEquals(List.of("stop="), h.handlerWrites(), "STOP stops the router at the end");
        }
    }

    @Test
    void fieldsFillTheHeadersAndLengths() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            List<Sink.Seen> seen = read(h, "DATA \"!IPSummaryDump 1.3\n!data ip_src sport ip_dst dport "
                    + "ip_proto ip_id ip_ttl ip_tos\n# comment\n1.0.0.1 79 1.0.0.2 22 U 7 64 16\n\n"
                    + "!proto I\n!data src dst payload\n9.9.9.9 8.8.8.8 \\\"hi there\\\"\"");
            assertEquals(2, seen.size());
            assertArrayEquals(TestPackets.hex("""
                    4510001c 00070000 40110000 01000001 01000002
                    004f0016 00080000"""), seen.get(0).data(), "UDP length filled in");
            assertEquals(0x01000002, seen.get(0).dstIp(), "destination annotation");
            assertArrayEquals(TestPackets.hex("""
                    4500001c 00000000 64010000 09090909 08080808
                    68692074 68657265"""), seen.get(1).data(), "!proto I: ICMP; as in Click, its payload starts at "
                    + "the transport header");
        }
    }

    @Test
    void aFlowidLineGivesDefaultAddressesAndPorts() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            List<Sink.Seen> seen = read(h, "DATA \"!flowid 1.0.0.1 5 1.0.0.2 6 U\n!data ts dport\n1 -\n2 9\"");
            assertArrayEquals(TestPackets.hex("""
                    4500001c 00000000 64110000 01000001 01000002
                    00050006 00080000"""), seen.get(0).data(), "only a timestamp, but an IP packet of the flow");
            assertArrayEquals(TestPackets.hex("""
                    4500001c 00000000 64110000 01000001 01000002
                    00050009 00080000"""), seen.get(1).data());
        }
    }

    @Test
    void answersPullsAndSleepsWhenDone() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromIPSummaryDump source = h.pulled(new FromIPSummaryDump(), "f", "STOP true, DATA \"!data ts\n1\n2\n3\"");
            dev.junction.packet.PacketBatch into = new dev.junction.packet.PacketBatch();
            assertEquals(2, source.pull(0, into, 2));
            assertEquals(1, source.pull(0, into, 32));
            assertEquals(0, source.pull(0, into, 32));
            assertTrue(source.done());
            assertEquals(List.of("stop="), h.handlerWrites());
            assertEquals(3_000_000_000L, into.get(2).timestampNanos());
            into.killAll();
        }
    }

    @Test
    void aHotSwapGoesOnFromTheSameLine() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            String config = "DATA \"!data ts\n!flowid 1.0.0.1 1 1.0.0.2 2\n1\n2\n3\"";
            FromIPSummaryDump old = h.pulled(new FromIPSummaryDump(), "f", config);
            dev.junction.packet.PacketBatch into = new dev.junction.packet.PacketBatch();
            assertEquals(1, old.pull(0, into, 1));

            FromIPSummaryDump replacement = h.pulled(new FromIPSummaryDump(), "f", config);
            TestRouter.swap(old, replacement);
            assertEquals(2, replacement.pull(0, into, 32));
            assertEquals(List.of(1_000_000_000L, 2_000_000_000L, 3_000_000_000L),
                    List.of(into.get(0).timestampNanos(), into.get(1).timestampNanos(), into.get(2).timestampNanos()));
            assertEquals(0x01000001, into.get(2).getInt(12), "the flow came along");
            into.killAll();
        }
    }

    @Test
    void onePacketPerBatchUnlessBurstSaysOtherwise() throws Exception {
        for (String burst : List.of("", ", BURST 4")) {
            try (TestRouter h = new TestRouter(256, 2048, 128)) {
                FromIPSummaryDump source = h.add(new FromIPSummaryDump(), "f", 0, 1,
                        "DATA \"!data ts\n1\n2\n3\n4\n5\"" + burst);
                Sink sink = Sink.wire(h, source, Sink::new)[0];
                h.runUntilIdle(100);
                assertEquals(5, sink.seen.size());
                assertEquals(burst.isEmpty() ? 5 : 2, sink.batches, "batches" + burst);
            }
        }
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            assertEquals("BURST: must be from 1 to 256", assertThrows(ConfigurationException.class,
                    () -> h.add(new FromIPSummaryDump(), "f", 0, 1, "DATA x, BURST 0")).getMessage());
        }
    }

    @Test
    void checksumSetsValidChecksumsAndPadsToTheIpLength() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            List<Sink.Seen> seen = read(h, "CHECKSUM true, FIELDS ip_src ip_dst sport dport ip_len tcp_flags "
                    + "tcp_seq tcp_ack tcp_window, DATA \"10.0.0.1 10.0.0.2 1234 80 52 SA 1000 2000 8192\"");
            byte[] data = seen.get(0).data();
            assertEquals(52, data.length);
            assertEquals(0, Checksums.finish(Checksums.partial(data, 0, 20)), "IP checksum");
            long tcp = Checksums.partial(data, 20, 32) + Checksums.ipv4PseudoHeader(0x0a000001, 0x0a000002, 6, 32);
            assertEquals(0, Checksums.finish(tcp), "TCP checksum");
            assertEquals(0x12, data[33], "SYN ACK");
            assertEquals(1000, ((data[24] & 0xFF) << 24 | (data[25] & 0xFF) << 16 | (data[26] & 0xFF) << 8
                    | (data[27] & 0xFF)));
        }
    }

    @Test
    void readsFilesAndWarnsAboutBadLines() throws Exception {
        Path file = dir.resolve("in.txt");
        Files.writeString(file, "!data timestamp bogus ip_ttl\n1 x 5\nnot-a-number x q\n2 y zz\n3 - 9\n");
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            List<Sink.Seen> seen = read(h, file.toString());
            assertEquals(3, seen.size(), "lines with no readable field are skipped");
            assertEquals(9, seen.get(2).data()[8]);
            assertEquals(List.of(file + ":1: unknown content type 'bogus'", file + ":3: packet parse error"),
                    h.warnings());
        }
        Path noBanner = dir.resolve("plain.txt");
        Files.writeString(noBanner, "1 2\n");
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            List<Sink.Seen> seen = read(h, noBanner + ", FIELDS ts ip_ttl");
            assertEquals(1, seen.size());
            assertEquals(List.of(), h.warnings(), "FIELDS given: no banner needed");
        }
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            read(h, noBanner.toString());
            assertEquals(List.of(noBanner + ":1: missing banner line; is this an IP summary dump?",
                    noBanner + ":1: no '!data' provided"), h.warnings());
        }
    }

    @Test
    void configurationErrorsNameTheProblem() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromIPSummaryDump missing = h.add(new FromIPSummaryDump(), "f", 0, 1, "/nonexistent/IN");
            ConfigurationException e = assertThrows(ConfigurationException.class, missing::initialize);
            assertEquals("/nonexistent/IN: No such file or directory", e.getMessage());
            FromIPSummaryDump allowed = h.add(new FromIPSummaryDump(), "g", 0, 1,
                    "/nonexistent/IN, ALLOW_NONEXISTENT true");
            allowed.initialize();
            e = assertThrows(ConfigurationException.class,
                    () -> h.add(new FromIPSummaryDump(), "x", 0, 1, "IN, DATA \"1\""));
            assertEquals("FILENAME and DATA conflict", e.getMessage());
            e = assertThrows(ConfigurationException.class, () -> h.add(new FromIPSummaryDump(), "y", 0, 1, "STOP true"));
            assertEquals("FILENAME: required argument missing", e.getMessage());
        }
    }

    @Test
    void timingSpacesPacketsByTheirTimestamps() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromIPSummaryDump source = h.add(new FromIPSummaryDump(), "f", 0, 1,
                    "TIMING true, DATA \"!data timestamp ip_ttl\n10 1\n10.5 2\n12 3\"");
            Sink sink = Sink.wire(h, source, Sink::new)[0];
            h.runUntilIdle(10);
            assertEquals(1, sink.seen.size(), "the first packet at once");
            h.clock.advance(500_000_000L);
            h.runTimers();
            h.runUntilIdle(10);
            assertEquals(2, sink.seen.size());
            h.clock.advance(1_500_000_000L);
            h.runTimers();
            h.runUntilIdle(10);
            assertEquals(3, sink.seen.size());
        }
    }
}
