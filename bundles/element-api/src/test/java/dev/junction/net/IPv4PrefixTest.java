package dev.junction.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IPv4PrefixTest {
    @Test
    void parsesCidr() {
        IPv4Prefix prefix = IPv4Prefix.parse("18.26.4.0/24");
        assertEquals(0x121A0400, prefix.address());
        assertEquals(0xFFFFFF00, prefix.mask());
        assertEquals(24, prefix.prefixLength());
        assertEquals("18.26.4.0/24", prefix.toString());
        assertEquals(new IPv4Prefix(0, 0), IPv4Prefix.parse("0.0.0.0/0"));
    }

    @Test
    void acceptsClicksShortenedNetworks() {
        assertEquals(IPv4Prefix.of(0x121A0400, 24), IPv4Prefix.parse("18.26.4/24"));
        assertEquals("18.0.0.0/8", IPv4Prefix.parse("18/8").toString());
        assertEquals("10.1.0.0/16", IPv4Prefix.parse("10.1/16").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.26/24", "18.26.4/28", "18/9"})
    void refusesMasksLongerThanTheWrittenParts(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IPv4Prefix.parse(text));
        assertEquals("invalid IPv4 prefix '" + text + "'", e.getMessage());
    }

    @Test
    void acceptsMasksWrittenInFull() {
        IPv4Prefix prefix = IPv4Prefix.parse("1.2.3.4/255.255.255.0");
        assertEquals(24, prefix.prefixLength());
        assertEquals("1.2.3.4/24", prefix.toString());
        IPv4Prefix odd = IPv4Prefix.parse("1.2.3.4/255.0.255.0");
        assertEquals(-1, odd.prefixLength());
        assertEquals("1.2.3.4/255.0.255.0", odd.toString());
    }

    @Test
    void keepsTheHostBitsAsWritten() {
        IPv4Prefix prefix = IPv4Prefix.parse("18.26.4.9/24");
        assertEquals(0x121A0409, prefix.address());
        assertEquals("18.26.4.9/24", prefix.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "1.2.3.4/33", "/24", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/255.255.0",
            "1.2.3.4/24/8", "1.2.3.4/x", "a/8", "1.2.3.4.5/8", ""})
    void refusesBadPrefixes(String text) {
        assertThrows(IllegalArgumentException.class, () -> IPv4Prefix.parse(text));
    }

    @Test
    void bareAddressesOnlyWhenAllowed() {
        assertEquals(new IPv4Prefix(0x01020304, -1), IPv4Prefix.parseAddressOrPrefix("1.2.3.4"));
        assertEquals("1.2.3.4/32", IPv4Prefix.parseAddressOrPrefix("1.2.3.4").toString());
        assertEquals(IPv4Prefix.parse("10/8"), IPv4Prefix.parseAddressOrPrefix("10/8"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IPv4Prefix.parseAddressOrPrefix("1.2.3"));
        assertEquals("invalid IPv4 address or prefix '1.2.3'", e.getMessage());
    }

    @Test
    void contains() {
        IPv4Prefix prefix = IPv4Prefix.parse("18.26.4.9/24");
        assertTrue(prefix.contains(IPv4.parse("18.26.4.0")));
        assertTrue(prefix.contains(IPv4.parse("18.26.4.255")));
        assertFalse(prefix.contains(IPv4.parse("18.26.5.1")));
        assertTrue(IPv4Prefix.parse("0.0.0.0/0").contains(IPv4.parse("200.1.2.3")));
        assertTrue(IPv4Prefix.parse("1.0.3.0/255.0.255.0").contains(IPv4.parse("1.99.3.7")));
    }
}
