package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.ConfigurationException;
import dev.junction.element.StandaloneContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToIPSummaryDumpTest {
    @TempDir
    Path dir;

    /** FromIPSummaryDump(DATA data) -> ToIPSummaryDump(file, config); returns the file. */
    private String roundTrip(String data, String config) throws Exception {
        Path file = dir.resolve("out.txt");
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            FromIPSummaryDump source = h.add(new FromIPSummaryDump(), "f", 0, 1, "DATA " + data);
            ToIPSummaryDump dump = h.add(new ToIPSummaryDump(), "t", 1, 0, file + ", " + config);
            StandaloneContext.connect(source, 0, dump, 0);
            source.initialize();
            dump.initialize();
            h.runUntilIdle(100);
            dump.cleanup();
        }
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesTheHeaderAndOneLinePerPacket() throws Exception {
        assertEquals("""
                !IPSummaryDump 1.3
                !creator "test run"
                !data timestamp ip_src
                1.000000 -
                2.000001 1.2.3.4
                3.000000001 -
                """, roundTrip("\"!data ts ip_src\n1 -\n2.000001 1.2.3.4\n3.000000001 -\"",
                "BANNER \"test run\""));
    }

    @Test
    void fieldsRoundTripInClicksFormat() throws Exception {
        String fields = "ip_src sport ip_dst dport ip_proto ip_len ip_id ip_ttl ip_tos ip_frag ip_fragoff "
                + "tcp_flags tcp_seq tcp_ack tcp_window payload_len link direction ts_sec ts_usec wire_len count";
        String out = roundTrip("\"!data " + fields + "\n"
                + "10.0.0.1 1234 10.0.0.2 80 T 52 7 64 16 ! 0! SA 1000 2000 8192 12 1 - 5 250 - -\n"
                + "1.0.0.1 79 1.0.0.1 22 U - - - - F 0+ - - - - - 0 - 6 0 - -\n"
                + "1.0.0.3 - 1.0.0.4 - I - - - - f 800 - - - - - 2 - 7 0 - -\"",
                "FIELDS " + fields + ", HEADER false");
        assertEquals("""
                10.0.0.1 1234 10.0.0.2 80 T 52 7 64 16 ! 0! SA 1000 2000 8192 12 1 < 5 250 40 1
                1.0.0.1 79 1.0.0.1 22 U 28 0 100 0 F 0+ - - - - 0 0 > 6 0 28 1
                1.0.0.3 - 1.0.0.4 - I 20 0 100 0 f 800 - - - - 0 2 2 7 0 20 1
                """, out);
    }

    @Test
    void tcpFlagsAndPayloadsAsClickPrintsThem() throws Exception {
        assertEquals("""
                PA "ab\\"c"
                A ""
                . ""
                FSRPAUECN ""
                """, roundTrip("\"!data tcp_flags payload\nPA \\\"ab\\\\\\\"c\\\"\nA -\n. -\nFSRPAUECN -\"",
                "FIELDS tcp_flags payload, HEADER false"));
    }

    @Test
    void ethernetFieldsPutAndReadAnEthernetHeader() throws Exception {
        assertEquals("""
                01-02-03-04-05-06 0A-0B-0C-0D-0E-0F 0800 1.2.3.4 54
                00-00-00-00-00-00 00-00-00-00-00-00 0806 - 14
                - - - 1.2.3.5 40
                """, roundTrip("\"!data eth_src eth_dst eth_type ip_src wire_len\n"
                + "1:2:3:4:5:6 0a-0b-0c-0d-0e-0f - 1.2.3.4 -\n- - 0806 9.9.9.9 -\n- - - 1.2.3.5 -\"",
                "FIELDS ether_src eth_dst eth_type ip_src wire_len, HEADER false"));
    }

    @Test
    void icmpFieldsWithClicksNames() throws Exception {
        String fields = "icmp_type icmp_code icmp_type_name icmp_code_name icmp_flowid icmp_seq icmp_nextmtu";
        assertEquals("""
                8 0 echo 0 513 7 -
                3 4 unreachable needfrag - - 1400
                11 1 timeexceeded reassembly - - -
                """, roundTrip("\"!proto I\n!data " + fields + "\n8 - - - 513 7 -\n- - unreachable needfrag - - 1400\n"
                + "- - timeexceeded 1 - - -\n- - - - - - -\"", "FIELDS " + fields + ", HEADER false"));
    }

    @Test
    void unknownFieldsAreConfigurationErrors() throws Exception {
        try (TestRouter h = new TestRouter(256, 2048, 128)) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> h.add(new ToIPSummaryDump(), "t", 1, 0, "-, FIELDS ip_src bogus"));
            assertEquals("unknown content type 'bogus'", e.getMessage());
            e = assertThrows(ConfigurationException.class, () -> h.add(new ToIPSummaryDump(), "u", 1, 0, ""));
            assertEquals("FILENAME: required argument missing", e.getMessage());
        }
    }
}
