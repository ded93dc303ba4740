package dev.junction.net;

import java.util.HexFormat;

/**
 * Ethernet addresses held in the low 48 bits of a {@code long}, first transmitted byte most significant
 * (00-15-58-2D-FB-8F is {@code 0x0015582DFB8FL}), parsed and printed as Click's {@code EtherAddress} does.
 */
public final class EtherAddress {
    /** The broadcast address FF-FF-FF-FF-FF-FF. */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

    private EtherAddress() {
    }

    /**
     * Parses six groups of one or two hex digits, separated all by dashes ({@code 00-15-58-2D-FB-8F}, the IEEE
     * form) or all by colons ({@code 0:15:58:2d:fb:8f}), as Click's {@code EtherAddressArg}.
     *
     * @throws IllegalArgumentException if {@code text} is not an Ethernet address
     */
    public static long parse(String text) {
        String[] groups = text.split(text.indexOf('-') >= 0 ? "-" : ":", -1);
        if (groups.length != 6) {
            throw invalid(text);
        }
        long value = 0;
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 2 || !group.chars().allMatch(HexFormat::isHexDigit)) {
                throw invalid(text);
            }
            value = value << 8 | Integer.parseInt(group, 16);
        }
        return value;
    }

    /** Click's {@code unparse()}: the IEEE form, uppercase hex separated by dashes, for example {@code "00-15-58-2D-FB-8F"}. */
    public static String format(long address) {
        return format(address, '-');
    }

    /** Click's {@code unparse_colon()}: uppercase hex separated by colons, for example {@code "00:15:58:2D:FB:8F"}. */
    public static String formatColon(long address) {
        return format(address, ':');
    }

    /** Whether the address is a group (multicast or broadcast) address: the low bit of its first byte is set. */
    public static boolean isGroup(long address) {
        return (address >>> 40 & 1) != 0;
    }

    /** Whether the address is the broadcast address FF-FF-FF-FF-FF-FF. */
    public static boolean isBroadcast(long address) {
        return address == BROADCAST;
    }

    private static String format(long address, char separator) {
        if ((address & ~BROADCAST) != 0) {
            throw new IllegalArgumentException("Ethernet address 0x" + Long.toHexString(address) + " exceeds 48 bits");
        }
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                text.append(separator);
            }
            text.append(HexFormat.of().withUpperCase().toHexDigits((byte) (address >>> shift)));
        }
        return text.toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid Ethernet address '" + text + "'");
    }
}
