package dev.junction.element;

import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.net.IPv6Prefix;
import java.util.Locale;

/**
 * Click's AddressInfo queries behind the address argument types: a name, with an optional type suffix after
 * its last colon, looked up in the router's names through {@link ElementResolver#lookupName}.
 */
final class NamedValues {
    private NamedValues() {
    }

    /** The value of {@code name} of {@code type}, or {@code null} if there is no resolver or no such name. */
    static String lookup(Args args, String type, String name) {
        if (name == null || name.isEmpty() || args == null || args.resolver() == null) {
            return null;
        }
        return args.resolver().lookupName(type, name);
    }

    /**
     * {@code text} without its suffix if the suffix (from the last colon, any case) is one of {@code suffixes};
     * {@code text} itself if it has no colon; {@code null} if it has another suffix.
     */
    static String strip(String text, String... suffixes) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return text;
        }
        String suffix = text.substring(colon).toLowerCase(Locale.ROOT);
        for (String candidate : suffixes) {
            if (candidate.equals(suffix)) {
                return text.substring(0, colon);
            }
        }
        return null;
    }

    /** Click's {@code AddressInfo::query_ip}: {@code name}, {@code name:ip}, {@code name:ip4}, {@code name:bcast}, {@code name:gw}. */
    static Integer ipAddress(String text, Args args) {
        int colon = text.lastIndexOf(':');
        String suffix = colon < 0 ? "" : text.substring(colon).toLowerCase(Locale.ROOT);
        String base = colon < 0 ? text : text.substring(0, colon);
        switch (suffix) {
            case "", ":ip", ":ip4" -> {
                String value = lookup(args, NameInfo.IP_ADDRESS, base);
                return value == null ? null : IPv4.parse(value);
            }
            case ":bcast" -> {
                IPv4Prefix prefix = namedPrefix(args, base);
                return prefix == null ? null : prefix.address() | ~prefix.mask();
            }
            case ":gw" -> {
                String value = lookup(args, NameInfo.IP_ADDRESS, text);
                if (value != null) {
                    return IPv4.parse(value);
                }
                IPv4Prefix prefix = namedPrefix(args, base);
                return prefix == null ? null : (prefix.address() & prefix.mask()) | 1;
            }
            default -> {
                return null;
            }
        }
    }

    /** Click's {@code AddressInfo::query_ip_prefix}: {@code name}, {@code name:net}, {@code name:ipnet}, {@code name:ip4net}. */
    static IPv4Prefix ipPrefix(String text, Args args) {
        String base = strip(text, ":net", ":ipnet", ":ip4net");
        return base == null ? null : namedPrefix(args, base);
    }

    private static IPv4Prefix namedPrefix(Args args, String name) {
        String value = lookup(args, NameInfo.IP_PREFIX, name);
        return value == null ? null : IPv4Prefix.parse(value);
    }

    /** Click's {@code AddressInfo::query_ip6_prefix}, with a bare address name meaning /128 if allowed. */
    static IPv6Prefix ip6Prefix(String text, Args args, boolean allowAddress) {
        String base = strip(text, ":ip6net");
        String value = lookup(args, NameInfo.IP6_PREFIX, base);
        if (value != null) {
            return IPv6Prefix.parse(value);
        }
        if (allowAddress) {
            String address = lookup(args, NameInfo.IP6_ADDRESS, strip(text, ":ip6"));
            if (address != null) {
                return IPv6Prefix.parseAddressOrPrefix(address);
            }
        }
        throw new IllegalArgumentException();
    }
}
