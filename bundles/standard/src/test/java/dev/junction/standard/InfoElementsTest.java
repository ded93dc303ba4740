package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Args;
import dev.junction.element.ArgTypes;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.NameInfo;
import dev.junction.element.StandaloneContext;
import dev.junction.net.IPv4;
import dev.junction.packet.PacketPool;
import dev.junction.sched.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AddressInfo, PortInfo, ScheduleInfo and StaticThreadSched against a context that records names and placements. */
class InfoElementsTest {
    private final PacketPool pool = PacketPool.create("info", 8, 256, 64);
    private final NamesContext context = new NamesContext(new StandaloneContext("info", pool,
            new ManualClock(0)));

    @AfterEach
    void close() {
        pool.close();
    }

    private <E extends Element> E configure(E element, String config) throws ConfigurationException {
        element.attach(context, 0, 0);
        element.configure(Args.parse(config));
        return element;
    }

    /** An Args whose resolver looks names up in the context's table, as the engine's does. */
    private Args argsUsingNames(String config) {
        return Args.parse(config, context.standalone.resolver());
    }

    @Test
    void addressInfoDefinesEachKindOfAddress() throws Exception {
        AddressInfo info = configure(new AddressInfo(), "eth0 10.0.0.1/8 00:01:02:03:04:05, "
                + "net 192.168.0.0/16, six 2001:db8::1, six6 2001:db8::5/64, ,");
        assertEquals(Element.CONFIGURE_PHASE_FIRST, info.configurePhase());
        assertEquals("10.0.0.1", context.lookupName(NameInfo.IP_ADDRESS, "eth0"));
        assertEquals("10.0.0.1/8", context.lookupName(NameInfo.IP_PREFIX, "eth0"));
        assertEquals("00:01:02:03:04:05", context.lookupName(NameInfo.ETHER_ADDRESS, "eth0"));
        assertEquals("192.168.0.0/16", context.lookupName(NameInfo.IP_PREFIX, "net"));
        assertEquals(null, context.lookupName(NameInfo.IP_ADDRESS, "net"), "no host bits: no address");
        assertEquals("2001:db8::1", context.lookupName(NameInfo.IP6_ADDRESS, "six"));
        assertEquals("2001:db8::5/64", context.lookupName(NameInfo.IP6_PREFIX, "six6"));
        assertEquals("2001:db8::5", context.lookupName(NameInfo.IP6_ADDRESS, "six6"));

        Args args = argsUsingNames("eth0, eth0:bcast, net:gw, eth0:net, eth0:eth");
        assertEquals("10.0.0.1", IPv4.format(args.requirePositional("A", ArgTypes.IPV4_ADDRESS)));
        assertEquals("10.255.255.255", IPv4.format(args.requirePositional("B", ArgTypes.IPV4_ADDRESS)));
        assertEquals("192.168.0.1", IPv4.format(args.requirePositional("G", ArgTypes.IPV4_ADDRESS)));
        assertEquals("10.0.0.1/8", args.requirePositional("N", ArgTypes.IPV4_PREFIX).toString());
        assertEquals(0x000102030405L, args.requirePositional("E", ArgTypes.ETHER_ADDRESS));
        args.complete();
    }

    @Test
    void addressInfoRefusesWhatIsNotAnAddress() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> configure(new AddressInfo(), "x 1.2.3.4.5, lonely"));
        assertEquals(List.of("'1.2.3.4.5' is not a recognizable address", "expected 'NAME [ADDRS]'"), e.errors());
    }

    @Test
    void portInfoDefinesPortsWithCommentsAndAliases() throws Exception {
        configure(new PortInfo(), "foo 79/udp # ssh 25/udp comment, # ssh 26/udp comment, web 8080 alt, "
                + "tcponly 99/tcp, ");
        assertEquals("79", context.lookupName(NameInfo.port(17), "foo"));
        assertEquals(null, context.lookupName(NameInfo.port(17), "ssh"), "after # comes a comment");
        assertEquals("8080", context.lookupName(NameInfo.port(6), "web"));
        assertEquals("8080", context.lookupName(NameInfo.port(17), "alt"));
        assertEquals("99", context.lookupName(NameInfo.port(6), "tcponly"));
        assertEquals(null, context.lookupName(NameInfo.port(17), "tcponly"));

        Args args = argsUsingNames("foo, ssh, www, tcponly");
        assertEquals(79, args.requirePositional("A", ArgTypes.ipPort(17)));
        assertEquals(22, args.requirePositional("B", ArgTypes.ipPort(17)), "Click's well-known names");
        assertEquals(80, args.requirePositional("C", ArgTypes.ipPort(6)));
        assertEquals(null, args.requirePositional("D", ArgTypes.ipPort(17)));
        assertEquals(List.of("D: invalid number"), args.errors());
        assertEquals(List.of("expected 'NAME PORT/PROTO'"), assertThrows(ConfigurationException.class,
                () -> configure(new PortInfo(), "bad x80")).errors());
    }

    @Test
    void scheduleInfoDefinesShares() throws Exception {
        ScheduleInfo info = configure(new ScheduleInfo(), "src 2, c 0.5");
        assertEquals(Element.CONFIGURE_PHASE_INFO, info.configurePhase());
        assertEquals("2.0", context.lookupName(NameInfo.SCHEDULE_INFO, "src"));
        assertEquals("0.5", context.lookupName(NameInfo.SCHEDULE_INFO, "c"));
        assertEquals(List.of("expected 'ELEMENTNAME PARAM'"), assertThrows(ConfigurationException.class,
                () -> configure(new ScheduleInfo(), "src")).errors());
    }

    @Test
    void staticThreadSchedPlacesElementsAndWarnsOutOfRange() throws Exception {
        StaticThreadSched sched = configure(new StaticThreadSched(), "a 1, b 7");
        assertEquals(Element.CONFIGURE_PHASE_INFO, sched.configurePhase());
        assertEquals(List.of("a 1", "b 0"), context.placements);
        assertEquals(List.of("thread preference 7 out of range"), context.standalone.warnings());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> configure(new StaticThreadSched(), "nothere 0"));
        assertTrue(e.errors().contains("'nothere' does not name an element"), e.errors().toString());
    }

    /** A context with a flat name table, two threads, and elements a and b to place. */
    private static final class NamesContext extends DelegatingContext {
        final List<String> placements = new ArrayList<>();

        NamesContext(StandaloneContext standalone) {
            super(standalone);
        }

        @Override
        public boolean placeOnThread(String elementName, int thread) {
            if (!elementName.equals("a") && !elementName.equals("b")) {
                return false;
            }
            placements.add(elementName + " " + thread);
            return true;
        }

        @Override
        public int threadCount() {
            return 2;
        }

        @Override
        public String readHandler(String handler) {
            return "";
        }

        @Override
        public void writeHandler(String handler, String value) {
        }
    }
}
