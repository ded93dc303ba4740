package dev.junction.net;

import java.util.OptionalInt;

/**
 * An IPv4 address with a mask, as Click's {@code IPPrefixArg} reads it. The mask is usually a prefix
 * ({@code 18.26.4.0/24}) but Click also accepts any mask written in full ({@code 18.26.4.0/255.255.0.255}),
 * so the mask is kept, not only a prefix length. The address keeps the bits outside the mask as written:
 * {@code 18.26.4.9/24} is address 18.26.4.9 with mask 255.255.255.0, as in Click.
 *
 * @param address the address, most significant byte first
 * @param mask    the mask, most significant byte first
 */
public record IPv4Prefix(int address, int mask) {

    /**
     * A prefix from an address and a prefix length.
     *
     * @throws IllegalArgumentException if {@code prefixLength} is not in 0..32
     */
    public static IPv4Prefix of(int address, int prefixLength) {
        return new IPv4Prefix(address, IPv4.netmask(prefixLength));
    }

    /**
     * Parses {@code address/length} or {@code address/mask}, as Click's {@code IPPrefixArg} does by default (a
     * bare address is refused). The address may leave off trailing zero parts that the mask does not cover:
     * {@code 18.26.4/24} and {@code 18/8} parse, {@code 18.26/24} does not.
     *
     * @throws IllegalArgumentException if {@code text} is not a prefix
     */
    public static IPv4Prefix parse(String text) {
        IPv4Prefix prefix = parseWithSlash(text);
        if (prefix == null) {
            throw new IllegalArgumentException("invalid IPv4 prefix '" + text + "'");
        }
        return prefix;
    }

    /**
     * Parses a prefix as {@link #parse} does or a bare address, which gets mask 255.255.255.255 (Click's
     * {@code IPPrefixArg(true)}, the "IP address or prefix" type).
     *
     * @throws IllegalArgumentException if {@code text} is neither a prefix nor an address
     */
    public static IPv4Prefix parseAddressOrPrefix(String text) {
        IPv4Prefix prefix = parseWithSlash(text);
        if (prefix != null) {
            return prefix;
        }
        int address = IPv4.tryParse(text).orElseThrow(
                () -> new IllegalArgumentException("invalid IPv4 address or prefix '" + text + "'"));
        return new IPv4Prefix(address, IPv4.netmask(32));
    }

    /** The prefix length of the mask, or -1 if the mask is not a prefix. */
    public int prefixLength() {
        return IPv4.prefixLength(mask);
    }

    /** Whether {@code candidate} agrees with this prefix's address on every bit of the mask. */
    public boolean contains(int candidate) {
        return ((candidate ^ address) & mask) == 0;
    }

    /**
     * Click's form ({@code IPAddress::unparse_with_mask}): the address, a slash, and the prefix length, or the
     * mask as a dotted quad if it is not a prefix; for example {@code "18.26.4.9/24"}.
     */
    @Override
    public String toString() {
        int length = prefixLength();
        return IPv4.format(address) + "/" + (length >= 0 ? Integer.toString(length) : IPv4.format(mask));
    }

    private static IPv4Prefix parseWithSlash(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return null;
        }
        IPv4.DottedParts parts = IPv4.DottedParts.of(text.substring(0, slash));
        if (parts == null) {
            return null;
        }
        String maskText = text.substring(slash + 1);
        int length = IPv4.prefixLengthOrMinusOne(maskText, 32);
        OptionalInt mask = length >= 0 ? OptionalInt.of(IPv4.netmask(length)) : IPv4.tryParse(maskText);
        if (mask.isEmpty()) {
            return null;
        }
        // Click refuses a mask that covers parts the address left off ("18.26/24").
        int written = IPv4.netmask(parts.count() * 8);
        return (mask.getAsInt() & written) == mask.getAsInt() ? new IPv4Prefix(parts.address(), mask.getAsInt()) : null;
    }
}
