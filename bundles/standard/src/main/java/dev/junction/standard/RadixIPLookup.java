package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.standard.iproute.IPRoute;
import dev.junction.standard.iproute.IPRouteTable;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * RadixIPLookup: longest-prefix match in a radix trie of four levels, one address byte each (stride 8).
 *
 * <p>Node {@code n}'s entry for byte {@code b} is at {@code n * 256 + b}. It holds the best route that ends
 * at this level and covers the byte (prefix lengths 8k+1 to 8k+8 are expanded over the bytes they cover; the
 * longest wins) and the child node for the next byte. A lookup walks at most four entries, remembering the
 * last route seen. Nodes are never freed: a table only grows to the shape of the routes it ever held.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RadixIPLookup")
@ElementDoc(
        synopsis = "RadixIPLookup(ADDR1/MASK1 [GW1] OUT1, ADDR2/MASK2 [GW2] OUT2, ...)",
        category = "iproute",
        summary = "IP routing table in a radix trie",
        description = """
                Routes each packet by its destination IP annotation: finds the longest route prefix that \
                covers the address, sets the destination annotation to that route's gateway when it has one, \
                and pushes the packet to the route's output. A packet no route covers is dropped (the first \
                five such drops are logged). One push input; as many push outputs as the routes name.

                Every argument is a route: a destination ADDR/MASK (a bare address means /32; the mask must \
                be a prefix), an optional gateway address (or - for none) and an output port. Of two routes \
                for the same destination the first is kept, with a warning.

                The table is a radix trie with one level per address byte, so a lookup costs at most four \
                memory reads whatever the table's size, and routes can be added and removed cheaply while \
                the router runs. Such changes are carried over a hot swap.""",
        arguments = @ElementDoc.Argument(name = "ADDR/MASK [GW] OUT", description = """
                A route, repeated as many times as there are routes."""),
        handlers = {
            @ElementDoc.Handler(name = "table", description = """
                    The routes, one per line: destination, gateway (- for none) and output, separated by tabs."""),
            @ElementDoc.Handler(name = "lookup", mode = "read with parameters", description = """
                    Takes an IP address and returns the output port (and gateway, if any) of its route; -1 \
                    when no route covers it."""),
            @ElementDoc.Handler(name = "add", mode = "write-only", description = """
                    Adds a route, 'ADDR/MASK [GW] OUT'; fails if a route for ADDR/MASK exists."""),
            @ElementDoc.Handler(name = "set", mode = "write-only", description = """
                    Adds a route, replacing any route for the same ADDR/MASK."""),
            @ElementDoc.Handler(name = "remove", mode = "write-only", description = """
                    Removes the route for 'ADDR/MASK'; if GW and OUT are given, they must match too."""),
            @ElementDoc.Handler(name = "ctrl", mode = "write-only", description = """
                    Several changes at once, one per line: 'add ROUTE', 'set ROUTE' or 'remove ADDR/MASK'. \
                    They are applied all together, or, if one fails, not at all.""")
        },
        example = """
                rt :: RadixIPLookup(10.0.0.0/8 0, 10.1.0.0/16 10.0.0.1 1, 0.0.0.0/0 192.168.1.1 2);""",
        seeAlso = {"DirectIPLookup", "LinearIPLookup", "StaticIPLookup"})
public final class RadixIPLookup extends IPRouteTable {
    private static final int FANOUT = 256;

    /** Per entry: 1 + the slot of the best route ending at this level, or 0. */
    private int[] best = new int[FANOUT];
    /** Per entry: the length of that route within this level (1 to 8), or 0. */
    private byte[] length = new byte[FANOUT];
    /** Per entry: the child node, or 0 (node 0 is the root, never a child). */
    private int[] child = new int[FANOUT];
    private int nodes = 1;
    /** 1 + the slot of the 0/0 route, or 0. */
    private int defaultRoute;
    /** Per slot: the lookup result of its route. */
    private long[] slotResults = new long[16];

    @Override
    protected long lookup(int destination) {
        int found = defaultRoute;
        int node = 0;
        for (int shift = 24; shift >= 0; shift -= 8) {
            int entry = node << 8 | (destination >>> shift & 0xFF);
            int route = best[entry];
            if (route != 0) {
                found = route;
            }
            node = child[entry];
            if (node == 0) {
                break;
            }
        }
        return found == 0 ? NO_ROUTE : slotResults[found - 1];
    }

    @Override
    protected void lookupBatch(Packet[] packets, int count, long[] into) {
        for (int i = 0; i < count; i++) {
            into[i] = lookup(packets[i].dstIp());
        }
    }

    @Override
    protected String refusal(IPRoute route) {
        return route.prefixLength() < 0 ? "mask " + route.destination() + " is not a prefix" : null;
    }

    @Override
    protected String noRouteComplaint() {
        return "IPRouteTable";
    }

    @Override
    protected void installRoute(int slot, IPRoute route) {
        if (slot >= slotResults.length) {
            slotResults = Arrays.copyOf(slotResults, Math.max(slot + 1, slotResults.length * 2));
        }
        slotResults[slot] = result(route.port(), route.gateway());
        int prefixLength = route.prefixLength();
        if (prefixLength == 0) {
            defaultRoute = slot + 1;
            return;
        }
        int level = (prefixLength - 1) / 8;
        int node = nodeFor(route.address(), level);
        int local = prefixLength - 8 * level;
        int first = node << 8 | (route.address() >>> (24 - 8 * level) & 0xFF & -(1 << (8 - local)));
        for (int entry = first, end = first + (1 << (8 - local)); entry < end; entry++) {
            if (length[entry] <= local) {
                best[entry] = slot + 1;
                length[entry] = (byte) local;
            }
        }
    }

    @Override
    protected void uninstallRoute(int slot, IPRoute route) {
        int prefixLength = route.prefixLength();
        if (prefixLength == 0) {
            defaultRoute = 0;
            return;
        }
        int level = (prefixLength - 1) / 8;
        int node = nodeFor(route.address(), level);
        int local = prefixLength - 8 * level;
        // What covered these bytes before: the longest other route of this level that covers the prefix.
        int heir = 0;
        int heirLength = 0;
        for (int other = 0; other < slotCount(); other++) {
            IPRoute candidate = route(other);
            int candidateLength = candidate == null ? -1 : candidate.prefixLength() - 8 * level;
            if (candidateLength > heirLength && candidateLength < local && candidate.contains(route.address())) {
                heir = other + 1;
                heirLength = candidateLength;
            }
        }
        int first = node << 8 | (route.address() >>> (24 - 8 * level) & 0xFF & -(1 << (8 - local)));
        for (int entry = first, end = first + (1 << (8 - local)); entry < end; entry++) {
            if (best[entry] == slot + 1) {
                best[entry] = heir;
                length[entry] = (byte) heirLength;
            }
        }
    }

    @Override
    protected void uninstallAll() {
        Arrays.fill(best, 0);
        Arrays.fill(length, (byte) 0);
        Arrays.fill(child, 0);
        nodes = 1;
        defaultRoute = 0;
    }

    /** The node at {@code level} on the path to {@code address}, created with its ancestors if missing. */
    private int nodeFor(int address, int level) {
        int node = 0;
        for (int depth = 0; depth < level; depth++) {
            int entry = node << 8 | (address >>> (24 - 8 * depth) & 0xFF);
            if (child[entry] == 0) {
                int created = newNode(); // may replace the arrays: call it before indexing them
                child[entry] = created;
            }
            node = child[entry];
        }
        return node;
    }

    private int newNode() {
        if ((nodes + 1) * FANOUT > best.length) {
            int capacity = best.length * 2;
            best = Arrays.copyOf(best, capacity);
            length = Arrays.copyOf(length, capacity);
            child = Arrays.copyOf(child, capacity);
        }
        return nodes++;
    }
}
