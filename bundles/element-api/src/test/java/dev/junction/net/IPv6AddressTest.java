package dev.junction.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IPv6AddressTest {
    private static final IPv6Address RFC_EXAMPLE = new IPv6Address(0x1080_0000_0000_0000L, 0x0008_0800_200C_417AL);

    @Test
    void parsesFullAndCompressedForms() {
        assertEquals(RFC_EXAMPLE, IPv6Address.parse("1080:0:0:0:8:800:200C:417a"));
        assertEquals(RFC_EXAMPLE, IPv6Address.parse("1080::8:800:200C:417A"));
        assertEquals(new IPv6Address(0, 0), IPv6Address.parse("::"));
        assertEquals(new IPv6Address(0, 1), IPv6Address.parse("::1"));
        assertEquals(new IPv6Address(0x8000_0000_0000_0000L, 0), IPv6Address.parse("8000::"));
        assertEquals(new IPv6Address(0x0001_0000_0000_0000L, 0x0000_0000_0000_0007L), IPv6Address.parse("1::7"));
        assertEquals(new IPv6Address(0x0001_0000_0002_0003L, 0x0004_0005_0006_0007L),
                IPv6Address.parse("1::2:3:4:5:6:7"));
    }

    @Test
    void parsesEmbeddedIPv4() {
        assertEquals(new IPv6Address(0, 0x0D01_4403L), IPv6Address.parse("::13.1.68.3"));
        assertEquals(new IPv6Address(0, 0x0000_FFFF_8190_3426L), IPv6Address.parse("::ffff:129.144.52.38"));
        assertEquals(new IPv6Address(0x0001_0002_0003_0004L, 0x0005_0006_0102_0304L),
                IPv6Address.parse("1:2:3:4:5:6:1.2.3.4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":::", "8000::1:1:1:1:1:1:1", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
            "12345::", "g::", ":1::", "1:", ":1:2:3:4:5:6:7:8", "ffff:ffff:ffff:ffff:ffff:ffff:8000:", "1.2.3.4",
            "::1.2.3", "1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "::-1", " ::1"})
    void refusesInvalidForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IPv6Address.parse(text));
        assertEquals("invalid IPv6 address '" + text + "'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "2001:db8:0:0:0:0:0:1, 2001:db8::1",
            "0:0:0:0:0:0:0:1, ::1",
            "0:0:0:0:0:0:0:0, ::",
            "1:0:0:0:0:0:0:0, 1::",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:DB8:00AB::, 2001:db8:ab::",
            "0:0:0:0:0:ffff:102:304, ::ffff:1.2.3.4",
            "1080:0:0:0:8:800:200C:417a, 1080::8:800:200c:417a"})
    void formatsPerRfc5952(String input, String expected) {
        assertEquals(expected, IPv6Address.parse(input).toString());
        assertEquals(IPv6Address.parse(input), IPv6Address.parse(expected));
    }

    @Test
    void netmasksAndPrefixLengths() {
        assertEquals(new IPv6Address(0, 0), IPv6Address.netmask(0));
        assertEquals(new IPv6Address(0x8000_0000_0000_0000L, 0), IPv6Address.netmask(1));
        assertEquals(new IPv6Address(-1, 0), IPv6Address.netmask(64));
        assertEquals(new IPv6Address(-1, 0x8000_0000_0000_0000L), IPv6Address.netmask(65));
        assertEquals(new IPv6Address(-1, -1), IPv6Address.netmask(128));
        assertThrows(IllegalArgumentException.class, () -> IPv6Address.netmask(129));
        assertEquals(96, IPv6Address.parse("ffff:ffff:ffff:ffff:ffff:ffff::").prefixLength());
        assertEquals(97, IPv6Address.parse("ffff:ffff:ffff:ffff:ffff:ffff:8000:0").prefixLength());
        assertEquals(-1, IPv6Address.parse("::8000").prefixLength());
        assertEquals(-1, IPv6Address.parse("ffff::1").prefixLength());
        for (int length = 0; length <= 128; length++) {
            assertEquals(length, IPv6Address.netmask(length).prefixLength());
        }
    }

    @Test
    void valueEquality() {
        assertEquals(IPv6Address.parse("2001:db8::1"), IPv6Address.parse("2001:0db8:0:0::0:1"));
        assertEquals(IPv6Address.parse("2001:db8::1").hashCode(), IPv6Address.parse("2001:0db8:0:0::0:1").hashCode());
        assertNotEquals(IPv6Address.parse("2001:db8::1"), IPv6Address.parse("2001:db8::2"));
    }
}
