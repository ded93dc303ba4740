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
                "PullNull", "PushNull", "Queue", "RatedSource", "Unqueue", "Script", "DriverManager", "AddressInfo",
                "PortInfo", "ScheduleInfo", "StaticThreadSched"), elementClasses().stream().map(c -> c.getAnnotation(ElementClass.class).value())
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
                    String mode = read && write ? "read/write" : read ? "read-only" : "write-only";
                    assertEquals(mode, handler.mode(), type.getSimpleName() + "." + handler.name());
                }
            }
        }
    }

    /** The element set up where it registers all its handlers: Discard in pull context, the others alone. */
    private static Element richestSetup(TestRouter router, Class<? extends Element> type) throws Exception {
        Element element = type.getDeclaredConstructor().newInstance();
        if (element instanceof Discard) {
            Queue queue = router.add(new Queue(), "q", 1, 1, "");
            router.add(element, "d", 1, 0, "");
            TestRouter.connect(queue, 0, element, 0);
            return element;
        }
        String config = element instanceof Paint ? "1" : element instanceof Message ? "hello, WARNING" : "";
        return router.add(element, "e", minimum(element.portCount(), true), minimum(element.portCount(), false),
                config);
    }

    private static int minimum(String portCount, boolean inputs) {
        String side = portCount.split("/", -1)[inputs ? 0 : 1];
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
