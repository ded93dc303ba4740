package dev.junction.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.net.IPv6Address;
import dev.junction.net.IPv6Prefix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgTypesTest {
    /** Reads {@code value} as keyword argument V, failing the test if the read reports an error. */
    private static <T> T valueOf(ArgParser<T> type, String value) {
        Args args = Args.parse("V " + value);
        T result = args.read("V", type, null);
        assertEquals(List.of(), args.errors(), "errors for '" + value + "'");
        return result;
    }

    /** The one error reading {@code value} as keyword argument V reports. */
    private static String errorOf(ArgParser<?> type, String value) {
        Args args = Args.parse("V " + value);
        assertEquals(null, args.read("V", type, null));
        assertEquals(1, args.errors().size(), "errors for '" + value + "': " + args.errors());
        return args.errors().getFirst();
    }

    // ---------------------------------------------------------------- integers

    @ParameterizedTest
    @CsvSource({"0, 0", "-0, 0", "-5, -5", "+7, 7", "2147483647, 2147483647", "-2147483648, -2147483648",
            "0x7FFFFFFF, 2147483647", "0x7fffffff, 2147483647", "-0x80000000, -2147483648", "017, 15", "00, 0",
            "0b101, 5", "0B11, 3", "1_000, 1000", "0xF_F, 255", "0_7, 7"})
    void integers(String text, int expected) {
        assertEquals(expected, valueOf(ArgTypes.INTEGER, text));
    }

    @Test
    void integerOverflowIsAnErrorNamingTheBound() {
        assertEquals("V: out of range, bound 2147483647", errorOf(ArgTypes.INTEGER, "2147483648"));
        assertEquals("V: out of range, bound 2147483647", errorOf(ArgTypes.INTEGER, "4294967296"));
        assertEquals("V: out of range, bound 2147483647", errorOf(ArgTypes.INTEGER, "0x80000000"));
        assertEquals("V: out of range, bound -2147483648", errorOf(ArgTypes.INTEGER, "-2147483649"));
        assertEquals("V: out of range, bound -2147483648", errorOf(ArgTypes.INTEGER, "-4294967296"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aoeu", "08", "0x", "0xg", "1__0", "1_", "_1", "1.5", "1e3", "--1", "+-1", "1 2", "0b2",
            "0x_1", "١٢"})
    void malformedIntegers(String text) {
        assertEquals("V: invalid number", errorOf(ArgTypes.INTEGER, text));
    }

    @Test
    void unsignedIsAUint32() {
        assertEquals(4294967295L, valueOf(ArgTypes.UNSIGNED, "4294967295"));
        assertEquals(4294967294L, valueOf(ArgTypes.UNSIGNED, "0xFFFFFFFE"));
        assertEquals(5L, valueOf(ArgTypes.UNSIGNED, "+5"));
        assertEquals(0L, valueOf(ArgTypes.UNSIGNED, "0"));
        assertEquals("V: out of range, bound 4294967295", errorOf(ArgTypes.UNSIGNED, "4294967296"));
        assertEquals("V: out of range, bound 4294967295", errorOf(ArgTypes.UNSIGNED, "42949672961939"));
        assertEquals("V: invalid number", errorOf(ArgTypes.UNSIGNED, "-1"));
        assertEquals("V: invalid number", errorOf(ArgTypes.UNSIGNED, "-0"));
    }

    @Test
    void unsignedIntIsANonNegativeInt() {
        assertEquals(Integer.MAX_VALUE, valueOf(ArgTypes.UNSIGNED_INT, "2147483647"));
        assertEquals(0, valueOf(ArgTypes.UNSIGNED_INT, "0"));
        assertEquals("V: out of range, bound 2147483647", errorOf(ArgTypes.UNSIGNED_INT, "2147483648"));
        assertEquals("V: invalid number", errorOf(ArgTypes.UNSIGNED_INT, "-1"));
    }

    @Test
    void longs() {
        assertEquals(Long.MAX_VALUE, valueOf(ArgTypes.LONG, "9223372036854775807"));
        assertEquals(Long.MIN_VALUE, valueOf(ArgTypes.LONG, "-9223372036854775808"));
        assertEquals(-5L, valueOf(ArgTypes.LONG, "-5"));
        assertEquals("V: out of range, bound 9223372036854775807", errorOf(ArgTypes.LONG, "9223372036854775808"));
        assertEquals("V: out of range, bound -9223372036854775808", errorOf(ArgTypes.LONG, "-9223372036854775809"));
    }

    @Test
    void boundedIntegersNameTheBoundTheyPassed() {
        ArgParser<Integer> octet = ArgTypes.integer(0, 255);
        assertEquals(255, valueOf(octet, "255"));
        assertEquals(0, valueOf(octet, "0"));
        assertEquals("V: out of range, bound 255", errorOf(octet, "256"));
        assertEquals("V: out of range, bound 0", errorOf(octet, "-1"));
        assertEquals("V: out of range, bound -90", errorOf(ArgTypes.integer(-1000, -90), "0"));
        assertEquals("V: invalid number", errorOf(octet, "x"));
    }

    // ---------------------------------------------------------------- booleans, reals, strings

    @Test
    void booleansUseClicksSpellings() {
        for (String yes : List.of("true", "yes", "1", "t", "y")) {
            assertEquals(true, valueOf(ArgTypes.BOOLEAN, yes), yes);
        }
        for (String no : List.of("false", "no", "0", "f", "n")) {
            assertEquals(false, valueOf(ArgTypes.BOOLEAN, no), no);
        }
        for (String other : List.of("TRUE", "True", "on", "off", "2", "yess")) {
            assertEquals("V: parse error", errorOf(ArgTypes.BOOLEAN, other), other);
        }
    }

    @ParameterizedTest
    @CsvSource({"1.5, 1.5", "-2, -2", ".5, 0.5", "5., 5", "1e3, 1000", "+1E-3, 0.001", "0, 0", "1e-300, 1e-300"})
    void reals(String text, double expected) {
        assertEquals(expected, valueOf(ArgTypes.REAL, text));
    }

    @Test
    void realSpecialsAndErrors() {
        assertEquals(Double.POSITIVE_INFINITY, valueOf(ArgTypes.REAL, "inf"));
        assertEquals(Double.NEGATIVE_INFINITY, valueOf(ArgTypes.REAL, "-Infinity"));
        assertTrue(valueOf(ArgTypes.REAL, "nan").isNaN());
        assertEquals("V: out of range, bound inf", errorOf(ArgTypes.REAL, "1e400"));
        assertEquals("V: out of range, bound -inf", errorOf(ArgTypes.REAL, "-1e400"));
        assertEquals("V: underflow, rounded to 0", errorOf(ArgTypes.REAL, "1e-400"));
        assertEquals("V: underflow, rounded to -0", errorOf(ArgTypes.REAL, "-1e-400"));
        for (String bad : List.of("abc", "1.5x", "1e", ".", "1d", "0x10", "1..2")) {
            assertEquals("V: parse error", errorOf(ArgTypes.REAL, bad), bad);
        }
    }

    @Test
    void stringsAreOneUnquotedWord() {
        assertEquals("hello", valueOf(ArgTypes.STRING, "hello"));
        assertEquals("hello world", valueOf(ArgTypes.STRING, "\"hello world\""));
        assertEquals("a b", valueOf(ArgTypes.STRING, "'a b'"));
        assertEquals("ab", valueOf(ArgTypes.STRING, "\"a\"b"));
        assertEquals("Hello", valueOf(ArgTypes.STRING, "\\<48 65 6c 6c 6f>"));
        assertEquals("a\tb", valueOf(ArgTypes.STRING, "\"a\\tb\""));
        assertEquals("V: parse error", errorOf(ArgTypes.STRING, "hello world"));
        assertEquals("V: parse error", errorOf(ArgTypes.STRING, "\"a\" b"));
    }

    @Test
    void wordsAreStringsOfPrintableAscii() {
        assertEquals("abc", valueOf(ArgTypes.WORD, "\"abc\""));
        assertEquals("a.b/c-d", valueOf(ArgTypes.WORD, "a.b/c-d"));
        assertEquals("V: parse error", errorOf(ArgTypes.WORD, "\"a b\""));
        assertEquals("V: parse error", errorOf(ArgTypes.WORD, "\"a,b\""));
        assertEquals("V: parse error", errorOf(ArgTypes.WORD, "'a\"b'"));
    }

    @Test
    void keywordsAndAny() {
        assertEquals("ABC_1.x:?!", valueOf(ArgTypes.KEYWORD, "ABC_1.x:?!"));
        assertEquals("V: parse error", errorOf(ArgTypes.KEYWORD, "a-b"));
        assertEquals("V: parse error", errorOf(ArgTypes.KEYWORD, "\"ab\""));
        assertEquals("'x' \"y\" \\<41>", valueOf(ArgTypes.ANY, "'x' \"y\" \\<41>"));
    }

    // ---------------------------------------------------------------- times and bandwidths

    @ParameterizedTest
    @CsvSource({
            "1.5s, 1500000000",
            "10ms, 10000000",
            "10msec, 10000000",
            "250us, 250000",
            "250usec, 250000",
            "5ns, 5",
            "5nsec, 5",
            "2, 2000000000",
            "0.5, 500000000",
            "1min, 60000000000",
            "2m, 120000000000",
            "1h, 3600000000000",
            "1 hr, 3600000000000",
            "1d, 86400000000000",
            "1day, 86400000000000",
            "3.6e6 msec, 3600000000000",
            "1_000ms, 1000000000",
            "+1sec, 1000000000",
            "1.0000000005s, 1000000001",
            "1.0000000004s, 1000000000",
            "0.4ns, 0",
            "1mm, 60000000",
            "0, 0"})
    void times(String text, long nanoseconds) {
        assertEquals(nanoseconds, valueOf(ArgTypes.TIME, text));
    }

    @Test
    void badTimes() {
        for (String bad : List.of("-1s", "ms", "10 weeks", "1 parsec", "10 m s", "1.2.3s", "1e", "s1", "1ks")) {
            assertEquals("V: parse error", errorOf(ArgTypes.TIME, bad), bad);
        }
        assertEquals("V: out of range", errorOf(ArgTypes.TIME, "1e30s"));
        assertEquals("V: out of range", errorOf(ArgTypes.TIME, "110000d")); // over 292 years of nanoseconds
    }

    @ParameterizedTest
    @CsvSource({
            "10Mbps, 1250000",
            "1.5MBps, 1500000",
            "100kbps, 12500",
            "1Gbps, 125000000",
            "100Gbps, 12500000000",
            "1000, 1000",
            "8 baud, 1",
            "8Kbps, 1000",
            "8KBps, 8000",
            "1kB/s, 1000",
            "16 b/s, 2",
            "4bps, 1",
            "3bps, 0",
            "2.5GBps, 2500000000"})
    void bandwidthsInBytesPerSecond(String text, long bytesPerSecond) {
        assertEquals(bytesPerSecond, valueOf(ArgTypes.BANDWIDTH, text));
    }

    @Test
    void badBandwidths() {
        for (String bad : List.of("10M", "1k", "10 Mbit", "fast", "-1Bps", "10 mbps", "Mbps")) {
            assertEquals("V: parse error", errorOf(ArgTypes.BANDWIDTH, bad), bad);
        }
        assertEquals("V: out of range", errorOf(ArgTypes.BANDWIDTH, "1e30Bps"));
    }

    // ---------------------------------------------------------------- addresses and elements

    @Test
    void addresses() {
        assertEquals(0x121A0409, valueOf(ArgTypes.IPV4_ADDRESS, "18.26.4.9"));
        assertEquals(IPv4Prefix.of(IPv4.parse("18.26.4.0"), 24), valueOf(ArgTypes.IPV4_PREFIX, "18.26.4/24"));
        assertEquals(IPv4Prefix.of(IPv4.parse("1.2.3.4"), 32), valueOf(ArgTypes.IPV4_ADDRESS_OR_PREFIX, "1.2.3.4"));
        assertEquals(IPv6Address.parse("2001:db8::1"), valueOf(ArgTypes.IPV6_ADDRESS, "2001:db8::1"));
        assertEquals(new IPv6Prefix(IPv6Address.parse("2001:db8::"), 32), valueOf(ArgTypes.IPV6_PREFIX, "2001:db8::/32"));
        assertEquals(128, valueOf(ArgTypes.IPV6_ADDRESS_OR_PREFIX, "::1").prefixLength());
        assertEquals(0x0011_2233_4455L, valueOf(ArgTypes.ETHER_ADDRESS, "00:11:22:33:44:55"));
    }

    @Test
    void badAddressesAreParseErrorsAsInClick() {
        assertEquals("V: parse error", errorOf(ArgTypes.IPV4_ADDRESS, "1.2.3"));
        assertEquals("V: parse error", errorOf(ArgTypes.IPV4_PREFIX, "1.2.3.4"));
        assertEquals("V: parse error", errorOf(ArgTypes.IPV6_ADDRESS, "1::2::3"));
        assertEquals("V: parse error", errorOf(ArgTypes.IPV6_PREFIX, "::1"));
        assertEquals("V: parse error", errorOf(ArgTypes.ETHER_ADDRESS, "00:11:22:33:44"));
    }

    @Test
    void elementsAreResolvedByName() {
        Element queue = new ElementTest.Bare();
        Map<String, Element> router = Map.of("q", queue);
        Args args = Args.parse("q, QUEUE nothere", router::get);
        assertSame(queue, args.requirePositional("TARGET", ArgTypes.element()));
        assertEquals(null, args.read("QUEUE", ArgTypes.element(), null));
        assertEquals(List.of("QUEUE: does not name an element"), args.errors());

        Args withoutResolver = Args.parse("q");
        assertEquals(null, withoutResolver.requirePositional("TARGET", ArgTypes.element()));
        assertEquals(List.of("TARGET: does not name an element"), withoutResolver.errors());
    }

    @Test
    void descriptionsAreClicks() {
        assertEquals("int", ArgTypes.INTEGER.description());
        assertEquals("unsigned", ArgTypes.UNSIGNED.description());
        assertEquals("bool", ArgTypes.BOOLEAN.description());
        assertEquals("double", ArgTypes.REAL.description());
        assertEquals("string", ArgTypes.STRING.description());
        assertEquals("time in sec", ArgTypes.TIME.description());
        assertEquals("bandwidth", ArgTypes.BANDWIDTH.description());
        assertEquals("IP address", ArgTypes.IPV4_ADDRESS.description());
        assertEquals("IP address prefix", ArgTypes.IPV4_PREFIX.description());
        assertEquals("IPv6 address", ArgTypes.IPV6_ADDRESS.description());
        assertEquals("Ethernet address", ArgTypes.ETHER_ADDRESS.description());
        assertEquals("element name", ArgTypes.element().description());
    }
}
