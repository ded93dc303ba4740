package dev.junction.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EtherAddressTest {
    @Test
    void parsesColonAndDashForms() {
        assertEquals(0x0011_2233_4455L, EtherAddress.parse("00:11:22:33:44:55"));
        assertEquals(0x0015_582D_FB8FL, EtherAddress.parse("00-15-58-2D-FB-8F"));
        assertEquals(0x0015_582D_FB8FL, EtherAddress.parse("00-15-58-2d-fb-8f"));
        assertEquals(0x0001_0203_0405L, EtherAddress.parse("0:1:2:3:4:5"));
        assertEquals(EtherAddress.BROADCAST, EtherAddress.parse("ff:ff:ff:ff:ff:ff"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00:11:22:33:44", "00:11:22:33:44:55:66", "00-11:22-33-44-55", "001:1:2:3:4:5",
            "00:11:22:33:44:5g", "001122334455", "00::11:22:33:44", "00:11:22:33:44:55:", " 00:11:22:33:44:55",
            "00.11.22.33.44.55"})
    void refusesOtherForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EtherAddress.parse(text));
        assertEquals("invalid Ethernet address '" + text + "'", e.getMessage());
    }

    @Test
    void formatsAsClickDoes() {
        assertEquals("00-15-58-2D-FB-8F", EtherAddress.format(0x0015_582D_FB8FL));
        assertEquals("00:15:58:2D:FB:8F", EtherAddress.formatColon(0x0015_582D_FB8FL));
        assertEquals("00-00-00-00-00-00", EtherAddress.format(0));
        assertThrows(IllegalArgumentException.class, () -> EtherAddress.format(1L << 48));
    }

    @Test
    void roundTrips() {
        for (long address : new long[] {0, 1, 0x0123_4567_89ABL, 0xFEDC_BA98_7654L, EtherAddress.BROADCAST}) {
            assertEquals(address, EtherAddress.parse(EtherAddress.format(address)));
            assertEquals(address, EtherAddress.parse(EtherAddress.formatColon(address).toLowerCase()));
        }
    }

    @Test
    void groupAndBroadcast() {
        assertTrue(EtherAddress.isGroup(EtherAddress.parse("01:00:5e:00:00:01")));
        assertTrue(EtherAddress.isGroup(EtherAddress.parse("03-00-00-02-04-09")));
        assertTrue(EtherAddress.isGroup(EtherAddress.BROADCAST));
        assertFalse(EtherAddress.isGroup(EtherAddress.parse("00:11:22:33:44:55")));
        assertFalse(EtherAddress.isGroup(EtherAddress.parse("02:00:00:00:00:01")));
        assertTrue(EtherAddress.isBroadcast(EtherAddress.parse("FF-FF-FF-FF-FF-FF")));
        assertFalse(EtherAddress.isBroadcast(EtherAddress.parse("FF-FF-FF-FF-FF-FE")));
    }
}
