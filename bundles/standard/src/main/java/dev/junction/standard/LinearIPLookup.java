package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.standard.iproute.IPRoute;
import dev.junction.standard.iproute.IPRouteTable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * LinearIPLookup: longest-prefix match by scanning every route, with a one-entry cache of the last address.
 * The routes are kept in flat arrays, rebuilt on each change (changes are rare, lookups are not).
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("LinearIPLookup")
@ElementDoc(
        synopsis = "LinearIPLookup(ADDR1/MASK1 [GW1] OUT1, ADDR2/MASK2 [GW2] OUT2, ...)",
        category = "iproute",
        summary = "IP routing table searched linearly",
        description = """
                Routes each packet by its destination IP annotation: finds the most specific route whose \
                ADDR/MASK covers the address, sets the destination annotation to that route's gateway when \
                it has one, and pushes the packet to the route's output. A packet no route covers is dropped \
                (the first five such drops are logged). One push input; as many push outputs as the routes \
                name.

                Every argument is a route: a destination ADDR/MASK (a bare address means /32), an optional \
                gateway address (or - for none) and an output port. Of two routes for the same destination \
                the first is kept, with a warning.

                Each lookup may examine every route, so this suits small tables; RadixIPLookup and \
                DirectIPLookup are much faster on large ones. The table can be changed while the router \
                runs, and such changes are carried over a hot swap.""",
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
                rt :: LinearIPLookup(18.26.4.24/32 0, 18.26.4.255/32 0, 18.26.4/24 1, 0/0 18.26.4.1 1);
                rt[0] -> ToHost;  rt[1] -> ToDevice(eth0);""",
        seeAlso = {"StaticIPLookup", "RadixIPLookup", "DirectIPLookup"})
public class LinearIPLookup extends IPRouteTable {
    private int[] addresses = new int[0];
    private int[] masks = new int[0];
    private long[] results = new long[0];
    private boolean cached;
    private int cachedAddress;
    private long cachedResult;

    @Override
    protected final long lookup(int destination) {
        if (cached && destination == cachedAddress) {
            return cachedResult;
        }
        int[] address = addresses;
        int[] mask = masks;
        int best = -1;
        for (int i = 0; i < address.length; i++) {
            // Click's rule: a later covering route wins if its mask is at least as specific.
            if (((destination ^ address[i]) & mask[i]) == 0 && (best < 0 || (mask[i] & mask[best]) == mask[best])) {
                best = i;
            }
        }
        long result = best < 0 ? NO_ROUTE : results[best];
        if (best >= 0) {
            cached = true;
            cachedAddress = destination;
            cachedResult = result;
        }
        return result;
    }

    @Override
    protected final void lookupBatch(Packet[] packets, int count, long[] into) {
        for (int i = 0; i < count; i++) {
            into[i] = lookup(packets[i].dstIp());
        }
    }

    @Override
    protected final void installRoute(int slot, IPRoute route) {
        rebuild();
    }

    @Override
    protected final void uninstallRoute(int slot, IPRoute route) {
        rebuild();
    }

    @Override
    protected final void uninstallAll() {
        rebuild();
    }

    @Override
    protected String noRouteComplaint() {
        return "LinearIPLookup";
    }

    private void rebuild() {
        int count = 0;
        for (int slot = 0; slot < slotCount(); slot++) {
            count += route(slot) != null ? 1 : 0;
        }
        int[] address = new int[count];
        int[] mask = new int[count];
        long[] result = new long[count];
        int i = 0;
        for (int slot = 0; slot < slotCount(); slot++) {
            IPRoute route = route(slot);
            if (route != null) {
                address[i] = route.address();
                mask[i] = route.mask();
                result[i] = result(route.port(), route.gateway());
                i++;
            }
        }
        addresses = address;
        masks = mask;
        results = result;
        cached = false;
    }
}
