package dev.junction.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IPv6PrefixTest {
    @Test
    void parsesLengthAndMaskForms() {
        IPv6Prefix prefix = IPv6Prefix.parse("2001:db8::/32");
        assertEquals(IPv6Address.parse("2001:db8::"), prefix.address());
        assertEquals(32, prefix.prefixLength());
        assertEquals("2001:db8::/32", prefix.toString());
        assertEquals(prefix, IPv6Prefix.parse("2001:db8::/ffff:ffff::"));
        assertEquals(IPv6Address.parse("ffff:ffff::"), prefix.mask());
        assertEquals(0, IPv6Prefix.parse("::/0").prefixLength());
        assertEquals(128, IPv6Prefix.parse("::1/128").prefixLength());
    }

    @Test
    void keepsTheHostBitsAsWritten() {
        IPv6Prefix prefix = IPv6Prefix.parse("::1/32");
        assertEquals(IPv6Address.parse("::1"), prefix.address());
        assertEquals("::1/32", prefix.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "::/::1", "::/129", "::/", "/64", "2001:db8::/-1", "2001::db8::/32", "::/x"})
    void refusesBadPrefixes(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IPv6Prefix.parse(text));
        assertEquals("invalid IPv6 prefix '" + text + "'", e.getMessage());
    }

    @Test
    void bareAddressesOnlyWhenAllowed() {
        assertEquals(new IPv6Prefix(IPv6Address.parse("::1"), 128), IPv6Prefix.parseAddressOrPrefix("::1"));
        assertEquals(IPv6Prefix.parse("fe80::/10"), IPv6Prefix.parseAddressOrPrefix("fe80::/10"));
        assertThrows(IllegalArgumentException.class, () -> IPv6Prefix.parseAddressOrPrefix("::g"));
        assertThrows(IllegalArgumentException.class, () -> new IPv6Prefix(IPv6Address.parse("::"), 129));
    }

    @Test
    void contains() {
        IPv6Prefix prefix = IPv6Prefix.parse("2001:db8::/32");
        assertTrue(prefix.contains(IPv6Address.parse("2001:db8:ffff::1")));
        assertFalse(prefix.contains(IPv6Address.parse("2001:db9::1")));
        IPv6Prefix deep = IPv6Prefix.parse("2001:db8::1:0/112");
        assertTrue(deep.contains(IPv6Address.parse("2001:db8::1:abcd")));
        assertFalse(deep.contains(IPv6Address.parse("2001:db8::2:abcd")));
        assertTrue(IPv6Prefix.parse("::/0").contains(IPv6Address.parse("ffff::ffff")));
    }
}
