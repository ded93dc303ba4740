package dev.junction.net;

import java.util.OptionalInt;

/**
 * IPv4 addresses held in an {@code int}, most significant byte first (18.26.4.9 is {@code 0x121A0409}), parsed
 * and printed as Click's {@code IPAddress} does.
 */
public final class IPv4 {
    private IPv4() {
    }

    /**
     * Parses a dotted quad such as {@code "18.26.4.9"}: exactly four decimal parts from 0 to 255, leading zeros
     * allowed and meaning nothing (Click's {@code IPAddressArg}; {@code "010.0.0.1"} is 10.0.0.1, not octal).
     *
     * @throws IllegalArgumentException if {@code text} is not a dotted quad
     */
    public static int parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("invalid IPv4 address '" + text + "'"));
    }

    /** Parses a dotted quad as {@link #parse} does, or returns empty. */
    static OptionalInt tryParse(String text) {
        DottedParts parts = DottedParts.of(text);
        return parts != null && parts.count() == 4 ? OptionalInt.of(parts.address()) : OptionalInt.empty();
    }

    /** Formats an address as a dotted quad, as Click's {@code IPAddress::unparse}. */
    public static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /**
     * The mask of a prefix length: {@code netmask(24)} is 255.255.255.0, {@code netmask(0)} is 0.
     *
     * @throws IllegalArgumentException if {@code prefixLength} is not in 0..32
     */
    public static int netmask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + prefixLength + " is not in 0..32");
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /** The prefix length of a mask, or -1 if its one bits are not contiguous from the top (Click's {@code mask_to_prefix_len}). */
    public static int prefixLength(int mask) {
        int length = Integer.bitCount(mask);
        return mask == netmask(length) ? length : -1;
    }

    /**
     * Reads the prefix length after a slash: decimal digits with value at most {@code max} (Click reads it as
     * a base-10 integer); returns -1 for anything else, so that the caller can try the mask form.
     */
    static int prefixLengthOrMinusOne(String text, int max) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        String significant = text.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 3) {
            return -1;
        }
        int length = Integer.parseInt(significant);
        return length <= max ? length : -1;
    }

    /**
     * The leading parts of a dotted address, as Click reads them: one to four decimal parts of value at most
     * 255 separated by single dots. Prefixes may leave off trailing parts ({@code 18.26.4/24}), so the count
     * matters; missing parts are zero.
     */
    record DottedParts(int address, int count) {
        /** Reads {@code text} as dotted parts, or returns null if it is anything else. */
        static DottedParts of(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length > 4) {
                return null;
            }
            int address = 0;
            for (int i = 0; i < 4; i++) {
                int part = i < parts.length ? decimalByte(parts[i]) : 0;
                if (part < 0) {
                    return null;
                }
                address = address << 8 | part;
            }
            return new DottedParts(address, parts.length);
        }

        /** A non-empty string of ASCII digits with value at most 255, or -1. */
        private static int decimalByte(String digits) {
            if (digits.isEmpty()) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return -1;
                }
            }
            return value;
        }
    }
}
