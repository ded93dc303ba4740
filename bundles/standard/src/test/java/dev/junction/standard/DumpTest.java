package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.element.ConfigurationException;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.io.File;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FromDump and ToDump: pcap bytes checked by hand, read back, and read by tcpdump and tshark. */
class DumpTest {
    /** Ethernet, IPv4, UDP 1.0.0.1:79 -> 1.0.0.2:22 with 4 payload bytes (valid IP checksum). */
    private static final String ETHER_UDP = """
            02020202 02020101 01010101 0800
            45000020 00010000 40117ac9 01000001 01000002
            004f0016 000c0000 74657374""";
    private static final String ETHER_ARP = "ffffffff ffff0101 01010101 0806 00010800 06040001";

    @TempDir
    Path dir;

    /** Writes packets of the given hex bytes and timestamps with ToDump(file, config); returns the file's bytes. */
    private byte[] write(String config, long[] timestamps, String... hex) throws Exception {
        Path file = dir.resolve("out.pcap");
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            ToDump dump = h.add(new ToDump(), "t", 1, 0, file + (config.isEmpty() ? "" : ", " + config));
            dump.initialize();
            PacketBatch batch = new PacketBatch();
            for (int i = 0; i < hex.length; i++) {
                byte[] bytes = TestPackets.hex(hex[i]);
                Packet p = h.pool.allocate();
                p.put(bytes.length);
                p.setBytes(0, bytes, 0, bytes.length);
                p.setTimestampNanos(timestamps[i]);
                batch.add(p);
            }
            dump.push(0, batch);
            assertEquals(0, h.pool.capacity() - h.pool.available(), "packets freed without an output");
            dump.cleanup();
        }
        return Files.readAllBytes(file);
    }

    @Test
    void toDumpWritesLibpcapBytesInHostOrder() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "expected bytes are little-endian");
        assertArrayEquals(TestPackets.hex("""
                d4c3b2a1 02000400 00000000 00000000 d0070000 65000000
                01000000 20a10700 04000000 04000000 01020304"""),
                write("ENCAP IP, NANO false", new long[] {1_500_000_000L}, "01020304"));
        assertArrayEquals(TestPackets.hex("""
                4d3cb2a1 02000400 00000000 00000000 02000000 01000000
                01000000 0065cd1d 02000000 04000000 0102"""),
                write("2, ETHER", new long[] {1_500_000_000L}, "01020304"), "nanosecond magic, SNAPLEN cuts");
        assertArrayEquals(TestPackets.hex("""
                4d3cb2a1 02000400 00000000 00000000 ffffffff 71000000
                07000000 09000000 01000000 01000000 aa"""),
                write("SNAPLEN 0, ENCAP SLL", new long[] {7_000_000_009L}, "aa"), "SNAPLEN 0 is everything");
    }

    /** Reads {@code file} with FromDump(config) to its end; returns the packets of outputs 0 and 1. */
    private static List<List<Sink.Seen>> read(Path file, String config, int outputs) throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromDump source = h.add(new FromDump(), "f", 0, outputs, file + (config.isEmpty() ? "" : ", " + config));
            Sink[] sinks = Sink.wire(h, source, Sink::new);
            h.runUntilIdle(100);
            assertEquals(sinks[0].seen.size(), source.count());
            return List.of(sinks[0].seen, outputs > 1 ? sinks[1].seen : List.of());
        }
    }

    @Test
    void fromDumpReadsWhatToDumpWrites() throws Exception {
        write("NANO false", new long[] {1_000_001_000L, 2_000_000_000L}, ETHER_UDP, ETHER_ARP);
        Path file = dir.resolve("out.pcap");
        List<List<Sink.Seen>> seen = read(file, "", 1);
        assertEquals(2, seen.get(0).size());
        assertArrayEquals(TestPackets.hex(ETHER_UDP), seen.get(0).get(0).data());
        assertEquals(1_000_001_000L, seen.get(0).get(0).timestamp());
        assertEquals(-1, seen.get(0).get(0).networkHeader(), "no IP header marked without FORCE_IP");

        seen = read(file, "FORCE_IP true", 2);
        assertEquals(1, seen.get(0).size(), "only the IP packet on output 0");
        assertEquals(14, seen.get(0).get(0).networkHeader());
        assertEquals(0x01000002, seen.get(0).get(0).dstIp());
        assertEquals(1, seen.get(1).size(), "the ARP packet on output 1");
    }

    @Test
    void startAndEndTimesSelectPacketsAndEndCallRuns() throws Exception {
        write("NANO false", new long[] {1_000_000_000L, 2_000_000_000L, 3_000_000_000L, 4_000_000_000L},
                ETHER_UDP, ETHER_UDP, ETHER_UDP, ETHER_UDP);
        Path file = dir.resolve("out.pcap");
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromDump source = h.add(new FromDump(), "f", 0, 1, file + ", START_AFTER 1, END 4, STOP true");
            Sink sink = Sink.wire(h, source, Sink::new)[0];
            h.runUntilIdle(100);
            assertEquals(List.of(2_000_000_000L, 3_000_000_000L),
                    sink.seen.stream().map(Sink.Seen::timestamp).toList());
            assertEquals(List.of("stop="), h.handlerWrites());
        }
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromDump source = h.add(new FromDump(), "f", 0, 1, file + ", INTERVAL 1.5, END_CALL c.reset 1");
            Sink sink = Sink.wire(h, source, Sink::new)[0];
            h.runUntilIdle(100);
            assertEquals(4, sink.seen.size(), "END_CALL runs at the END time; still active, the rest is read");
            assertEquals(List.of("c.reset=1", "c.reset=1"), h.handlerWrites(), "and at the end of the file");
        }
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            assertEquals("END_CALL and STOP are mutually exclusive", assertThrows(ConfigurationException.class,
                    () -> h.add(new FromDump(), "f", 0, 1, file + ", STOP true, END_CALL x.y")).getMessage());
        }
    }

    @Test
    void aHotSwapGoesOnFromTheSamePacket() throws Exception {
        write("NANO false", new long[] {1_000_000_000L, 2_000_000_000L, 3_000_000_000L}, ETHER_UDP, ETHER_UDP,
                ETHER_UDP);
        String config = dir.resolve("out.pcap").toString();
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromDump old = h.pulled(new FromDump(), "f", config);
            PacketBatch into = new PacketBatch();
            assertEquals(1, old.pull(0, into, 1));
            FromDump replacement = h.pulled(new FromDump(), "f", config);
            TestRouter.swap(old, replacement);
            assertEquals(2, replacement.pull(0, into, 32));
            assertEquals(3, replacement.count());
            assertEquals(3_000_000_000L, into.get(2).timestampNanos());
            into.killAll();
        }
    }

    /**
     * A ToDump's successor in a hot swap, initialized while the old one still writes, takes over the open file: one
     * header, every packet of both; another format starts the file afresh, as Click's would.
     */
    @Test
    void toDumpHandsItsOpenFileToItsSuccessor() throws Exception {
        Path file = dir.resolve("swap.pcap");
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            ToDump old = h.add(new ToDump(), "t", 1, 0, file + ", UNBUFFERED true");
            old.initialize();
            old.push(0, udpPackets(h, 2));
            assertEquals(24 + 2 * (16 + 46), Files.size(file));
            ToDump successor = h.add(new ToDump(), "t", 1, 0, file + ", UNBUFFERED true");
            successor.initialize();
            assertEquals(24 + 2 * (16 + 46), Files.size(file), "the successor's initialize left the file alone");
            TestRouter.swap(old, successor);
            successor.push(0, udpPackets(h, 3));
            successor.cleanup();
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(24 + 5 * (16 + 46), bytes.length, "one header, five records");

            ToDump third = h.add(new ToDump(), "t", 1, 0, file.toString());
            third.initialize();
            third.push(0, udpPackets(h, 1));
            ToDump otherFormat = h.add(new ToDump(), "t", 1, 0, file + ", NANO false");
            otherFormat.initialize();
            TestRouter.swap(third, otherFormat);
            otherFormat.push(0, udpPackets(h, 1));
            otherFormat.cleanup();
            assertEquals(24 + (16 + 46), Files.size(file), "another format: the file starts afresh");
            assertEquals(0, h.pool.capacity() - h.pool.available());
        }
    }

    private static PacketBatch udpPackets(TestRouter h, int count) {
        PacketBatch batch = new PacketBatch();
        byte[] bytes = TestPackets.hex(ETHER_UDP);
        for (int i = 0; i < count; i++) {
            Packet p = h.pool.allocate();
            p.put(bytes.length);
            p.setBytes(0, bytes, 0, bytes.length);
            p.setTimestampNanos(1_000_000_000L);
            batch.add(p);
        }
        return batch;
    }

    @Test
    void fromDumpReadsBigEndianNanosecondAndSllFiles() throws Exception {
        Path file = dir.resolve("be.pcap");
        Files.write(file, TestPackets.hex("""
                a1b23c4d 00020004 00000000 00000000 0000ffff 00000071
                00000005 00000007 0000002c 0000002c
                00000001 00060202 02020202 00000800
                45000014 00010000 40007ad9 01000001 01000002 00000000
                00000006 00000000 00000002 00000002 0102"""));
        List<List<Sink.Seen>> seen = read(file, "FORCE_IP true", 1);
        assertEquals(1, seen.get(0).size(), "the 2-byte packet has no IP header: dropped");
        Sink.Seen packet = seen.get(0).get(0);
        assertEquals(5_000_000_007L, packet.timestamp());
        assertEquals(16, packet.networkHeader());
        assertEquals(44, packet.data().length);
    }

    @Test
    void badFilesAreConfigurationErrorsNamingTheFile() throws Exception {
        Path empty = dir.resolve("empty.pcap");
        Files.write(empty, new byte[3]);
        Path bad = dir.resolve("bad.pcap");
        Files.write(bad, new byte[24]);
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            assertEquals(empty + ": not a tcpdump file (too short)", assertThrows(ConfigurationException.class,
                    () -> h.add(new FromDump(), "a", 0, 1, empty.toString()).initialize()).getMessage());
            assertEquals(bad + ": not a tcpdump file (bad magic number)", assertThrows(ConfigurationException.class,
                    () -> h.add(new FromDump(), "b", 0, 1, bad.toString()).initialize()).getMessage());
            assertEquals("/nonexistent.pcap: No such file or directory", assertThrows(ConfigurationException.class,
                    () -> h.add(new FromDump(), "c", 0, 1, "/nonexistent.pcap").initialize()).getMessage());
            assertEquals("bad encapsulation type", assertThrows(ConfigurationException.class,
                    () -> h.add(new ToDump(), "d", 1, 0, "x.pcap, ENCAP TOKENRING")).getMessage());
        }
    }

    @Test
    void tcpdumpReadsToDumpFiles() throws Exception {
        assumeTrue(installed("tcpdump"), "tcpdump is not installed (.ci/run installs it)");
        for (String nano : List.of("false", "true")) {
            write("NANO " + nano, new long[] {1_000_001_000L, 2_000_000_000L}, ETHER_UDP, ETHER_ARP);
            String out = run("tcpdump", "-n", "-tt", "-r", dir.resolve("out.pcap").toString());
            assertTrue(out.contains("1.000001 IP 1.0.0.1.79 > 1.0.0.2.22: UDP, length 4"), out);
            assertTrue(out.contains("2.000000") && out.toLowerCase().contains("arp"), out);
        }
    }

    @Test
    void tsharkReadsToDumpFiles() throws Exception {
        assumeTrue(installed("tshark"), "tshark is not installed (.ci/run installs it)");
        write("ENCAP IP", new long[] {3_000_000_000L}, ETHER_UDP.substring(ETHER_UDP.indexOf('\n') + 1));
        String out = run("tshark", "-r", dir.resolve("out.pcap").toString(), "-T", "fields", "-e", "ip.src",
                "-e", "udp.srcport", "-e", "udp.dstport", "-e", "frame.time_epoch", "-e", "ip.checksum.status");
        assertTrue(out.startsWith("1.0.0.1\t79\t22\t3.000000000\t"), out);
    }

    private static boolean installed(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }

    private String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(dir.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
