package dev.junction.net;

/**
 * An IPv6 address with a prefix length, as Click's {@code IP6PrefixArg} reads it. The address keeps the bits
 * beyond the prefix as written: {@code ::1/32} is address ::1 with prefix length 32, as in Click.
 *
 * @param address      the address
 * @param prefixLength the prefix length, 0 to 128
 */
public record IPv6Prefix(IPv6Address address, int prefixLength) {

    /** Checks the prefix length. */
    public IPv6Prefix {
        if (address == null || prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("invalid IPv6 prefix " + address + "/" + prefixLength);
        }
    }

    /**
     * Parses {@code address/length} ({@code 2001:db8::/32}) or {@code address/mask} where the mask is a
     * contiguous prefix ({@code 2001:db8::/ffff:ffff::}), as Click's {@code IP6PrefixArg} does by default (a
     * bare address is refused).
     *
     * @throws IllegalArgumentException if {@code text} is not a prefix
     */
    public static IPv6Prefix parse(String text) {
        IPv6Prefix prefix = parseWithSlash(text);
        if (prefix == null) {
            throw new IllegalArgumentException("invalid IPv6 prefix '" + text + "'");
        }
        return prefix;
    }

    /**
     * Parses a prefix as {@link #parse} does or a bare address, which gets prefix length 128 (Click's
     * {@code IP6PrefixArg(true)}, the "IPv6 address or prefix" type).
     *
     * @throws IllegalArgumentException if {@code text} is neither a prefix nor an address
     */
    public static IPv6Prefix parseAddressOrPrefix(String text) {
        IPv6Prefix prefix = parseWithSlash(text);
        if (prefix != null) {
            return prefix;
        }
        try {
            return new IPv6Prefix(IPv6Address.parse(text), 128);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid IPv6 address or prefix '" + text + "'", e);
        }
    }

    /** The mask of the prefix length. */
    public IPv6Address mask() {
        return IPv6Address.netmask(prefixLength);
    }

    /** Whether {@code candidate} agrees with this prefix's address on the first {@code prefixLength} bits. */
    public boolean contains(IPv6Address candidate) {
        IPv6Address mask = mask();
        return ((candidate.high() ^ address.high()) & mask.high()) == 0
                && ((candidate.low() ^ address.low()) & mask.low()) == 0;
    }

    /** Click's form: the address, a slash and the prefix length, for example {@code "2001:db8::/32"}. */
    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }

    private static IPv6Prefix parseWithSlash(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return null;
        }
        IPv6Address address;
        int length;
        try {
            address = IPv6Address.parse(text.substring(0, slash));
            String lengthText = text.substring(slash + 1);
            length = IPv4.prefixLengthOrMinusOne(lengthText, 128);
            if (length < 0) {
                length = IPv6Address.parse(lengthText).prefixLength();
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return length >= 0 ? new IPv6Prefix(address, length) : null;
    }
}
