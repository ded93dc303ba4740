package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.standard.iproute.IPRoute;
import dev.junction.standard.iproute.IPRouteTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * DirectIPLookup: Gupta, Lin and McKeown's DIR-24-8-BASIC. A table of 2^24 entries indexed by the top 24
 * address bits gives the next hop, or for prefixes longer than 24 bits a group of 256 entries indexed by
 * the last byte: one or two reads per lookup.
 *
 * <p>Entries are 16 bits, as in Click: a next-hop number ("virtual port", a distinct gateway and output
 * pair, 0 meaning no route more specific than 0/0) or, with the top bit set, a group number. Beside each
 * entry is the prefix length that set it, so that a route added later only overwrites less specific ones
 * and a removed route hands its entries back to the longest route that covers it.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("DirectIPLookup")
@ElementDoc(
        synopsis = "DirectIPLookup(ADDR1/MASK1 [GW1] OUT1, ADDR2/MASK2 [GW2] OUT2, ...)",
        category = "iproute",
        summary = "IP routing table in direct-indexed tables (DIR-24-8)",
        description = """
                Routes each packet by its destination IP annotation: finds the longest route prefix that \
                covers the address, sets the destination annotation to that route's gateway when it has one, \
                and pushes the packet to the route's output. A packet no route covers is dropped silently. \
                One push input; as many push outputs as the routes name.

                Every argument is a route: a destination ADDR/MASK (a bare address means /32; the mask must \
                be a prefix), an optional gateway address (or - for none) and an output port. Of two routes \
                for the same destination the first is kept, with a warning.

                The table is DIR-24-8-BASIC (Gupta, Lin and McKeown): a direct table of 2^24 entries for the \
                first 24 bits, and groups of 256 entries for longer prefixes, so a lookup costs one or two \
                memory reads. It takes about 48 MB. Up to 32767 distinct gateway and output pairs and 32767 \
                groups of long prefixes fit. Routes can be changed while the router runs, and such changes \
                are carried over a hot swap.""",
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
                    They are applied all together, or, if one fails, not at all."""),
            @ElementDoc.Handler(name = "flush", mode = "write-only", description = "Removes every route at once.")
        },
        example = """
                rt :: DirectIPLookup(10.0.0.0/8 0, 10.1.2.128/25 10.0.0.1 1, 0.0.0.0/0 192.168.1.1 2);""",
        seeAlso = {"RadixIPLookup", "LinearIPLookup", "StaticIPLookup"})
public final class DirectIPLookup extends IPRouteTable {
    private static final int GROUP = 0x8000;
    private static final int LIMIT = 0x7FFF;

    private char[] table24;
    private byte[] length24;
    private char[] table8 = new char[256 * 16];
    private byte[] length8 = new byte[256 * 16];
    private int groups;
    private int[] freeGroups = new int[0];
    private int freeGroupCount;

    /** Next hops: index 0 is "no route", the others distinct gateway and port pairs, reference counted. */
    private long[] hops = new long[64];
    private int[] references = new int[64];
    private final Map<Long, Integer> hopOf = new HashMap<>();
    private int hopCount = 1;
    /** Per slot: the next hop of its route. */
    private int[] slotHops = new int[16];
    /** The next hop of the 0/0 route, or 0. */
    private int defaultHop;

    @Override
    public void configure(Args args) throws ConfigurationException {
        table24 = new char[1 << 24];
        length24 = new byte[1 << 24];
        hops[0] = NO_ROUTE;
        super.configure(args);
    }

    @Override
    protected long lookup(int destination) {
        int hop = table24[destination >>> 8];
        if (hop >= GROUP) {
            hop = table8[(hop & LIMIT) << 8 | (destination & 0xFF)];
        }
        return hops[hop == 0 ? defaultHop : hop];
    }

    @Override
    protected void lookupBatch(Packet[] packets, int count, long[] into) {
        for (int i = 0; i < count; i++) {
            into[i] = lookup(packets[i].dstIp());
        }
    }

    @Override
    protected String noRouteComplaint() {
        return null;
    }

    @Override
    protected String refusal(IPRoute route) {
        if (route.prefixLength() < 0) {
            return "mask " + route.destination() + " is not a prefix";
        }
        boolean knownHop = hopOf.containsKey(result(route.port(), route.gateway()));
        if (!knownHop && hopOf.size() >= LIMIT) {
            return "no memory to store route '" + route.unparse(false) + "'";
        }
        if (route.prefixLength() > 24 && table24[route.address() >>> 8] < GROUP
                && freeGroupCount == 0 && groups >= LIMIT) {
            return "no memory to store route '" + route.unparse(false) + "'";
        }
        return null;
    }

    @Override
    protected void installRoute(int slot, IPRoute route) {
        if (slot >= slotHops.length) {
            slotHops = Arrays.copyOf(slotHops, Math.max(slot + 1, slotHops.length * 2));
        }
        int oldHop = slotHops[slot];
        int hop = reference(route);
        slotHops[slot] = hop;
        int prefixLength = route.prefixLength();
        if (prefixLength == 0) {
            defaultHop = hop;
        } else {
            // A new route overwrites entries no more specific than itself; a new next hop for an existing
            // route (same length) overwrites exactly that route's entries.
            write(route.address(), prefixLength, hop, prefixLength, prefixLength);
        }
        if (oldHop != 0) {
            release(oldHop); // the slot held the same prefix with another next hop
        }
    }

    @Override
    protected void uninstallRoute(int slot, IPRoute route) {
        int hop = slotHops[slot];
        slotHops[slot] = 0;
        int prefixLength = route.prefixLength();
        if (prefixLength == 0) {
            defaultHop = 0;
        } else {
            int heir = 0;
            int heirLength = 0;
            for (int other = 0; other < slotCount(); other++) {
                IPRoute candidate = route(other);
                int candidateLength = candidate == null ? 0 : candidate.prefixLength();
                if (candidateLength > heirLength && candidateLength < prefixLength
                        && candidate.contains(route.address())) {
                    heir = slotHops[other];
                    heirLength = candidateLength;
                }
            }
            // Only this route's entries carry its length within its range.
            write(route.address(), prefixLength, heir, heirLength, -prefixLength);
        }
        release(hop);
    }

    @Override
    protected void uninstallAll() {
        Arrays.fill(table24, (char) 0);
        Arrays.fill(length24, (byte) 0);
        groups = 0;
        freeGroupCount = 0;
        hopOf.clear();
        Arrays.fill(hops, NO_ROUTE);
        Arrays.fill(references, 0);
        hopCount = 1;
        Arrays.fill(slotHops, 0);
        defaultHop = 0;
    }

    /**
     * Click lists a DirectIPLookup's routes by walking its prefix hash table: bucket by bucket, and in a
     * bucket the latest route first. Routes are sorted the same way here (by bucket, then latest slot first).
     */
    @Override
    protected List<IPRoute> tableOrder(List<IPRoute> routes) {
        List<IPRoute> ordered = new ArrayList<>(routes);
        Collections.reverse(ordered);
        ordered.sort(Comparator.comparingInt(route -> prefixHash(route.address(), route.prefixLength())));
        return ordered;
    }

    /** Click's DirectIPLookup prefix hash (64 Ki buckets), in unsigned 32-bit arithmetic. */
    static int prefixHash(int prefix, int length) {
        int hash = prefix ^ (length << 5) ^ ((prefix >>> (length >>> 2)) - length);
        hash ^= (hash >>> 23) ^ ((hash >>> 15) * length) ^ ((prefix >>> 17) * 53);
        hash -= (prefix >>> 3) ^ ((hash >>> length) * 7) ^ ((hash >>> 11) * 103);
        return (hash ^ (hash >>> 17)) & 0xFFFF;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        super.addHandlers(handlers);
        handlers.addWrite("flush", value -> clearRoutes());
    }

    /**
     * Sets the entries of prefix {@code address/prefixLength} to {@code hop} with length {@code newLength}:
     * those of length at most {@code rule}, or with a negative rule those of length exactly {@code -rule}.
     */
    private void write(int address, int prefixLength, int hop, int newLength, int rule) {
        if (prefixLength <= 24) {
            int first = (address >>> 8) & -(1 << (24 - prefixLength));
            for (int index = first, end = first + (1 << (24 - prefixLength)); index < end; index++) {
                int entry = table24[index];
                if (entry >= GROUP) {
                    int base = (entry & LIMIT) << 8;
                    for (int i = base; i < base + 256; i++) {
                        if (applies(length8[i], rule)) {
                            table8[i] = (char) hop;
                            length8[i] = (byte) newLength;
                        }
                    }
                } else if (applies(length24[index], rule)) {
                    table24[index] = (char) hop;
                    length24[index] = (byte) newLength;
                }
            }
            return;
        }
        int index = address >>> 8;
        int entry = table24[index];
        if (entry < GROUP) {
            if (rule < 0) {
                return; // nothing of a long prefix can be here
            }
            int group = newGroup();
            Arrays.fill(table8, group << 8, (group << 8) + 256, (char) entry);
            Arrays.fill(length8, group << 8, (group << 8) + 256, length24[index]);
            entry = GROUP | group;
            table24[index] = (char) entry;
            length24[index] = 0;
        }
        int base = (entry & LIMIT) << 8;
        int first = base | (address & 0xFF & -(1 << (32 - prefixLength)));
        for (int i = first, end = first + (1 << (32 - prefixLength)); i < end; i++) {
            if (applies(length8[i], rule)) {
                table8[i] = (char) hop;
                length8[i] = (byte) newLength;
            }
        }
        if (rule < 0) {
            collapse(index, base);
        }
    }

    private static boolean applies(int length, int rule) {
        return rule >= 0 ? length <= rule : length == -rule;
    }

    /** Frees the group at {@code base} if its entries all came from one route of at most 24 bits. */
    private void collapse(int index, int base) {
        char hop = table8[base];
        byte length = length8[base];
        if (length > 24) {
            return;
        }
        for (int i = base + 1; i < base + 256; i++) {
            if (table8[i] != hop || length8[i] != length) {
                return;
            }
        }
        table24[index] = hop;
        length24[index] = length;
        if (freeGroupCount == freeGroups.length) {
            freeGroups = Arrays.copyOf(freeGroups, Math.max(16, freeGroupCount * 2));
        }
        freeGroups[freeGroupCount++] = base >>> 8;
    }

    private int newGroup() {
        if (freeGroupCount > 0) {
            return freeGroups[--freeGroupCount];
        }
        if ((groups + 1) << 8 > table8.length) {
            table8 = Arrays.copyOf(table8, table8.length * 2);
            length8 = Arrays.copyOf(length8, length8.length * 2);
        }
        return groups++;
    }

    /** The next hop of {@code route}, created if new, with one more reference. */
    private int reference(IPRoute route) {
        long result = result(route.port(), route.gateway());
        Integer known = hopOf.get(result);
        int hop;
        if (known != null) {
            hop = known;
        } else {
            hop = freeHop();
            hops[hop] = result;
            hopOf.put(result, hop);
        }
        references[hop]++;
        return hop;
    }

    private void release(int hop) {
        if (--references[hop] == 0) {
            hopOf.remove(hops[hop]);
            hops[hop] = NO_ROUTE;
        }
    }

    private int freeHop() {
        for (int hop = 1; hop < hopCount; hop++) {
            if (references[hop] == 0) {
                return hop;
            }
        }
        if (hopCount == hops.length) {
            hops = Arrays.copyOf(hops, hops.length * 2);
            references = Arrays.copyOf(references, references.length * 2);
        }
        return hopCount++;
    }
}
