package dev.junction.standard.iproute;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import java.util.List;

/**
 * One route of an IP routing table, as Click's {@code IPRoute}: destination address and mask (the address
 * has no bits outside the mask), gateway (0 for none) and output port.
 *
 * @param address destination, bits outside {@code mask} cleared
 * @param mask    destination mask
 * @param gateway gateway address, 0 when there is none
 * @param port    output port; -1 in a removal request means "any gateway and port"
 */
public record IPRoute(int address, int mask, int gateway, int port) {

    /**
     * Parses {@code ADDR/MASK [GW] OUT} as Click's {@code cp_ip_route}: a bare address means a /32 route, the
     * gateway may be {@code -} for none, and for a removal ({@code removal} true) OUT may be left off (port -1).
     * Returns null if the text is not a route.
     */
    public static IPRoute parse(String text, boolean removal) {
        List<String> words = Args.words(text);
        if (words.isEmpty()) {
            return null;
        }
        IPv4Prefix prefix;
        try {
            prefix = ArgTypes.IPV4_ADDRESS_OR_PREFIX.parse(words.get(0), null);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int next = 1;
        int gateway = 0;
        if (next < words.size()) {
            String word = words.get(next);
            if (word.equals("-")) {
                next++;
            } else {
                Integer parsed = parseAddress(word);
                if (parsed != null) {
                    gateway = parsed;
                    next++;
                }
            }
        }
        int port;
        if (next < words.size()) {
            try {
                port = ArgTypes.INTEGER.parse(words.get(next), null);
            } catch (IllegalArgumentException e) {
                return null;
            }
            next++;
        } else if (removal) {
            port = -1;
        } else {
            return null;
        }
        if (next != words.size()) {
            return null;
        }
        return new IPRoute(prefix.address() & prefix.mask(), prefix.mask(), gateway, port);
    }

    private static Integer parseAddress(String word) {
        try {
            return IPv4.parse(word);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code destination} falls under this route's address and mask. */
    public boolean contains(int destination) {
        return ((destination ^ address) & mask) == 0;
    }

    /** The prefix length, or -1 if the mask is not a prefix. */
    public int prefixLength() {
        return IPv4.prefixLength(mask);
    }

    /** Whether this route is for the same destination and mask as {@code other}. */
    public boolean samePrefix(IPRoute other) {
        return address == other.address && mask == other.mask;
    }

    /**
     * Whether this removal request selects {@code route}, as Click's {@code IPRoute::match}: same prefix, and
     * same gateway and port unless this request's port is negative.
     */
    public boolean selects(IPRoute route) {
        return samePrefix(route) && (port < 0 || (gateway == route.gateway && port == route.port));
    }

    /** The same route with another gateway and port. */
    IPRoute withNextHop(IPRoute other) {
        return new IPRoute(address, mask, other.gateway, other.port);
    }

    /** The destination as Click prints it: {@code 18.26.4.0/24}. */
    public String destination() {
        return new IPv4Prefix(address, mask).toString();
    }

    /**
     * Click's {@code IPRoute::unparse}: destination, gateway ({@code -} for none) and port, separated by one
     * space, or with {@code tabs} by tabs padded to columns as Click's {@code table} handler prints them.
     */
    public String unparse(boolean tabs) {
        char separator = tabs ? '\t' : ' ';
        StringBuilder text = new StringBuilder(48);
        String destination = destination();
        text.append(destination).append(separator);
        if (tabs && destination.length() + 1 < 17) {
            text.append('\t');
        }
        String gatewayText = gateway != 0 ? IPv4.format(gateway) : "-";
        text.append(gatewayText).append(separator);
        if (tabs && gatewayText.length() + 1 < 9) {
            text.append('\t');
        }
        text.append(port);
        return text.toString();
    }

    @Override
    public String toString() {
        return unparse(false);
    }
}
