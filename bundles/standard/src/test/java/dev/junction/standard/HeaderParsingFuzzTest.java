package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.junction.element.Element;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never escapes an element that parses headers (DESIGN.md, "Bad input"): random bytes, and valid
 * Ethernet/IPv4/UDP/TCP/ICMP/ARP frames that are then truncated, lengthened, given a wrong version, a wrong
 * checksum, wrong length fields or random bytes, go through every header-parsing element of the bundle. No
 * exception may leave the element, every packet must end up somewhere (an output or back in the pool: the pool
 * is full again after the element's cleanup), and the packets each output receives stay within their buffers.
 *
 * <p>The corpus is made from a fixed seed per element, so a failure names a reproducible case.
 */
class HeaderParsingFuzzTest {
    private static final int PACKETS = 20_000;
    private static final int BATCH = 32;
    private static final int POOL = 4096;

    /** An element under test: its Click class, configuration and port counts as a router would give them. */
    record Subject(String className, String config, int inputs, int outputs) {
        @Override
        public String toString() {
            return className + "(" + config + ") " + inputs + "/" + outputs;
        }
    }

    static Stream<Subject> subjects() {
        return Stream.of(
                new Subject("Strip", "14", 1, 1),
                new Subject("Unstrip", "100", 1, 1),
                new Subject("StoreData", "10, \\<0102030405060708090a0b>", 1, 1),
                new Subject("Truncate", "30", 1, 1),
                new Subject("Pad", "", 1, 1),
                new Subject("Pad", "230", 1, 1),
                new Subject("CheckLength", "50", 1, 1),
                new Subject("IPEncap", "4, 198.18.0.1, DST_ANNO", 1, 1),
                new Subject("UDPIPEncap", "198.18.0.1, 1, DST_ANNO, 2", 1, 1),
                new Subject("MarkIPHeader", "-1", 1, 1),
                new Subject("GetIPAddress", "IP src", 1, 1),
                new Subject("GetIPAddress", "IP dst", 1, 1),
                new Subject("StoreIPAddress", "src", 1, 2),
                new Subject("StoreIPAddress", "dst", 1, 1),
                new Subject("StoreIPAddress", "12", 1, 1),
                new Subject("StoreIPAddress", "198.18.1.1, 200", 1, 1),
                new Subject("CheckIPHeader", "", 1, 2),
                new Subject("CheckIPHeader", "OFFSET 14, CHECKSUM false", 1, 2),
                new Subject("CheckIPHeader", "INTERFACES 198.18.0.1/24, VERBOSE true", 1, 1),
                new Subject("CheckIPHeader2", "", 1, 2),
                new Subject("MarkIPHeader", "14", 1, 1),
                new Subject("GetIPAddress", "16", 1, 1),
                new Subject("SetIPAddress", "198.18.0.9", 1, 1),
                new Subject("StoreIPAddress", "198.18.0.9, 16", 1, 1),
                new Subject("DecIPTTL", "", 1, 2),
                new Subject("FixIPSrc", "198.18.0.1", 1, 1),
                new Subject("DropBroadcasts", "", 1, 1),
                new Subject("IPGWOptions", "198.18.0.1", 1, 2),
                new Subject("IPFragmenter", "300", 1, 2),
                new Subject("ICMPError", "198.18.0.1, unreachable, needfrag", 1, 1),
                new Subject("ICMPError", "198.18.0.1, timeexceeded", 1, 1),
                new Subject("ICMPError", "198.18.0.1, parameterproblem", 1, 1),
                new Subject("ICMPError", "198.18.0.1, redirect, host", 1, 1),
                new Subject("IPInputCombo", "1, INTERFACES 198.18.0.1/24", 1, 1),
                new Subject("IPOutputCombo", "1, 198.18.0.1, 300", 1, 5),
                new Subject("ARPResponder", "198.18.0.1 02:00:00:00:00:01, 198.18.1.0/24 02:00:00:00:00:01", 1, 1),
                new Subject("ARPQuerier", "198.18.0.1, 02:00:00:00:00:01", 2, 2),
                new Subject("UDPIPEncap", "198.18.0.1, 1234, 198.18.0.2, 4789, CHECKSUM true", 1, 1),
                new Subject("EtherEncap", "0x0800, 02:00:00:00:00:01, 02:00:00:00:00:02", 1, 1),
                new Subject("EtherSwitch", "", 2, 2),
                new Subject("Classifier", "12/0800, 12/0806 20/0001, 12/86dd, -", 1, 4),
                new Subject("IPClassifier", "tcp port 80, udp && src net 198.18.0.0/16, icmp type echo, ip frag, -", 1, 5),
                new Subject("IPFilter", "allow tcp opt syn, deny ip[9] == 17 and transp[2:2] < 1024, 1 icmp, drop all", 1, 2),
                new Subject("StaticIPLookup", "198.18.0.0/16 0, 0.0.0.0/0 198.18.0.1 1", 1, 2),
                new Subject("LinearIPLookup", "198.18.0.0/16 0, 0.0.0.0/0 198.18.0.1 1", 1, 2),
                new Subject("RadixIPLookup", "198.18.0.0/16 0, 0.0.0.0/0 198.18.0.1 1", 1, 2),
                new Subject("DirectIPLookup", "198.18.0.0/16 0, 0.0.0.0/0 198.18.0.1 1", 1, 2),
                new Subject("HashSwitch", "26, 8", 1, 3),
                new Subject("CheckLength", "100", 1, 2),
                new Subject("IPPrint", "FUZZ, CONTENTS true, OUTFILE /dev/null", 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void malformedPacketsNeverEscapeAndNeverLeak(Subject subject) throws Exception {
        try (TestRouter router = new TestRouter(POOL)) {
            Element element = instantiate(subject.className());
            router.add(element, "e", subject.inputs(), subject.outputs(), subject.config());
            for (int port = 0; port < subject.outputs(); port++) {
                Sink sink = router.add(new Sink(), "sink" + port, 1, 0, "");
                TestRouter.connect(element, port, sink, 0);
            }
            router.initialize(element);

            SplittableRandom random = new SplittableRandom(subject.toString().hashCode());
            PacketBatch batch = new PacketBatch(BATCH);
            for (int sent = 0; sent < PACKETS; sent += BATCH) {
                batch.clear();
                int made = router.pool.allocate(batch, BATCH);
                assertEquals(BATCH, made, "the element keeps packets it should have freed or sent on");
                for (int i = 0; i < made; i++) {
                    Corpus.fill(batch.get(i), random);
                }
                int port = random.nextInt(subject.inputs());
                try {
                    element.push(port, batch);
                } catch (RuntimeException e) { // PacketException included
                    fail(subject + " threw on packet batch " + sent / BATCH + " into input " + port, e);
                }
                if (random.nextInt(16) == 0) {
                    router.clock.advance(random.nextLong(2_000_000_000L));
                    router.runTasks();
                }
            }
            element.cleanup();
            assertEquals(POOL, router.pool.available(), subject + " leaked packets");
        }
    }

    private static Element instantiate(String className) throws ReflectiveOperationException {
        Class<?> type = Class.forName(HeaderParsingFuzzTest.class.getPackageName() + "." + className);
        return (Element) type.getDeclaredConstructor().newInstance();
    }

    /** Packets worth feeding a header parser: valid frames, damaged frames, and noise. */
    static final class Corpus {
        private static final int[] PROTOCOLS = {1, 6, 17, 0, 4, 47, 255};

        private Corpus() {
        }

        /** Fills {@code packet} (fresh from the pool, empty) with one case chosen by {@code random}. */
        static void fill(Packet packet, SplittableRandom random) {
            int kind = random.nextInt(8);
            byte[] bytes = switch (kind) {
                case 0 -> noise(random, random.nextInt(0, 80));
                case 1 -> noise(random, random.nextInt(0, 1600));
                default -> damaged(random, frame(random, kind == 7));
            };
            int length = Math.min(bytes.length, packet.capacity());
            // Anywhere in the buffer: elements that push headers must cope with no headroom, too.
            packet.setWindow(random.nextInt(4) == 0 ? random.nextInt(packet.capacity() - length + 1)
                    : Math.min(packet.headroom(), packet.capacity() - length), length);
            packet.setBytes(0, bytes, 0, length);
            boolean ethernet = kind != 7;
            switch (random.nextInt(4)) {
                case 0 -> { } // no header annotations at all
                case 1 -> packet.setNetworkHeader(Math.min(ethernet ? 14 : 0, length), 20);
                case 2 -> packet.setNetworkHeader(random.nextInt(length + 40) - 20, random.nextInt(0, 64));
                default -> {
                    if (ethernet && length >= 14) {
                        packet.pull(14); // an IP packet whose Ethernet header sits in the headroom
                        packet.setNetworkHeader(0, 20);
                    }
                }
            }
            packet.setDstIp(random.nextInt());
            packet.setPaint(random.nextInt(256));
            Annotations.setExtraLength(packet, random.nextInt(3) == 0 ? random.nextInt(1000) : 0);
        }

        private static byte[] noise(SplittableRandom random, int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        /** A well-formed Ethernet/IPv4 (UDP, TCP, ICMP, with options sometimes) or Ethernet/ARP frame; or bare IP. */
        private static byte[] frame(SplittableRandom random, boolean bareIp) {
            if (!bareIp && random.nextInt(6) == 0) {
                return arp(random);
            }
            int options = random.nextInt(4) == 0 ? 4 * random.nextInt(1, 11) : 0;
            int protocol = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
            int payload = random.nextInt(0, 1500 - 20 - options - 20);
            int transport = protocol == 6 ? 20 : protocol == 17 || protocol == 1 ? 8 : 0;
            int ipLength = 20 + options + transport + payload;
            int link = bareIp ? 0 : 14;
            byte[] b = new byte[link + ipLength];
            random.nextBytes(b);
            if (!bareIp) {
                b[12] = 0x08;
                b[13] = 0x00;
                if (random.nextInt(8) == 0) {
                    for (int i = 0; i < 6; i++) {
                        b[i] = (byte) 0xff; // broadcast
                    }
                }
            }
            int ip = link;
            b[ip] = (byte) (0x40 | (5 + options / 4));
            b[ip + 2] = (byte) (ipLength >> 8);
            b[ip + 3] = (byte) ipLength;
            b[ip + 6] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0x40); // sometimes fragments
            b[ip + 7] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : 0;
            b[ip + 8] = (byte) random.nextInt(0, 4); // TTLs near expiry
            b[ip + 9] = (byte) protocol;
            b[ip + 12] = (byte) 198;
            b[ip + 13] = (byte) 18;
            b[ip + 16] = (byte) (random.nextBoolean() ? 198 : random.nextInt(256));
            b[ip + 17] = (byte) 18;
            if (options > 0) {
                for (int i = 0; i < options; i++) {
                    // Record route, timestamp, end of list, no-op, and garbage.
                    b[ip + 20 + i] = (byte) new int[] {7, 68, 0, 1, 131, 137, random.nextInt(256)}[random.nextInt(7)];
                }
            }
            b[ip + 10] = 0;
            b[ip + 11] = 0;
            int sum = checksum(b, ip, 20 + options);
            b[ip + 10] = (byte) (sum >> 8);
            b[ip + 11] = (byte) sum;
            if (protocol == 17) {
                int udp = ip + 20 + options;
                b[udp + 4] = (byte) ((8 + payload) >> 8);
                b[udp + 5] = (byte) (8 + payload);
            }
            return b;
        }

        private static byte[] arp(SplittableRandom random) {
            byte[] b = new byte[42];
            random.nextBytes(b);
            b[12] = 0x08;
            b[13] = 0x06;
            byte[] fixed = {0, 1, 8, 0, 6, 4, 0, (byte) random.nextInt(1, 3)};
            System.arraycopy(fixed, 0, b, 14, fixed.length);
            b[38] = (byte) 198;
            b[39] = (byte) 18;
            b[40] = (byte) (random.nextBoolean() ? 0 : 1);
            return b;
        }

        /** Breaks {@code frame} in one of several ways, or leaves it whole. */
        private static byte[] damaged(SplittableRandom random, byte[] frame) {
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    return frame;
                }
                case 2 -> {
                    return java.util.Arrays.copyOf(frame, random.nextInt(0, frame.length + 1)); // truncated
                }
                case 3 -> {
                    return java.util.Arrays.copyOf(frame, frame.length + random.nextInt(1, 200)); // trailing bytes
                }
                case 4 -> {
                    int at = Math.min(14, frame.length - 1);
                    if (at >= 0) {
                        frame[at] = (byte) (random.nextInt(16) << 4 | random.nextInt(16)); // version and IHL
                    }
                    return frame;
                }
                case 5 -> {
                    if (frame.length > 25) {
                        frame[24] = (byte) (frame[24] ^ random.nextInt(1, 256)); // checksum
                    }
                    return frame;
                }
                case 6 -> {
                    if (frame.length > 17) {
                        frame[16] = (byte) random.nextInt(256); // IP total length
                        frame[17] = (byte) random.nextInt(256);
                    }
                    return frame;
                }
                default -> {
                    for (int i = random.nextInt(1, 8); i > 0 && frame.length > 0; i--) {
                        frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
                    }
                    return frame;
                }
            }
        }

        private static int checksum(byte[] b, int from, int length) {
            long sum = 0;
            for (int i = 0; i + 1 < length; i += 2) {
                sum += ((b[from + i] & 0xff) << 8) | (b[from + i + 1] & 0xff);
            }
            while ((sum >> 16) != 0) {
                sum = (sum & 0xffff) + (sum >> 16);
            }
            return (int) (~sum & 0xffff);
        }
    }
}
