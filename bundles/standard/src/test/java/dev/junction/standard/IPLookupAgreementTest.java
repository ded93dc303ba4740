package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.net.IPv4;
import dev.junction.standard.iproute.IPRoute;
import dev.junction.standard.iproute.IPRouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RadixIPLookup, DirectIPLookup and LinearIPLookup agree with each other, and with a brute-force
 * longest-prefix match, on random route tables and random addresses, also after random adds, sets and
 * removes. Prefixes cluster under a few short ones so that long and short prefixes overlap often.
 */
class IPLookupAgreementTest {
    private static final int OUTPUTS = 4;

    @Test
    void lookupsAgreeOnRandomTables() throws Exception {
        Random random = new Random(20261122);
        try (TestRouter router = new TestRouter()) {
            DirectIPLookup direct = router.add(new DirectIPLookup(), "direct", 1, OUTPUTS, "");
            for (int round = 0; round < 6; round++) {
                router.handlers(direct).write("flush", "");
                List<IPRoute> routes = randomRoutes(random, 50 + random.nextInt(400));
                StringBuilder config = new StringBuilder();
                for (IPRoute route : routes) {
                    config.append(config.isEmpty() ? "" : ", ").append(route.unparse(false));
                    direct.add(route, true);
                }
                IPRouteTable radix = router.add(new RadixIPLookup(), "radix" + round, 1, OUTPUTS, config.toString());
                IPRouteTable linear = router.add(new LinearIPLookup(), "linear" + round, 1, OUTPUTS,
                        config.toString());
                List<IPRouteTable> tables = List.of(radix, linear, direct);
                List<IPRoute> live = new ArrayList<>(routes);
                checkAgreement(random, tables, live, routes);

                for (int change = 0; change < 120; change++) {
                    if (!live.isEmpty() && random.nextInt(3) == 0) {
                        IPRoute gone = live.remove(random.nextInt(live.size()));
                        for (IPRouteTable table : tables) {
                            table.remove(new IPRoute(gone.address(), gone.mask(), 0, -1));
                        }
                    } else {
                        IPRoute route = randomRoute(random, routes);
                        live.removeIf(route::samePrefix);
                        live.add(route);
                        for (IPRouteTable table : tables) {
                            table.add(route, true);
                        }
                    }
                    if (change % 20 == 0) {
                        checkAgreement(random, tables, live, routes);
                    }
                }
                checkAgreement(random, tables, live, routes);
            }
        }
    }

    private static void checkAgreement(Random random, List<IPRouteTable> tables, List<IPRoute> live,
            List<IPRoute> seeds) {
        for (int i = 0; i < 2000; i++) {
            int address;
            if (i % 2 == 0 && !seeds.isEmpty()) {
                IPRoute near = seeds.get(random.nextInt(seeds.size()));
                address = near.address() | (random.nextInt() & ~near.mask());
            } else {
                address = random.nextInt();
            }
            String expected = bruteForce(live, address);
            for (IPRouteTable table : tables) {
                assertEquals(expected, table.lookupText(address),
                        table.className() + " on " + IPv4.format(address) + " with " + live.size() + " routes");
            }
        }
    }

    /** Longest-prefix match by hand. */
    private static String bruteForce(List<IPRoute> routes, int address) {
        IPRoute best = null;
        for (IPRoute route : routes) {
            if (route.contains(address) && (best == null || route.prefixLength() > best.prefixLength())) {
                best = route;
            }
        }
        if (best == null) {
            return "-1";
        }
        return best.gateway() != 0 ? best.port() + " " + IPv4.format(best.gateway()) : Integer.toString(best.port());
    }

    private static List<IPRoute> randomRoutes(Random random, int count) {
        List<IPRoute> routes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IPRoute route = randomRoute(random, routes);
            routes.removeIf(route::samePrefix);
            routes.add(route);
        }
        return routes;
    }

    /** A route under a random earlier one (or anywhere), with a random length, gateway and output. */
    private static IPRoute randomRoute(Random random, List<IPRoute> earlier) {
        int length = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(9);
            case 1 -> 24 + random.nextInt(9);
            default -> random.nextInt(33);
        };
        int address = random.nextInt();
        if (!earlier.isEmpty() && random.nextInt(4) != 0) {
            IPRoute parent = earlier.get(random.nextInt(earlier.size()));
            address = parent.address() | (address & ~parent.mask());
        }
        int mask = IPv4.netmask(length);
        int gateway = random.nextInt(3) == 0 ? 0 : 0x0A00_0000 | random.nextInt(4);
        return new IPRoute(address & mask, mask, gateway, random.nextInt(OUTPUTS));
    }
}
