package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementDocs;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every element class of the bundle names its Click class, documents itself (with exactly the handlers it
 * registers), and is a prototype-scope DS component providing Element with the class-name property, as
 * bnd wrote it into OSGI-INF (generated before the tests run).
 */
class ElementMetadataTest {
    private static final String PACKAGE = "dev.junction.standard";

    @Test
    void theBundleHasTheExpectedClasses() throws Exception {
        assertEquals(Set.of("Counter", "Discard", "Idle", "InfiniteSource", "Message", "Null", "Paint", "Print",
                "PullNull", "PushNull", "Queue", "RatedSource", "Unqueue", "StaticIPLookup", "LinearIPLookup",
                "RadixIPLookup", "DirectIPLookup", "EtherSwitch", "Hub", "Suppressor", "Tee", "PullTee",
                "Strip", "Unstrip", "StoreData", "Truncate", "Pad", "CheckLength", "EtherEncap", "IPEncap", "UDPIPEncap",
                "MarkIPHeader", "GetIPAddress", "SetIPAddress", "StoreIPAddress",
                "PaintSwitch", "PaintTee", "CheckPaint", "Switch", "StaticSwitch", "RoundRobinSwitch", "HashSwitch",
                "RandomSwitch", "PullSwitch", "RoundRobinSched", "PrioSched", "StrideSched", "RandomSample",
                "RatedSplitter", "Meter",
                "CheckIPHeader", "CheckIPHeader2", "DecIPTTL", "FixIPSrc", "DropBroadcasts", "IPGWOptions", "IPFragmenter", "ICMPError", "ARPQuerier", "ARPResponder", "IPInputCombo", "IPOutputCombo",
                "SimpleQueue", "FrontDropQueue", "MixedQueue", "ThreadSafeQueue", "RatedUnqueue", "BandwidthRatedUnqueue", "DelayUnqueue", "LinkUnqueue", "Shaper", "BandwidthShaper", "DelayShaper", "RED", "TimedSource",
                "Classifier", "IPClassifier", "IPFilter",
                "FromIPSummaryDump", "ToIPSummaryDump", "IPPrint", "FromDump", "ToDump",
                "Script", "DriverManager", "AddressInfo", "PortInfo", "ScheduleInfo", "StaticThreadSched"), elementClasses().stream().map(c -> c.getAnnotation(ElementClass.class).value())
                .collect(Collectors.toSet()));
    }

    @Test
    void everyElementClassIsNamedAndDocumented() throws Exception {
        for (Class<? extends Element> type : elementClasses()) {
            ElementClass name = type.getAnnotation(ElementClass.class);
            assertNotNull(name, type + " has no @ElementClass");
            ElementDoc doc = type.getAnnotation(ElementDoc.class);
            assertNotNull(doc, type + " has no @ElementDoc");
            assertFalse(doc.summary().isBlank(), type + ": summary");
            assertFalse(doc.category().isBlank(), type + ": category");
            assertFalse(doc.description().isBlank(), type + ": description");
            assertFalse(doc.example().isBlank(), type + ": example");
            assertTrue(doc.synopsis().startsWith(name.value()), type + ": synopsis names the class");
            String text = ElementDocs.format(type);
            assertTrue(text.startsWith(name.value() + " -- "), text);
        }
    }

    @Test
    void documentedHandlersAreExactlyTheRegisteredOnes() throws Exception {
        for (Class<? extends Element> type : elementClasses()) {
            try (TestRouter router = new TestRouter()) {
                Element element = richestSetup(router, type);
                TestRouter.Handlers registered = router.handlers(element);
                Set<String> names = new TreeSet<>(registered.readNames());
                names.addAll(registered.writeNames());
                ElementDoc doc = type.getAnnotation(ElementDoc.class);
                Set<String> documented = Arrays.stream(doc.handlers()).map(ElementDoc.Handler::name)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(documented, names, type.getSimpleName() + " handlers");
                for (ElementDoc.Handler handler : doc.handlers()) {
                    boolean read = registered.readNames().contains(handler.name());
                    boolean write = registered.writeNames().contains(handler.name());
                    boolean parameter = registered.parameterizedNames().contains(handler.name());
                    String mode = parameter ? (write ? "read with parameters/write" : "read with parameters")
                            : read && write ? "read/write" : read ? "read-only" : "write-only";
                    assertEquals(mode, handler.mode(), type.getSimpleName() + "." + handler.name());
                }
            }
        }
    }

    /** Configurations of the elements that need arguments. */
    private static final Map<Class<? extends Element>, String> CONFIGS = Map.ofEntries(
            Map.entry(Strip.class, "14"),
            Map.entry(Unstrip.class, "14"),
            Map.entry(StoreData.class, "0, x"),
            Map.entry(Truncate.class, "60"),
            Map.entry(CheckLength.class, "60"),
            Map.entry(EtherEncap.class, "0x0800, 1:1:1:1:1:1, 2:2:2:2:2:2"),
            Map.entry(IPEncap.class, "4, 1.0.0.1, 2.0.0.2"),
            Map.entry(UDPIPEncap.class, "1.0.0.1, 1, 2.0.0.2, 2"),
            Map.entry(GetIPAddress.class, "16"),
            Map.entry(SetIPAddress.class, "1.0.0.1"),
            Map.entry(StoreIPAddress.class, "4"),
            Map.entry(Paint.class, "1"),
            Map.entry(Message.class, "hello, WARNING"),
            Map.entry(PaintTee.class, "1"),
            Map.entry(CheckPaint.class, "1"),
            Map.entry(StaticSwitch.class, "1"),
            Map.entry(Switch.class, "-1"),
            Map.entry(StrideSched.class, "1"),
            Map.entry(HashSwitch.class, "0, 1"),
            Map.entry(RandomSample.class, "0.5"),
            Map.entry(RatedSplitter.class, "1000"),
            Map.entry(Meter.class, "1000Bps"),
            Map.entry(CheckIPHeader.class, "DETAILS true"),
            Map.entry(CheckIPHeader2.class, "DETAILS true"),
            Map.entry(FixIPSrc.class, "1.2.3.4"),
            Map.entry(IPGWOptions.class, "1.2.3.4"),
            Map.entry(IPFragmenter.class, "300"),
            Map.entry(ICMPError.class, "1.2.3.4, timeexceeded"),
            Map.entry(ARPResponder.class, "1.2.3.4 0:1:2:3:4:5"),
            Map.entry(ARPQuerier.class, "1.2.3.4, 0:1:2:3:4:5"),
            Map.entry(IPInputCombo.class, "1"),
            Map.entry(IPOutputCombo.class, "1, 1.2.3.4, 1500"),
            Map.entry(RatedUnqueue.class, "10"),
            Map.entry(Shaper.class, "10"),
            Map.entry(BandwidthRatedUnqueue.class, "1Mbps"),
            Map.entry(BandwidthShaper.class, "1Mbps"),
            Map.entry(DelayUnqueue.class, "1ms"),
            Map.entry(DelayShaper.class, "1ms"),
            Map.entry(LinkUnqueue.class, "1ms, 1Mbps"),
            Map.entry(RED.class, "5, 50, 0.02"),
            Map.entry(FromIPSummaryDump.class, "DATA \"!data ts\""),
            Map.entry(ToIPSummaryDump.class, "-"),
            Map.entry(ToDump.class, "-"),
            Map.entry(FromDump.class, "in.pcap"));

    /** The element set up where it registers all its handlers: Discard in pull context, the others alone. */
    private static Element richestSetup(TestRouter router, Class<? extends Element> type) throws Exception {
        Element element = type.getDeclaredConstructor().newInstance();
        if (element instanceof Discard) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            router.add(element, "d", 1, 0, "");
            TestRouter.connect(queue, 0, element, 0);
            return element;
        }
        if (element instanceof IPClassifier) {
            return router.add(element, "e", 1, 1, "-");
        }
        if (element instanceof Suppressor) {
            return router.add(element, "e", 1, 1, ""); // one port pair, so that active0 exists
        }
        String config = CONFIGS.getOrDefault(type, "");
        return router.add(element, "e", minimum(element.portCount(), true), minimum(element.portCount(), false),
                config);
    }

    private static int minimum(String portCount, boolean inputs) {
        String side = portCount.split("/", -1)[inputs ? 0 : 1];
        if (side.equals("=")) {
            return minimum(portCount, true);
        }
        String low = side.split("-", -1)[0];
        return low.isEmpty() ? 0 : Integer.parseInt(low);
    }

    @Test
    void everyElementClassIsAPrototypeComponentWithItsClassProperty() throws Exception {
        for (Class<? extends Element> type : elementClasses()) {
            String resource = "OSGI-INF/" + type.getName() + ".xml";
            String xml;
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                assertNotNull(in, resource + " missing: bnd-maven-plugin generates it in process-classes");
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String className = type.getAnnotation(ElementClass.class).value();
            assertTrue(xml.contains("<property name=\"" + ElementClass.PROPERTY + "\" type=\"String\" value=\""
                    + className + "\"/>"), xml);
            assertTrue(xml.contains("<service scope=\"prototype\">"), xml);
            assertTrue(xml.contains("<provide interface=\"" + Element.class.getName() + "\"/>"), xml);
            assertTrue(xml.contains("<implementation class=\"" + type.getName() + "\"/>"), xml);
        }
    }

    /** The concrete Element subclasses compiled into this package (main classes, not tests). */
    private static List<Class<? extends Element>> elementClasses() throws IOException, URISyntaxException {
        URL mainClass = Counter.class.getResource("Counter.class");
        Path directory = Path.of(mainClass.toURI()).getParent();
        List<Class<? extends Element>> types;
        try (Stream<Path> files = Files.list(directory)) {
            types = files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".class") && !file.contains("$"))
                    .map(file -> load(PACKAGE + "." + file.substring(0, file.length() - ".class".length())))
                    .filter(type -> Element.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers()))
                    .<Class<? extends Element>>map(type -> type.asSubclass(Element.class))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .toList();
        }
        return types;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
