package dev.junction.standard;

import static dev.junction.net.IPv4.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Args;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.standard.iproute.IPRoute;
import dev.junction.standard.iproute.IPRouteTable;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The behaviour the four IP lookup elements share: route syntax, handlers, push path, hot swap. */
class IPRouteTableTest {
    static Stream<Supplier<IPRouteTable>> dynamicTables() {
        return Stream.of(LinearIPLookup::new, RadixIPLookup::new, DirectIPLookup::new);
    }

    static Stream<Supplier<IPRouteTable>> allTables() {
        return Stream.concat(dynamicTables(), Stream.of(StaticIPLookup::new));
    }

    private static final String ROUTES = "18.26.4.24/32 0, 18.26.4.255 0, 18.26.4/24 1, 0/0 18.26.4.1 2";

    @ParameterizedTest
    @MethodSource("allTables")
    void routesEachPacketToItsOutputAndSetsTheGateway(Supplier<IPRouteTable> kind) throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPRouteTable table = router.add(kind.get(), "rt", 1, 3, ROUTES);
            Sink[] sinks = Sink.wire(router, table);
            int[] destinations = {parse("18.26.4.24"), parse("18.26.4.9"), parse("1.2.3.4"), parse("18.26.4.255"),
                parse("18.26.4.10"), parse("18.26.5.1")};
            PacketBatch batch = new PacketBatch();
            for (int destination : destinations) {
                batch.add(TestPackets.zeros(router.pool, 20, destination));
            }
            table.push(0, batch);
            assertEquals(List.of(parse("18.26.4.24"), parse("18.26.4.255")), sinks[0].dstIps());
            assertEquals(List.of(parse("18.26.4.9"), parse("18.26.4.10")), sinks[1].dstIps(), "no gateway: unchanged");
            assertEquals(List.of(parse("18.26.4.1"), parse("18.26.4.1")), sinks[2].dstIps(), "gateway annotated");
            for (Sink sink : sinks) {
                assertEquals(1, sink.batches, "one push per output per batch");
                sink.clear();
            }
            assertEquals(256, router.pool.available());
        }
    }

    @ParameterizedTest
    @MethodSource("dynamicTables")
    void dropsPacketsWithoutRoute(Supplier<IPRouteTable> kind) throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPRouteTable table = router.add(kind.get(), "rt", 1, 1, "10.0.0.0/8 0");
            Sink sink = Sink.wire(router, table)[0];
            table.push(0, TestPackets.batch(TestPackets.zeros(router.pool, 20, parse("11.0.0.1")),
                    TestPackets.zeros(router.pool, 20, parse("10.9.9.9"))));
            assertEquals(List.of(parse("10.9.9.9")), sink.dstIps());
            sink.clear();
            assertEquals(256, router.pool.available(), "the unrouted packet went back to the pool");
        }
    }

    @ParameterizedTest
    @MethodSource("allTables")
    void tableAndLookupHandlersReadAsClick(Supplier<IPRouteTable> kind) throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPRouteTable table = router.add(kind.get(), "rt", 1, 3, ROUTES);
            router.initialize(table);
            TestRouter.Handlers handlers = router.handlers(table);
            String dump = handlers.read("table");
            List<String> lines = dump.lines().sorted().toList();
            assertEquals(List.of("0.0.0.0/0\t\t18.26.4.1\t2", "18.26.4.0/24\t\t-\t\t1", "18.26.4.24/32\t\t-\t\t0",
                    "18.26.4.255/32\t\t-\t\t0"), lines);
            assertTrue(dump.endsWith("\n"));
            assertEquals("1", handlers.read("lookup", "18.26.4.7"));
            assertEquals("2 18.26.4.1", handlers.read("lookup", " 9.9.9.9 "));
            assertEquals("expected IP address",
                    assertThrows(HandlerException.class, () -> handlers.read("lookup", "nine")).getMessage());
        }
    }

    @Test
    void linearAndRadixTablesPrintInConfigurationOrder() throws Exception {
        for (IPRouteTable kind : List.of(new LinearIPLookup(), new RadixIPLookup(), new StaticIPLookup())) {
            try (TestRouter router = new TestRouter()) {
                IPRouteTable table = router.add(kind, "rt", 1, 3, ROUTES);
                assertEquals("18.26.4.24/32\t\t-\t\t0\n18.26.4.255/32\t\t-\t\t0\n18.26.4.0/24\t\t-\t\t1\n"
                        + "0.0.0.0/0\t\t18.26.4.1\t2\n", table.table());
            }
        }
    }

    @Test
    void warnsAboutDuplicateRoutesAndTheFirstFiveMisses() throws Exception {
        try (PacketPool pool = PacketPool.create("warnings", 16, 256, 64)) {
            LinearIPLookup table = StandaloneContext.attach(new LinearIPLookup(), "rt", pool, 1, 2);
            table.configure(Args.parse("10/8 0, 10.1.2.3/8 1, 10/8 - 1, 11/8 1"));
            table.initialize();
            StandaloneContext context = (StandaloneContext) table.context();
            assertEquals(List.of("2 routes replaced by later versions"), context.warnings());
            assertEquals("0", table.lookupText(parse("10.0.0.1")), "as in Click, the first route for a prefix stays");
            for (int i = 0; i < 7; i++) {
                table.push(0, TestPackets.batch(TestPackets.zeros(pool, 20, parse("12.0.0." + i))));
            }
            assertEquals(6, context.warnings().size());
            assertEquals("LinearIPLookup: no route for 12.0.0.4", context.warnings().get(5));
            assertEquals(16, pool.available());

            DirectIPLookup direct = StandaloneContext.attach(new DirectIPLookup(), "d", pool, 1, 2);
            direct.configure(Args.parse("10/8 0, 10/8 1"));
            direct.initialize();
            direct.push(0, TestPackets.batch(TestPackets.zeros(pool, 20, parse("12.0.0.1"))));
            assertEquals(List.of("1 route replaced by later versions"),
                    ((StandaloneContext) direct.context()).warnings(), "DirectIPLookup drops silently");
        }
    }

    @Test
    void directIPLookupPrintsInClicksHashOrder() throws Exception {
        // Click's prefix hash, values from the C code compiled with gcc.
        assertEquals(0, DirectIPLookup.prefixHash(0, 0));
        assertEquals(14417, DirectIPLookup.prefixHash(0x121A0400, 24));
        assertEquals(1327, DirectIPLookup.prefixHash(0x121A0418, 32));
        assertEquals(1059, DirectIPLookup.prefixHash(0x121A04FF, 32));
        assertEquals(17066, DirectIPLookup.prefixHash(0x0A000000, 8));
        assertEquals(24727, DirectIPLookup.prefixHash(0xC0A80100, 24));
        assertEquals(50761, DirectIPLookup.prefixHash(0xFFFFFFFF, 32));
        try (TestRouter router = new TestRouter()) {
            IPRouteTable table = router.add(new DirectIPLookup(), "rt", 1, 3, ROUTES);
            assertEquals("0.0.0.0/0\t\t18.26.4.1\t2\n18.26.4.255/32\t\t-\t\t0\n18.26.4.24/32\t\t-\t\t0\n"
                    + "18.26.4.0/24\t\t-\t\t1\n", table.table());
        }
    }

    @ParameterizedTest
    @MethodSource("dynamicTables")
    void addSetRemoveWithClickErrors(Supplier<IPRouteTable> kind) throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPRouteTable table = router.add(kind.get(), "rt", 1, 2, "10.0.0.0/8 0");
            router.initialize(table);
            TestRouter.Handlers handlers = router.handlers(table);
            handlers.write("add", "10.1.0.0/16 10.0.0.1 1");
            assertEquals(result(table, "10.1.2.3"), "1 10.0.0.1");
            assertEquals("conflict with existing route '10.1.0.0/16 10.0.0.1 1'",
                    message(() -> handlers.write("add", "10.1.0.0/16 0")));
            handlers.write("set", "10.1.0.0/16 - 0");
            assertEquals("0", result(table, "10.1.2.3"));
            assertEquals("bad OUTPUT", message(() -> handlers.write("add", "10.2.0.0/16 2")));
            assertEquals("expected 'ADDR/MASK [GATEWAY] OUTPUT'", message(() -> handlers.write("add", "10.2.0.0/16")));
            assertEquals("expected 'ADDR/MASK [GATEWAY OUTPUT]'", message(() -> handlers.write("remove", "x")));
            assertEquals("route '10.1.0.0/16 - 1' not found", message(() -> handlers.write("remove", "10.1/16 1")));
            handlers.write("remove", "10.1.0.0/16");
            assertEquals("0", result(table, "10.1.2.3"), "back to 10/8");
            handlers.write("remove", "10.0.0.0/8 - 0");
            assertEquals("-1", result(table, "10.1.2.3"));
            assertEquals("route '10.0.0.0/8 - -1' not found", message(() -> handlers.write("remove", "10/8")));
            assertEquals("", table.table());
        }
    }

    @ParameterizedTest
    @MethodSource("dynamicTables")
    void ctrlIsAllOrNothing(Supplier<IPRouteTable> kind) throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPRouteTable table = router.add(kind.get(), "rt", 1, 3, "10.0.0.0/8 0, 10.1.0.0/16 1");
            router.initialize(table);
            TestRouter.Handlers handlers = router.handlers(table);
            List<IPRoute> before = table.routes();
            assertEquals("route '10.9.0.0/16 - -1' not found", message(() -> handlers.write("ctrl",
                    "add 11.0.0.0/8 1\nset 10.0.0.0/8 2\nremove 10.1.0.0/16\n\nremove 10.9.0.0/16")));
            assertEquals(before, table.routes());
            assertEquals("1", result(table, "10.1.1.1"));
            assertEquals("-1", result(table, "11.1.1.1"));
            assertEquals("bad command 'drop'", message(() -> handlers.write("ctrl", "add 11.0.0.0/8 1\ndrop 10/8")));
            assertEquals(before, table.routes());
            handlers.write("ctrl", "add 11.0.0.0/8 1\nset 10.0.0.0/8 2\nremove 10.1.0.0/16");
            assertEquals("2", result(table, "10.1.1.1"));
            assertEquals("1", result(table, "11.1.1.1"));
        }
    }

    @Test
    void staticIPLookupHasNoChangingHandlers() throws Exception {
        try (TestRouter router = new TestRouter()) {
            StaticIPLookup table = router.add(new StaticIPLookup(), "rt", 1, 1, "10.0.0.0/8 0");
            router.initialize(table);
            assertEquals(List.of("table", "lookup"), List.copyOf(router.handlers(table).readNames()));
            assertEquals(List.of(), List.copyOf(router.handlers(table).writeNames()));
            assertEquals(List.of("lookup"), List.copyOf(router.handlers(table).parameterizedNames()));
            assertEquals("can't add routes dynamically",
                    assertThrows(HandlerException.class, () -> table.add(IPRoute.parse("1/8 0", false), false))
                            .getMessage());
        }
    }

    @Test
    void configurationErrors() {
        assertEquals(List.of("argument 1 should be 'ADDR/MASK [GATEWAY] OUTPUT'",
                "argument 2 bad OUTPUT", "argument 3 should be 'ADDR/MASK [GATEWAY] OUTPUT'",
                "argument 4 should be 'ADDR/MASK [GATEWAY] OUTPUT'"),
                errors(new LinearIPLookup(), "10/8, 10/8 2, 10/8 1.2.3.4 0 9, hello 0"));
        assertEquals(List.of("argument 1: mask 10.0.0.0/255.0.255.0 is not a prefix"),
                errors(new RadixIPLookup(), "10.0.0.0/255.0.255.0 0"));
        assertEquals(List.of("argument 1: mask 10.0.0.0/255.0.255.0 is not a prefix"),
                errors(new DirectIPLookup(), "10.0.0.0/255.0.255.0 0"));
    }

    @Test
    void routeSyntaxFollowsClick() {
        assertEquals(new IPRoute(parse("10.0.0.0"), parse("255.0.0.0"), 0, 1), IPRoute.parse("10.1.2.3/8 1", false));
        assertEquals(new IPRoute(parse("10.1.2.3"), -1, parse("1.1.1.1"), 0), IPRoute.parse("10.1.2.3 1.1.1.1 0", false));
        assertEquals(new IPRoute(parse("10.0.0.0"), parse("255.0.0.0"), 0, 1), IPRoute.parse("10/8 - 1", false));
        assertEquals(new IPRoute(parse("10.0.0.0"), parse("255.0.0.0"), 0, -1), IPRoute.parse("10/8", true));
        assertEquals(null, IPRoute.parse("10/8", false));
        assertEquals(null, IPRoute.parse("10/8 1 2", false));
        assertEquals(null, IPRoute.parse("", false));
        assertEquals("10.0.0.0/255.0.255.0\t-\t\t3",
                new IPRoute(parse("10.0.0.0"), parse("255.0.255.0"), 0, 3).unparse(true));
    }

    @Test
    void nonPrefixMasksWorkInLinearIPLookup() throws Exception {
        try (TestRouter router = new TestRouter()) {
            LinearIPLookup table = router.add(new LinearIPLookup(), "rt", 1, 2, "10.0.0.0/255.0.255.0 1, 0/0 0");
            assertEquals("1", table.lookupText(parse("10.7.0.9")));
            assertEquals("0", table.lookupText(parse("10.7.1.9")));
        }
    }

    @ParameterizedTest
    @MethodSource("dynamicTables")
    void hotSwapCarriesOverRunTimeChanges(Supplier<IPRouteTable> kind) throws Exception {
        try (TestRouter router = new TestRouter()) {
            IPRouteTable old = router.add(kind.get(), "rt", 1, 3, "10.0.0.0/8 0, 11.0.0.0/8 1, 12.0.0.0/8 1");
            router.initialize(old);
            old.add(IPRoute.parse("13.0.0.0/8 2", false), false);
            old.add(IPRoute.parse("11.0.0.0/8 9.9.9.9 2", false), true);
            old.remove(IPRoute.parse("12.0.0.0/8", true));
            ElementState state = new ElementState();
            old.saveState(state);

            // The new configuration changed 10/8 and has only two outputs.
            IPRouteTable fresh = router.add(kind.get(), "rt2", 1, 2, "10.0.0.0/8 1, 11.0.0.0/8 1, 12.0.0.0/8 1");
            router.initialize(fresh);
            fresh.takeState(state);
            assertEquals("1", result(fresh, "10.1.1.1"), "configuration wins where it was not changed at run time");
            assertEquals("-1", result(fresh, "12.1.1.1"), "removed at run time");
            assertEquals("-1", result(fresh, "13.1.1.1"), "output 2 does not exist any more");
            assertEquals("1", result(fresh, "11.1.1.1"), "the set route's output 2 does not exist any more");
        }
        try (TestRouter router = new TestRouter()) {
            IPRouteTable old = router.add(kind.get(), "rt", 1, 3, "10.0.0.0/8 0");
            router.initialize(old);
            old.add(IPRoute.parse("13.0.0.0/8 1.2.3.4 2", false), false);
            ElementState state = new ElementState();
            old.saveState(state);
            IPRouteTable fresh = router.add(kind.get(), "rt2", 1, 3, "10.0.0.0/8 0");
            router.initialize(fresh);
            fresh.takeState(state);
            assertEquals("2 1.2.3.4", result(fresh, "13.1.1.1"));
            assertFalse(fresh.table().isEmpty());
        }
    }

    @Test
    void directIPLookupFlushes() throws Exception {
        try (TestRouter router = new TestRouter()) {
            DirectIPLookup table = router.add(new DirectIPLookup(), "rt", 1, 2, "10/8 0, 10.1.2.3/32 1, 0/0 1");
            router.initialize(table);
            router.handlers(table).write("flush", "");
            assertEquals("", table.table());
            assertEquals("-1", result(table, "10.1.2.3"));
            router.handlers(table).write("add", "10.1.2.0/31 1");
            assertEquals("1", result(table, "10.1.2.1"));
            assertEquals("-1", result(table, "10.1.2.2"));
        }
    }

    private static String result(IPRouteTable table, String address) {
        return table.lookupText(parse(address));
    }

    private static String message(Executable action) {
        return assertThrows(HandlerException.class, action).getMessage();
    }

    private static List<String> errors(IPRouteTable table, String config) {
        return TestRouter.configErrors(table, 1, 2, config);
    }
}
