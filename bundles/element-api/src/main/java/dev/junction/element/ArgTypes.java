package dev.junction.element;

import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.net.IPv6Address;
import dev.junction.net.IPv6Prefix;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Click's standard argument types (the parser classes of Click's {@code args.hh}), each with Click's
 * description string and Click's error messages. Failures that Click reports without a specific message are
 * reported as {@code "KEYWORD: parse error"} by {@link Args}.
 */
public final class ArgTypes {
    private ArgTypes() {
    }

    /**
     * Click's {@code IntArg} on an {@code int}: decimal, {@code 0x} hex, {@code 0b} binary or leading-zero
     * octal, an optional sign, single underscores between digits ({@code 1_000}). Errors: {@code "invalid
     * number"}, {@code "out of range, bound 2147483647"} (or {@code -2147483648}).
     */
    public static final ArgParser<Integer> INTEGER = integer(Integer.MIN_VALUE, Integer.MAX_VALUE);

    /**
     * Click's {@code IntArg} on a {@code uint32_t}, as a {@code long} from 0 to 4294967295. A minus sign is an
     * {@code "invalid number"}, as in Click; too large is {@code "out of range, bound 4294967295"}.
     */
    public static final ArgParser<Long> UNSIGNED = ArgParser.of("unsigned",
            (text, args) -> checkedRange(parseInteger(text, false), 0, 0xFFFF_FFFFL));

    /** A count: Click's unsigned integer syntax with Java's {@code int} range, 0 to 2147483647. */
    public static final ArgParser<Integer> UNSIGNED_INT = ArgParser.of("unsigned",
            (text, args) -> (int) checkedRange(parseInteger(text, false), 0, Integer.MAX_VALUE));

    /** Click's {@code IntArg} on an {@code int64_t}. */
    public static final ArgParser<Long> LONG = ArgParser.of("64-bit int",
            (text, args) -> checkedRange(parseInteger(text, true), Long.MIN_VALUE, Long.MAX_VALUE));

    /** Click's {@code BoolArg}: exactly {@code true, yes, 1, t, y} or {@code false, no, 0, f, n} (case matters). */
    public static final ArgParser<Boolean> BOOLEAN = ArgParser.of("bool", (text, args) -> switch (text) {
        case "true", "yes", "1", "t", "y" -> true;
        case "false", "no", "0", "f", "n" -> false;
        default -> throw parseError();
    });

    /**
     * Click's {@code DoubleArg} ({@code strtod}): a decimal number with optional sign and exponent, or
     * {@code inf}, {@code infinity}, {@code nan}. Errors: {@code "out of range, bound inf"} on overflow and
     * {@code "underflow, rounded to 0"} when a non-zero number rounds to zero. Hex floats are not accepted.
     */
    public static final ArgParser<Double> REAL = ArgParser.of("double", (text, args) -> parseReal(text));

    /**
     * Click's {@code StringArg} ({@code cp_string}): one word, where spaces are allowed only inside quotes, then
     * unquoted as by {@link Args#unquote}: {@code "a b"}, {@code 'a b'}, {@code \<48 69>}.
     */
    public static final ArgParser<String> STRING = ArgParser.of("string", (text, args) -> {
        String value = ConfigText.string(text);
        if (value == null) {
            throw parseError();
        }
        return value;
    });

    /** Click's {@code WordArg} ({@code cp_word}): a {@link #STRING} whose value is printable ASCII without spaces, quotes, backslashes or commas. */
    public static final ArgParser<String> WORD = ArgParser.of("word", (text, args) -> {
        String value = ConfigText.string(text);
        if (value == null || !ConfigText.isWord(value)) {
            throw parseError();
        }
        return value;
    });

    /** Click's {@code KeywordArg} ({@code cp_keyword}): letters, digits and {@code _ . : ? !}, unquoted. */
    public static final ArgParser<String> KEYWORD = ArgParser.of("keyword", (text, args) -> {
        if (!ConfigText.isKeyword(text)) {
            throw parseError();
        }
        return text;
    });

    /** Click's {@code AnyArg}: the argument text as written (comments removed), quotes and all. */
    public static final ArgParser<String> ANY = ArgParser.of("arg", (text, args) -> text);

    /**
     * A non-negative duration in nanoseconds, in Click's {@code SecondsArg}/{@code TimestampArg} syntax: a
     * number ({@code 1.5}, {@code 3.6e6}, {@code 1_000}) and an optional unit, seconds by default. Units:
     * {@code s sec m min h hr d day}, each with an optional prefix {@code m u n} (milli, micro, nano):
     * {@code 10ms}, {@code 250usec}, {@code 1 hr}. Note that {@code m} is minutes, as in Click. Rounded to the
     * nearest nanosecond; more than {@code Long.MAX_VALUE} ns (292 years) is {@code "out of range"}.
     */
    public static final ArgParser<Long> TIME = ArgParser.of("time in sec",
            (text, args) -> nanoseconds(text));

    /**
     * A bandwidth in bytes per second, in Click's {@code BandwidthArg} syntax: a number and an optional unit,
     * bytes per second by default. Units: {@code bps b/s baud} (bits per second) and {@code Bps B/s} (bytes),
     * each with an optional prefix {@code k K M G}, all powers of 1000: {@code 10Mbps} is 1250000,
     * {@code 1.5MBps} 1500000. A prefix needs a unit ({@code 10M} is a parse error, as in Click). Rounded to the
     * nearest byte per second. Click's bound is 2^32-1 bytes per second (34 Gbps); Junction's is
     * {@code Long.MAX_VALUE}, beyond which the value is {@code "out of range"}.
     */
    public static final ArgParser<Long> BANDWIDTH = ArgParser.of("bandwidth",
            (text, args) -> bytesPerSecond(text));

    /**
     * Click's {@code IPAddressArg}: a dotted quad, as an {@code int} (see {@link IPv4#parse}), or a name that
     * AddressInfo defined ({@code name}, {@code name:ip}, {@code name:bcast} for a prefix's broadcast address,
     * {@code name:gw} for its first host), looked up through {@link ElementResolver#lookupName}.
     */
    public static final ArgParser<Integer> IPV4_ADDRESS = ArgParser.of("IP address", (text, args) -> {
        try {
            return IPv4.parse(text);
        } catch (IllegalArgumentException e) {
            Integer named = NamedValues.ipAddress(text, args);
            if (named == null) {
                throw parseError();
            }
            return named;
        }
    });

    /**
     * Click's {@code IPPrefixArg}: {@code 18.26.4.0/24}, {@code 18.26.4/24}, {@code 18.26.4.0/255.255.255.0}
     * (see {@link IPv4Prefix#parse}), or a prefix name of AddressInfo ({@code name}, {@code name:net}).
     */
    public static final ArgParser<IPv4Prefix> IPV4_PREFIX = ArgParser.of("IP address prefix",
            (text, args) -> ipv4Prefix(text, args, false));

    /**
     * Click's {@code IPPrefixArg(true)}: an {@link #IPV4_PREFIX} or a bare address (or address name), which means
     * /32; a name with both an address and a prefix gives its address.
     */
    public static final ArgParser<IPv4Prefix> IPV4_ADDRESS_OR_PREFIX = ArgParser.of("IP address or prefix",
            (text, args) -> ipv4Prefix(text, args, true));

    /** Click's {@code IP6AddressArg} (see {@link IPv6Address#parse}), or an AddressInfo name ({@code name}, {@code name:ip6}). */
    public static final ArgParser<IPv6Address> IPV6_ADDRESS = ArgParser.of("IPv6 address", (text, args) -> {
        try {
            return IPv6Address.parse(text);
        } catch (IllegalArgumentException e) {
            String named = NamedValues.lookup(args, NameInfo.IP6_ADDRESS, NamedValues.strip(text, ":ip6"));
            if (named == null) {
                throw parseError();
            }
            return IPv6Address.parse(named);
        }
    });

    /** Click's {@code IP6PrefixArg}: {@code 2001:db8::/32} or {@code 2001:db8::/ffff:ffff::}, or a name ({@code name:ip6net}). */
    public static final ArgParser<IPv6Prefix> IPV6_PREFIX = ArgParser.of("IPv6 address prefix", (text, args) -> {
        try {
            return IPv6Prefix.parse(text);
        } catch (IllegalArgumentException e) {
            return NamedValues.ip6Prefix(text, args, false);
        }
    });

    /** Click's {@code IP6PrefixArg(true)}: an {@link #IPV6_PREFIX} or a bare address (or address name), which means /128. */
    public static final ArgParser<IPv6Prefix> IPV6_ADDRESS_OR_PREFIX = ArgParser.of("IPv6 address or prefix",
            (text, args) -> {
                try {
                    return IPv6Prefix.parseAddressOrPrefix(text);
                } catch (IllegalArgumentException e) {
                    return NamedValues.ip6Prefix(text, args, true);
                }
            });

    /**
     * Click's {@code EtherAddressArg}: {@code 00-15-58-2D-FB-8F} or {@code 00:15:58:2d:fb:8f}, as a {@code long}
     * (see {@link EtherAddress#parse}), or an AddressInfo name ({@code name}, {@code name:eth}).
     */
    public static final ArgParser<Long> ETHER_ADDRESS = ArgParser.of("Ethernet address", (text, args) -> {
        try {
            return EtherAddress.parse(text);
        } catch (IllegalArgumentException e) {
            String named = NamedValues.lookup(args, NameInfo.ETHER_ADDRESS,
                    NamedValues.strip(text, ":eth", ":ether", ":ethernet"));
            if (named == null) {
                throw parseError();
            }
            return EtherAddress.parse(named);
        }
    });

    /**
     * Click's {@code BoundedIntArg(min, max)}: an {@link #INTEGER} from {@code min} to {@code max}; outside,
     * {@code "out of range, bound <the bound passed>"}.
     */
    public static ArgParser<Integer> integer(int min, int max) {
        return ArgParser.of("int", (text, args) -> (int) checkedRange(parseInteger(text, true), min, max));
    }

    /**
     * Click's {@code IPPortArg(protocol)}: a port number from 0 to 65535 for the IP protocol {@code protocol}
     * (6 TCP, 17 UDP, 132 SCTP, ...), or a name: one PortInfo defined for the protocol (looked up through
     * {@link ElementResolver#lookupName}), else one of Click's well-known services ({@code ssh} 22, {@code www}
     * 80, see {@link NameInfo#knownPort}). Outside that range: {@code "out of range, bound 65535"}.
     */
    public static ArgParser<Integer> ipPort(int protocol) {
        return ArgParser.of("port", (text, args) -> {
            if (!text.isEmpty() && (ConfigText.isAsciiLetter(text.charAt(0)) || text.charAt(0) == '_')) {
                String named = NamedValues.lookup(args, NameInfo.port(protocol), text);
                if (named != null) {
                    return Integer.parseInt(named);
                }
                int known = NameInfo.knownPort(text);
                if (known >= 0) {
                    return known;
                }
            }
            return (int) checkedRange(parseInteger(text, false), 0, 65535);
        });
    }

    /**
     * Click's {@code ElementArg}: the name of an element of the router, found through {@link Args#resolver()};
     * otherwise {@code "does not name an element"}.
     */
    public static ArgParser<Element> element() {
        return ArgParser.of("element name", (text, args) -> {
            Element element = args.resolver() == null ? null : args.resolver().resolve(text);
            if (element == null) {
                throw new IllegalArgumentException("does not name an element");
            }
            return element;
        });
    }

    // ---------------------------------------------------------------- integers

    private static final String SIGN = "([+-]?)";
    private static final String UNSIGNED_SIGN = "(\\+?)";
    private static final String DIGITS = "(?:0[xX]([0-9a-fA-F](?:_?[0-9a-fA-F])*)" // hex
            + "|0[bB]([01](?:_?[01])*)" // binary
            + "|(0(?:_?[0-7])*)" // octal, including plain 0
            + "|([1-9](?:_?[0-9])*))"; // decimal
    private static final Pattern SIGNED_INTEGER = Pattern.compile(SIGN + DIGITS);
    private static final Pattern UNSIGNED_INTEGER = Pattern.compile(UNSIGNED_SIGN + DIGITS);
    private static final int[] RADIX_OF_GROUP = {0, 0, 16, 2, 8, 10};

    /** Click's IntArg syntax; only {@code signed} numbers may have a minus sign. */
    private static BigInteger parseInteger(String text, boolean signed) {
        Matcher matcher = (signed ? SIGNED_INTEGER : UNSIGNED_INTEGER).matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid number");
        }
        for (int group = 2; group < RADIX_OF_GROUP.length; group++) {
            if (matcher.group(group) != null) {
                BigInteger value = new BigInteger(matcher.group(group).replace("_", ""), RADIX_OF_GROUP[group]);
                return matcher.group(1).equals("-") ? value.negate() : value;
            }
        }
        throw new AssertionError("one digits group always matches");
    }

    /** The value as a long if it is within [min, max], else Click's range error naming the bound it passed. */
    private static long checkedRange(BigInteger value, long min, long max) {
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new IllegalArgumentException("out of range, bound " + min);
        } else if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("out of range, bound " + max);
        }
        return value.longValueExact();
    }

    // ---------------------------------------------------------------- real numbers

    private static final Pattern REAL_NUMBER = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern REAL_SPECIAL = Pattern.compile("([+-]?)(?i:(inf|infinity)|nan)");

    private static double parseReal(String text) {
        Matcher special = REAL_SPECIAL.matcher(text);
        if (special.matches()) {
            double value = special.group(2) == null ? Double.NaN : Double.POSITIVE_INFINITY;
            return special.group(1).equals("-") ? -value : value;
        }
        if (!REAL_NUMBER.matcher(text).matches()) {
            throw parseError();
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("out of range, bound " + (value > 0 ? "inf" : "-inf"));
        }
        boolean nonZeroDigit = text.split("[eE]")[0].chars().anyMatch(c -> c >= '1' && c <= '9');
        if (value == 0 && nonZeroDigit) {
            throw new IllegalArgumentException("underflow, rounded to " + (text.startsWith("-") ? "-0" : "0"));
        }
        return value;
    }

    // ---------------------------------------------------------------- quantities with units

    /** A unit suffix and what one of it is worth in the base unit (seconds, bytes per second). */
    private record Unit(String suffix, BigDecimal worth) {
        Unit(String suffix, String worth) {
            this(suffix, new BigDecimal(worth));
        }
    }

    // Click's tables, in Click's order: the first unit that ends the text is the one used.
    private static final List<Unit> SECONDS_UNITS = List.of(new Unit("s", "1"), new Unit("sec", "1"),
            new Unit("m", "60"), new Unit("min", "60"), new Unit("h", "3600"), new Unit("hr", "3600"),
            new Unit("d", "86400"), new Unit("day", "86400"));
    private static final Map<Character, BigDecimal> SECONDS_PREFIXES = Map.of(
            'm', new BigDecimal("1e-3"), 'u', new BigDecimal("1e-6"), 'n', new BigDecimal("1e-9"));
    private static final List<Unit> BANDWIDTH_UNITS = List.of(new Unit("baud", "0.125"), new Unit("bps", "0.125"),
            new Unit("b/s", "0.125"), new Unit("Bps", "1"), new Unit("B/s", "1"));
    private static final Map<Character, BigDecimal> BANDWIDTH_PREFIXES = Map.of(
            'k', new BigDecimal("1e3"), 'K', new BigDecimal("1e3"), 'M', new BigDecimal("1e6"),
            'G', new BigDecimal("1e9"));

    private static long nanoseconds(String text) {
        return roundedToLong(quantity(text, SECONDS_UNITS, SECONDS_PREFIXES).movePointRight(9));
    }

    private static long bytesPerSecond(String text) {
        return roundedToLong(quantity(text, BANDWIDTH_UNITS, BANDWIDTH_PREFIXES));
    }

    /**
     * Click's UnitArg: a non-negative number followed by an optional unit, the unit optionally preceded by a
     * one-char prefix, spaces allowed before the prefix; the value in the base unit.
     */
    private static BigDecimal quantity(String text, List<Unit> units, Map<Character, BigDecimal> prefixes) {
        for (Unit unit : units) {
            if (text.endsWith(unit.suffix())) {
                int end = text.length() - unit.suffix().length();
                BigDecimal worth = unit.worth();
                if (end > 0 && prefixes.containsKey(text.charAt(end - 1))) {
                    worth = worth.multiply(prefixes.get(text.charAt(end - 1)));
                    end--;
                }
                while (end > 0 && ConfigText.isSpace(text.charAt(end - 1))) {
                    end--;
                }
                return parseFraction(text.substring(0, end)).multiply(worth);
            }
        }
        return parseFraction(text);
    }

    /**
     * Click's unsigned fixed-point syntax (preparse_fraction): an optional {@code +}, digits with single
     * underscores after digits, at most one point directly after a digit or before the first one
     * ({@code 1.5}, {@code .5}, {@code 5.}), then an optional exponent ({@code e6}, {@code E-3}).
     */
    private static BigDecimal parseFraction(String text) {
        StringBuilder number = new StringBuilder();
        int i = text.startsWith("+") ? 1 : 0;
        boolean point = false;
        boolean digits = false;
        boolean afterDigit = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                afterDigit = true;
            } else if (c == '_' && afterDigit) {
                afterDigit = false;
                continue;
            } else if (c == '.' && !point && (afterDigit || number.isEmpty())) {
                point = true;
                afterDigit = false;
            } else {
                break;
            }
            number.append(c);
        }
        if (!digits) {
            throw parseError();
        }
        Matcher exponent = EXPONENT.matcher(text).region(i, text.length());
        if (exponent.matches()) {
            number.append(exponent.group());
        } else if (i != text.length()) {
            throw parseError();
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) { // an exponent beyond int
            throw new IllegalArgumentException("out of range");
        }
    }

    private static final Pattern EXPONENT = Pattern.compile("[eE][+-]?[0-9]+");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal LONG_LIMIT = new BigDecimal(Long.MAX_VALUE).add(HALF);

    /** Rounds half up, as Click does; compares first so that huge exponents stay cheap. */
    private static long roundedToLong(BigDecimal value) {
        if (value.compareTo(HALF) < 0) {
            return 0;
        } else if (value.compareTo(LONG_LIMIT) >= 0) {
            throw new IllegalArgumentException("out of range");
        }
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Click's {@code IPPrefixArg::parse}: {@code address/length} or {@code address/mask}, where the address may be
     * an AddressInfo name; then, if {@code bareAddress}, an address (or name) as /32; then a prefix name.
     */
    private static IPv4Prefix ipv4Prefix(String text, Args args, boolean bareAddress) {
        try {
            return bareAddress ? IPv4Prefix.parseAddressOrPrefix(text) : IPv4Prefix.parse(text);
        } catch (IllegalArgumentException e) {
            // not literal: try names
        }
        int slash = text.lastIndexOf('/');
        if (slash > 0 && slash + 1 < text.length()) {
            Integer address = NamedValues.ipAddress(text.substring(0, slash), args);
            if (address != null) {
                try {
                    return IPv4Prefix.parse(IPv4.format(address) + text.substring(slash));
                } catch (IllegalArgumentException e) {
                    throw parseError();
                }
            }
        }
        if (bareAddress) {
            Integer address = NamedValues.ipAddress(text, args);
            if (address != null) {
                return new IPv4Prefix(address, -1);
            }
        }
        IPv4Prefix named = NamedValues.ipPrefix(text, args);
        if (named == null) {
            throw parseError();
        }
        return named;
    }

    /** A failure without a message: {@link Args} reports Click's generic {@code "parse error"}. */
    private static IllegalArgumentException parseError() {
        return new IllegalArgumentException();
    }
}
