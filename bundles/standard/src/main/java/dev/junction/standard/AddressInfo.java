package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.NameInfo;
import dev.junction.net.EtherAddress;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.net.IPv6Address;
import dev.junction.net.IPv6Prefix;
import java.util.List;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** AddressInfo: gives names to IP, IPv6 and Ethernet addresses for other elements' arguments. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("AddressInfo")
@ElementDoc(
        synopsis = "AddressInfo(NAME ADDRESS [ADDRESS...], ...)",
        category = "information",
        summary = "names addresses",
        description = """
                Each argument defines NAME as one or more addresses: an IPv4 address, an IPv4 prefix \
                (10.0.0.1/8), an Ethernet address, an IPv6 address or an IPv6 prefix. Other elements may then \
                write NAME wherever an address of that kind is expected: AddressInfo(eth0 10.0.0.1/8 \
                00:01:02:03:04:05) lets ARPResponder(eth0 eth0) and IPEncap(4, eth0, 10.0.0.2) use it. An \
                IPv4 prefix whose address has host bits names both the prefix and the address. When several \
                addresses of one kind are given, the first one counts.

                Suffixes pick one kind: NAME:ip (the IPv4 address), NAME:net (the prefix), NAME:bcast (the \
                prefix's broadcast address), NAME:gw (the prefix's first host), NAME:eth (the Ethernet \
                address), NAME:ip6 and NAME:ip6net.

                Names are scoped like elements: an AddressInfo inside a compound element defines names for the \
                elements of that compound (and compounds inside it); an inner definition hides an outer one. \
                AddressInfo is configured before every other element. A name that no AddressInfo defines may be \
                a network interface of the router's namespace, as in Click: eth0 then stands for its primary \
                IPv4 address, eth0:net for its IPv4 prefix and eth0 (as an Ethernet address) for its hardware \
                address, so ARPQuerier(eth0) works without an AddressInfo.""",
        arguments = {
            @ElementDoc.Argument(name = "NAME ADDRESS", description = "A name, then one or more addresses.")
        },
        example = "AddressInfo(mynet 10.0.0.1/8 00:01:02:03:04:05)",
        seeAlso = {"PortInfo"})
public final class AddressInfo extends Element {
    @Override
    public int configurePhase() {
        return CONFIGURE_PHASE_FIRST;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        StandardArgs.eachPositional(args, this::readAddresses);
    }

    private void readAddresses(String argument, List<String> problems) {
        List<String> parts = Args.words(argument);
        if (parts.isEmpty()) {
            return; // empty arguments are allowed
        }
        if (parts.size() < 2) {
            problems.add("expected 'NAME [ADDRS]'");
        }
        String name = parts.get(0);
        boolean ether = false;
        boolean ip = false;
        boolean net = false;
        boolean ip6 = false;
        boolean net6 = false;
        for (String word : parts.subList(1, parts.size())) {
            String text = Args.unquote(word);
            boolean found = false;
            Long etherAddress = tryParse(text, EtherAddress::parse);
            if (etherAddress != null) {
                found = true;
                if (!ether) {
                    context().defineName(NameInfo.ETHER_ADDRESS, name, EtherAddress.formatColon(etherAddress));
                    ether = true;
                }
            }
            Integer address = tryParse(text, IPv4::parse);
            IPv4Prefix prefix = address == null ? tryParse(text, IPv4Prefix::parse) : null;
            if (address == null && prefix != null && (prefix.address() & ~prefix.mask()) != 0) {
                address = prefix.address();
            }
            if (address != null) {
                found = true;
                if (!ip) {
                    context().defineName(NameInfo.IP_ADDRESS, name, IPv4.format(address));
                    ip = true;
                }
            }
            if (prefix != null) {
                found = true;
                if (!net) {
                    context().defineName(NameInfo.IP_PREFIX, name, prefix.toString());
                    net = true;
                }
            }
            IPv6Address address6 = tryParse(text, IPv6Address::parse);
            IPv6Prefix prefix6 = address6 == null ? tryParse(text, IPv6Prefix::parse) : null;
            if (address6 != null) {
                found = true;
                if (!ip6) {
                    context().defineName(NameInfo.IP6_ADDRESS, name, address6.toString());
                    ip6 = true;
                }
            }
            if (prefix6 != null) {
                found = true;
                if (!net6) {
                    context().defineName(NameInfo.IP6_PREFIX, name, text);
                    net6 = true;
                }
                IPv6Address mask = prefix6.mask();
                boolean hostBits = (prefix6.address().high() & ~mask.high()) != 0
                        || (prefix6.address().low() & ~mask.low()) != 0;
                if (hostBits && !ip6) {
                    context().defineName(NameInfo.IP6_ADDRESS, name, prefix6.address().toString());
                    ip6 = true;
                }
            }
            if (!found) {
                problems.add("'" + text + "' is not a recognizable address");
            }
        }
    }

    /** {@code text} parsed by {@code parser}, or null if it is not of that kind. */
    private static <T> T tryParse(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
