package dev.junction.standard;

import static dev.junction.standard.TestPackets.hex;
import static dev.junction.standard.TestPackets.ip;
import static dev.junction.standard.TestPackets.packet;
import static dev.junction.standard.TestPackets.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.net.IPv4;
import dev.junction.packet.Packet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CheckIPHeaderTest {
    private static final int SRC = IPv4.parse("1.0.0.1");
    private static final int DST = IPv4.parse("2.0.0.2");

    private record Wired(CheckIPHeader check, Sink good, Sink bad) {
    }

    private static Wired wire(TestRouter router, CheckIPHeader element, String config) throws Exception {
        CheckIPHeader check = router.add(element, "chk", 1, 2, config);
        Sink[] wired = Sink.wire(router, check);
        Sink good = wired[0];
        Sink bad = wired[1];
        return new Wired(check, good, bad);
    }

    @Test
    void theIprouterPacketPassesWithItsAnnotations() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader(), "INTERFACES 18.26.4.1/24 18.26.7.1/24, OFFSET 14");
            Packet packet = packet(router.pool, hex(TestPackets.IPROUTER_FRAME));
            assertEquals(14 + 48, packet.length());
            push(w.check(), 0, packet);
            Packet passed = w.good().only();
            assertEquals(14, passed.networkHeaderOffset());
            assertEquals(34, passed.transportHeaderOffset());
            assertEquals(14 + 40, passed.length(), "trimmed to the IP length");
            assertEquals(DST, passed.dstIp());
            assertEquals(0, w.check().drops());
            w.good().clear();
        }
    }

    @Test
    void eachReasonIsCountedAndDiverted() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader(), "INTERFACES 18.26.4.1/24, DETAILS true");
            byte[] good = ip(SRC, DST, 17, 64, 20, null);
            push(w.check(), 0, packet(router.pool, new byte[19]));
            byte[] version = good.clone();
            version[0] = 0x65;
            push(w.check(), 0, packet(router.pool, version));
            byte[] headerLength = good.clone();
            headerLength[0] = 0x44;
            push(w.check(), 0, packet(router.pool, headerLength));
            byte[] length = good.clone();
            length[3] = (byte) 200;
            push(w.check(), 0, packet(router.pool, length));
            byte[] checksum = good.clone();
            checksum[11] ^= 1;
            push(w.check(), 0, packet(router.pool, checksum));
            push(w.check(), 0, packet(router.pool, ip(IPv4.parse("18.26.4.255"), DST, 17, 64, 20, null)));
            push(w.check(), 0, packet(router.pool, ip(0, DST, 17, 64, 20, null)));
            // A bad source is fine towards a good destination (the router's own interface).
            push(w.check(), 0, packet(router.pool, ip(0, IPv4.parse("18.26.4.1"), 17, 64, 20, null)));
            assertEquals(1, w.good().packets.size());
            assertEquals(7, w.bad().packets.size());
            assertEquals(7, w.check().drops());
            TestRouter.Handlers handlers = router.handlers(w.check());
            assertEquals("7", handlers.read("drops"));
            assertEquals("1\ttiny packet\n1\tbad IP version\n1\tbad IP header length\n1\tbad IP length\n"
                    + "1\tbad IP checksum\n2\tbad source address\n", handlers.read("drop_details"));
            w.good().clear();
            w.bad().clear();
        }
    }

    @Test
    void checksumCanBeSkippedAndCheckIPHeader2SkipsIt() throws Exception {
        byte[] wrong = ip(SRC, DST, 17, 64, 8, null);
        wrong[10] ^= 0x55;
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader(), "CHECKSUM false");
            push(w.check(), 0, packet(router.pool, wrong));
            assertEquals(1, w.good().packets.size());
            w.good().clear();
        }
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader2(), "");
            push(w.check(), 0, packet(router.pool, wrong));
            assertEquals(1, w.good().packets.size());
            w.good().clear();
        }
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader2(), "CHECKSUM true");
            push(w.check(), 0, packet(router.pool, wrong));
            assertEquals(1, w.bad().packets.size());
            w.bad().clear();
        }
    }

    @Test
    void headersWithOptionsAreChecksummedWhole() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader(), "");
            byte[] options = ip(SRC, DST, 17, 64, 4, new byte[] {1, 1, 1, 0});
            push(w.check(), 0, packet(router.pool, options));
            assertEquals(24, w.good().only().networkHeaderLength());
            options[21] = 7;
            push(w.check(), 0, packet(router.pool, options));
            assertEquals(1, w.bad().packets.size());
            w.good().clear();
            w.bad().clear();
        }
    }

    @Test
    void withoutAnErrorOutputBadPacketsAreFreed() throws Exception {
        try (TestRouter router = new TestRouter()) {
            CheckIPHeader check = router.add(new CheckIPHeader(), "chk", 1, 1, "");
            Sink good = Sink.wire(router, check)[0];
            push(check, 0, packet(router.pool, new byte[30]));
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void randomBytesNeverThrow() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader(), "INTERFACES 10.0.0.1/8, OFFSET 2");
            Random random = new Random(5);
            for (int i = 0; i < 5000; i++) {
                byte[] bytes = new byte[random.nextInt(80)];
                random.nextBytes(bytes);
                if (bytes.length > 2 && random.nextBoolean()) {
                    bytes[2] = 0x45;
                }
                push(w.check(), 0, packet(router.pool, bytes));
                w.good().clear();
                w.bad().clear();
            }
            assertTrue(w.check().drops() > 4900);
            assertEquals(256, router.pool.available());
        }
    }

    @Test
    void oldPositionalForms() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader(), "14");
            push(w.check(), 0, packet(router.pool, hex(TestPackets.IPROUTER_FRAME)));
            assertEquals(14, w.good().only().networkHeaderOffset());
            w.good().clear();
        }
        try (TestRouter router = new TestRouter()) {
            Wired w = wire(router, new CheckIPHeader(), "1.0.0.1 3.3.3.3, 0");
            push(w.check(), 0, packet(router.pool, ip(SRC, DST, 17, 64, 0, null)));
            push(w.check(), 0, packet(router.pool, ip(-1, DST, 17, 64, 0, null)));
            assertEquals(2, w.bad().packets.size(), "listed and broadcast sources");
            w.bad().clear();
        }
    }

    @Test
    void configurationErrors() {
        assertEquals(List.of("INTERFACES: parse error"), errors("INTERFACES 1.0.0.1/8 x"));
        assertEquals(List.of("OFFSET: invalid number"), errors("OFFSET a"));
        assertEquals(List.of("BADSRC: parse error"), errors("foo"));
        assertEquals(List.of("FOO: unknown argument"), errors("FOO 1"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new CheckIPHeader(), 1, 1, config);
    }
}
