package dev.junction.net;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An IPv6 address as two longs, most significant first ({@code 2001:db8::1} has {@code high}
 * 0x20010db800000000 and {@code low} 1). Parsed per RFC 4291 and printed per RFC 5952, as Click's
 * {@code IP6Address} does.
 *
 * @param high the first 64 bits
 * @param low  the last 64 bits
 */
public record IPv6Address(long high, long low) {

    /**
     * Parses the text forms of RFC 4291: eight groups of one to four hex digits separated by colons, at most
     * one {@code ::} standing for one or more zero groups, and optionally a dotted quad in place of the last
     * two groups ({@code ::ffff:1.2.3.4}).
     *
     * @throws IllegalArgumentException if {@code text} is not an IPv6 address
     */
    public static IPv6Address parse(String text) {
        List<Integer> groups = groupsOrNull(text);
        if (groups == null) {
            throw new IllegalArgumentException("invalid IPv6 address '" + text + "'");
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            if (i < 4) {
                high = high << 16 | groups.get(i);
            } else {
                low = low << 16 | groups.get(i);
            }
        }
        return new IPv6Address(high, low);
    }

    /**
     * The mask of a prefix length: {@code netmask(32)} is {@code ffff:ffff::}.
     *
     * @throws IllegalArgumentException if {@code prefixLength} is not in 0..128
     */
    public static IPv6Address netmask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("IPv6 prefix length " + prefixLength + " is not in 0..128");
        }
        return new IPv6Address(topBits(Math.min(prefixLength, 64)), topBits(Math.max(prefixLength - 64, 0)));
    }

    /** Read as a mask: its prefix length, or -1 if its one bits are not contiguous from the top (Click's {@code mask_to_prefix_len}). */
    public int prefixLength() {
        int length = Long.bitCount(high) + Long.bitCount(low);
        return equals(netmask(length)) ? length : -1;
    }

    /**
     * RFC 5952 text: lowercase hex without leading zeros, the first longest run of two or more zero groups
     * written {@code ::}, and IPv4-mapped addresses as {@code ::ffff:1.2.3.4} (as Click prints them).
     */
    @Override
    public String toString() {
        if (high == 0 && low >>> 32 == 0xFFFF) {
            return "::ffff:" + IPv4.format((int) low);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (int) ((i < 4 ? high >>> (48 - 16 * i) : low >>> (48 - 16 * (i - 4))) & 0xFFFF);
        }
        int runStart = -1;
        int runLength = 1; // a single zero group is written 0, never ::
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > runLength) {
                runStart = i;
                runLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
            } else {
                if (i > 0 && i != runStart + runLength) {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    private static long topBits(int count) {
        return count == 0 ? 0 : -1L << (64 - count);
    }

    /** The eight 16-bit groups of {@code text}, or null if it is not an address. */
    private static List<Integer> groupsOrNull(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon < 0) {
            List<Integer> groups = groupsOrNull(text, true);
            return groups != null && groups.size() == 8 ? groups : null;
        }
        if (text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String tailText = text.substring(doubleColon + 2);
        List<Integer> head = groupsOrNull(text.substring(0, doubleColon), false);
        List<Integer> tail = groupsOrNull(tailText, true);
        if (head == null || tail == null || head.size() + tail.size() > 7) {
            return null;
        }
        List<Integer> groups = new ArrayList<>(head);
        while (groups.size() + tail.size() < 8) {
            groups.add(0);
        }
        groups.addAll(tail);
        return groups;
    }

    /** The groups of a colon-separated run (empty for empty text), the last one possibly a dotted quad; null if malformed. */
    private static List<Integer> groupsOrNull(String run, boolean dottedQuadAllowedLast) {
        List<Integer> groups = new ArrayList<>();
        if (run.isEmpty()) {
            return groups;
        }
        String[] pieces = run.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i == pieces.length - 1 && dottedQuadAllowedLast && piece.indexOf('.') >= 0) {
                var quad = IPv4.tryParse(piece);
                if (quad.isEmpty()) {
                    return null;
                }
                groups.add(quad.getAsInt() >>> 16);
                groups.add(quad.getAsInt() & 0xFFFF);
            } else if (!piece.isEmpty() && piece.length() <= 4
                    && piece.chars().allMatch(HexFormat::isHexDigit)) {
                groups.add(Integer.parseInt(piece, 16));
            } else {
                return null;
            }
        }
        return groups;
    }
}
