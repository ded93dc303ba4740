package dev.junction.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.NameInfo;
import dev.junction.net.IPv4;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.sched.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's support for Click's DriverManager, NameInfo, configure phases, ScheduleInfo and StaticThreadSched. */
class DriverAndNamesTest {
    private static final List<String> CONFIGURED = Collections.synchronizedList(new ArrayList<>());
    private final List<Router> routers = new ArrayList<>();
    private final ClassMapFactory factory = new ClassMapFactory()
            .add("Driver", Driver::new)
            .add("Definer", Definer::new)
            .add("User", User::new)
            .add("EtherUser", EtherUser::new)
            .add("Placer", Placer::new)
            .add("Tasked", Tasked::new);

    @AfterEach
    void stopRouters() {
        routers.forEach(Router::stop);
    }

    private Router start(String config, RuntimeOptions options) throws RouterException {
        Router router = Router.start("test", RouterSource.ofText(config), factory, options);
        routers.add(router);
        return router;
    }

    @Test
    void withoutADriverAStopRequestStops() throws Exception {
        Router router = start("u :: User(1.2.3.4, 7)", RuntimeOptions.defaults());
        router.write("stop", "");
        assertTrue(router.awaitStop(Duration.ofSeconds(10)));
    }

    @Test
    void aDriverTakesStopRequestsAndStopsTheRouterItself() throws Exception {
        Router router = start("d :: Driver(3)", RuntimeOptions.defaults());
        router.write("stop", "");
        router.write("stop", "");
        assertFalse(router.awaitStop(Duration.ofMillis(100)), "two requests of three: still running");
        assertEquals("2", router.read("d.requests"));
        router.write("stop", "");
        assertTrue(router.awaitStop(Duration.ofSeconds(10)));
    }

    @Test
    void aRouterHasOneDriver() {
        RouterException e = assertThrows(RouterException.class,
                () -> start("Driver(1); Driver(1)", RuntimeOptions.defaults()));
        assertTrue(String.join("\n", e.errors()).contains("more than one driver"), e.errors().toString());
    }

    @Test
    void namesAreDefinedFirstAndScopedByCompound() throws Exception {
        CONFIGURED.clear();
        Router router = start("""
                u :: User(host, ssh);
                elementclass Inner { u :: User(host, foo); Definer(IPAddress host 10.0.0.2, port/17 foo 80) }
                i :: Inner;
                Definer(IPAddress host 10.0.0.1, port/17 foo 79);
                w :: User(host:bcast, www);
                Definer(IPPrefix host 192.168.1.7/24);
                """, RuntimeOptions.defaults());
        assertEquals("10.0.0.1 22", router.read("u.value"));
        assertEquals("10.0.0.2 80", router.read("i/u.value"));
        assertEquals("192.168.1.255 80", router.read("w.value"));
        assertEquals("Definer", CONFIGURED.get(0));
        assertEquals("Definer", CONFIGURED.get(2));
        assertEquals("User", CONFIGURED.get(3));
    }

    /** A name no AddressInfo defines may name an interface of the host: "lo" is 127.0.0.1 everywhere. */
    @Test
    void hostInterfacesGiveDefaultAddresses() throws Exception {
        Router router = start("u :: User(lo, 7)", RuntimeOptions.defaults());
        assertEquals("127.0.0.1 7", router.read("u.value"));
    }

    /** An interface's Ethernet address and IPv4 prefix, for the first interface that has both (skipped if none). */
    @Test
    void hostInterfacesGiveTheirEthernetAddressesAndPrefixes() throws Exception {
        java.net.NetworkInterface found = null;
        for (java.net.NetworkInterface device
                : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            byte[] mac = device.getHardwareAddress();
            boolean ipv4 = device.getInterfaceAddresses().stream()
                    .anyMatch(a -> a.getAddress() instanceof java.net.Inet4Address);
            if (mac != null && mac.length == 6 && ipv4 && device.getName().length() <= 15) {
                found = device;
                break;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found != null,
                "no interface with an Ethernet and an IPv4 address");
        Router router = start("e :: EtherUser(" + found.getName() + ", " + found.getName() + ":net)",
                RuntimeOptions.defaults());
        byte[] mac = found.getHardwareAddress();
        long expected = 0;
        for (byte b : mac) {
            expected = expected << 8 | (b & 0xFF);
        }
        java.net.InterfaceAddress first = found.getInterfaceAddresses().stream()
                .filter(a -> a.getAddress() instanceof java.net.Inet4Address).findFirst().orElseThrow();
        assertEquals(Long.toHexString(expected) + " " + dev.junction.net.IPv4Prefix.of(
                IPv4.parse(first.getAddress().getHostAddress()), first.getNetworkPrefixLength()),
                router.read("e.value"));
    }

    @Test
    void unknownNamesAreStillParseErrors() {
        RouterException e = assertThrows(RouterException.class,
                () -> start("User(nothere, 7)", RuntimeOptions.defaults()));
        assertTrue(String.join("\n", e.errors()).contains("ADDR: parse error"), e.errors().toString());
    }

    @Test
    void placementAndScheduleSharesReachTheTasks() throws Exception {
        Router router = start("""
                a :: Tasked; b :: Tasked;
                elementclass C { t :: Tasked }
                c :: C;
                Placer(b 1, c 1);
                Definer(ScheduleInfo a 2, ScheduleInfo c 0.5);
                """, RuntimeOptions.defaults().withThreads(2));
        assertEquals("0 2048", router.read("a.task"));
        assertEquals("1 1024", router.read("b.task"));
        assertEquals("1 512", router.read("c/t.task"));
    }

    /** Counts stop requests; stops the router at the LIMIT-th. */
    static final class Driver extends Element {
        private final AtomicInteger requests = new AtomicInteger();
        private int limit;

        @Override
        public void configure(Args args) throws ConfigurationException {
            limit = args.requirePositional("LIMIT", ArgTypes.INTEGER);
            args.complete();
            if (!context().takeStopRequests(() -> {
                if (requests.incrementAndGet() >= limit) {
                    context().stopRouter();
                }
            })) {
                throw new ConfigurationException("router has more than one driver script");
            }
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("requests", () -> Integer.toString(requests.get()));
        }
    }

    /** Defines names: each argument is TYPE NAME VALUE. */
    static final class Definer extends Element {
        @Override
        public int configurePhase() {
            return CONFIGURE_PHASE_FIRST;
        }

        @Override
        public void configure(Args args) throws ConfigurationException {
            CONFIGURED.add("Definer");
            for (String argument : args.remainingPositional()) {
                List<String> words = Args.words(argument);
                context().defineName(words.get(0), words.get(1), words.get(2));
            }
            args.complete();
        }
    }

    /** Reads an IP address and a UDP port, which may be names. */
    static final class User extends Element {
        private int address;
        private int port;

        @Override
        public void configure(Args args) throws ConfigurationException {
            CONFIGURED.add("User");
            Integer a = args.requirePositional("ADDR", ArgTypes.IPV4_ADDRESS);
            Integer p = args.requirePositional("PORT", ArgTypes.ipPort(17));
            args.complete();
            address = a;
            port = p;
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("value", () -> IPv4.format(address) + " " + port);
        }
    }

    /** Reads an Ethernet address and an IPv4 prefix, which may be names. */
    static final class EtherUser extends Element {
        private long ether;
        private dev.junction.net.IPv4Prefix prefix;

        @Override
        public void configure(Args args) throws ConfigurationException {
            ether = args.requirePositional("ETH", ArgTypes.ETHER_ADDRESS);
            prefix = args.requirePositional("NET", ArgTypes.IPV4_PREFIX);
            args.complete();
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("value", () -> Long.toHexString(ether) + " " + prefix);
        }
    }

    /** Places elements on threads: each argument is ELEMENT THREAD. */
    static final class Placer extends Element {
        @Override
        public int configurePhase() {
            return CONFIGURE_PHASE_INFO;
        }

        @Override
        public void configure(Args args) throws ConfigurationException {
            for (String argument : args.remainingPositional()) {
                List<String> words = Args.words(argument);
                if (!context().placeOnThread(words.get(0), Integer.parseInt(words.get(1)))) {
                    throw new ConfigurationException("no " + words.get(0));
                }
            }
            args.complete();
        }
    }

    /** Has an idle task; reports its thread and tickets. */
    static final class Tasked extends Element {
        private Task task;

        @Override
        public void initialize() {
            task = context().createTask(() -> false);
        }

        @Override
        public void addHandlers(HandlerRegistry handlers) {
            handlers.addRead("task", () -> task.homeThread() + " " + task.tickets());
        }
    }

}
