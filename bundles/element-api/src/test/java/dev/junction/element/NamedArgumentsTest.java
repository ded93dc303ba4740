package dev.junction.element;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.net.IPv4;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The address and port argument types fall back to names (Click's NameInfo) when a value is not a literal. */
class NamedArgumentsTest {
    private static final Map<String, String> NAMES = Map.of(
            NameInfo.IP_ADDRESS + " host", "10.0.0.9",
            NameInfo.IP_PREFIX + " lan", "192.168.5.1/24",
            NameInfo.IP6_ADDRESS + " six", "2001:db8::1",
            NameInfo.IP6_PREFIX + " six", "2001:db8::1/64",
            NameInfo.ETHER_ADDRESS + " mac", "00:01:02:03:04:05",
            NameInfo.port(6) + " web", "8080",
            NameInfo.IP_ADDRESS + " foo", "1.2.3.4",
            NameInfo.IP_PREFIX + " foo", "1.2.3.4/20");

    private static Args args(String config) {
        return Args.parse(config, new ElementResolver() {
            @Override
            public Element resolve(String name) {
                return null;
            }

            @Override
            public String lookupName(String type, String name) {
                return NAMES.get(type + " " + name);
            }
        });
    }

    @Test
    void namesStandInForLiterals() throws ConfigurationException {
        Args args = args("host, lan:bcast, lan, host, six:ip6, six:ip6net, six, mac:ether, web, http");
        assertEquals("10.0.0.9", IPv4.format(args.requirePositional("A", ArgTypes.IPV4_ADDRESS)));
        assertEquals("192.168.5.255", IPv4.format(args.requirePositional("B", ArgTypes.IPV4_ADDRESS)));
        assertEquals("192.168.5.1/24", args.requirePositional("C", ArgTypes.IPV4_ADDRESS_OR_PREFIX).toString());
        assertEquals("10.0.0.9/32", args.requirePositional("D", ArgTypes.IPV4_ADDRESS_OR_PREFIX).toString());
        assertEquals("2001:db8::1", args.requirePositional("E", ArgTypes.IPV6_ADDRESS).toString());
        assertEquals(64, args.requirePositional("F", ArgTypes.IPV6_PREFIX).prefixLength());
        assertEquals(64, args.requirePositional("G", ArgTypes.IPV6_ADDRESS_OR_PREFIX).prefixLength());
        assertEquals(0x000102030405L, args.requirePositional("H", ArgTypes.ETHER_ADDRESS));
        assertEquals(8080, args.requirePositional("I", ArgTypes.ipPort(6)));
        assertEquals(80, args.requirePositional("J", ArgTypes.ipPort(6)));
        args.complete();
    }

    @Test
    void routeStylePrefixesPreferAddressesAsClicksIPPrefixArgDoes() throws ConfigurationException {
        // Click's test/ip/AddressInfo-bcast-01: AddressInfo(foo 1.2.3.4/20) and routes foo, foo:ipnet, foo:bcast.
        Args args = args("foo, foo:ipnet, foo:bcast, host/16");
        assertEquals("1.2.3.4/32", args.requirePositional("A", ArgTypes.IPV4_ADDRESS_OR_PREFIX).toString());
        assertEquals("1.2.3.4/20", args.requirePositional("B", ArgTypes.IPV4_ADDRESS_OR_PREFIX).toString());
        assertEquals("1.2.15.255/32", args.requirePositional("C", ArgTypes.IPV4_ADDRESS_OR_PREFIX).toString());
        assertEquals("10.0.0.9/16", args.requirePositional("D", ArgTypes.IPV4_PREFIX).toString());
        args.complete();
    }

    @Test
    void unknownNamesAndWrongSuffixesAreStillErrors() {
        Args args = args("nobody, host:eth, web, mac");
        args.readPositional("A", ArgTypes.IPV4_ADDRESS, 0);
        args.readPositional("B", ArgTypes.ETHER_ADDRESS, 0L);
        args.readPositional("C", ArgTypes.ipPort(17), 0);
        args.readPositional("D", ArgTypes.IPV4_PREFIX, null);
        assertEquals(List.of("A: parse error", "B: parse error", "C: invalid number", "D: parse error"),
                args.errors());
        Args withoutResolver = Args.parse("host, ssh");
        withoutResolver.readPositional("A", ArgTypes.IPV4_ADDRESS, 0);
        assertEquals(22, withoutResolver.readPositional("B", ArgTypes.ipPort(6), 0));
        assertEquals(List.of("A: parse error"), withoutResolver.errors());
    }
}
