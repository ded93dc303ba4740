package dev.junction.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IPv4Test {
    @Test
    void parsesDottedQuads() {
        assertEquals(0x121A0409, IPv4.parse("18.26.4.9"));
        assertEquals(0, IPv4.parse("0.0.0.0"));
        assertEquals(-1, IPv4.parse("255.255.255.255"));
    }

    @Test
    void leadingZerosAreDecimalAsInClick() {
        assertEquals(0x0A000001, IPv4.parse("010.0.0.1"));
        assertEquals(0x01020304, IPv4.parse("001.002.003.0004"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.0", "1..2.3", "a.b.c.d", "1.2.3.4 ", " 1.2.3.4",
            "-1.2.3.4", "1.2.3.4/8", "1.2.3.", "+1.2.3.4", "1.2.3.1000"})
    void refusesEverythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IPv4.parse(text));
        assertEquals("invalid IPv4 address '" + text + "'", e.getMessage());
    }

    @Test
    void formatsDottedQuads() {
        assertEquals("18.26.4.9", IPv4.format(0x121A0409));
        assertEquals("255.255.255.255", IPv4.format(-1));
        assertEquals("0.0.0.0", IPv4.format(0));
        assertEquals("128.0.0.1", IPv4.format(IPv4.parse("128.0.0.1")));
    }

    @Test
    void netmasks() {
        assertEquals(0, IPv4.netmask(0));
        assertEquals(0x80000000, IPv4.netmask(1));
        assertEquals(0xFFFFFF00, IPv4.netmask(24));
        assertEquals(-1, IPv4.netmask(32));
        assertThrows(IllegalArgumentException.class, () -> IPv4.netmask(33));
        assertThrows(IllegalArgumentException.class, () -> IPv4.netmask(-1));
    }

    @Test
    void prefixLengthsOfMasks() {
        assertEquals(0, IPv4.prefixLength(0));
        assertEquals(24, IPv4.prefixLength(0xFFFFFF00));
        assertEquals(32, IPv4.prefixLength(-1));
        assertEquals(-1, IPv4.prefixLength(0xFF00FF00));
        assertEquals(-1, IPv4.prefixLength(0x0000FFFF));
        for (int length = 0; length <= 32; length++) {
            assertEquals(length, IPv4.prefixLength(IPv4.netmask(length)));
        }
    }
}
