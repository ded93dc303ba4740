package dev.junction.linuxio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.ReadHandler;
import dev.junction.element.WriteHandler;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundle's element classes are documented, registered as DS prototypes, and document their handlers. */
class ElementMetadataTest {
    private static final List<Class<? extends Element>> CLASSES = List.of(FromDevice.class, ToDevice.class,
            FromHost.class, ToHost.class, KernelTap.class, KernelTun.class);

    @Test
    void everyElementClassIsNamedAndDocumented() {
        for (Class<? extends Element> type : CLASSES) {
            ElementClass name = type.getAnnotation(ElementClass.class);
            assertNotNull(name, type + " has no @ElementClass");
            ElementDoc doc = type.getAnnotation(ElementDoc.class);
            assertNotNull(doc, type + " has no @ElementDoc");
            assertFalse(doc.summary().isBlank(), type + ": summary");
            assertFalse(doc.description().isBlank(), type + ": description");
            assertFalse(doc.example().isBlank(), type + ": example");
            assertTrue(doc.synopsis().startsWith(name.value() + "("), type + ": synopsis names the class");
        }
    }

    /** addHandlers of these elements needs no socket: the registered names are compared with the doc. */
    @Test
    void documentedHandlersAreExactlyTheRegisteredOnes() throws Exception {
        for (Class<? extends Element> type : CLASSES) {
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            type.getConstructor().newInstance().addHandlers(new HandlerRegistry() {
                @Override
                public void addRead(String handler, ReadHandler reader) {
                    reads.add(handler);
                }

                @Override
                public void addWrite(String handler, WriteHandler writer) {
                    writes.add(handler);
                }
            });
            ElementDoc doc = type.getAnnotation(ElementDoc.class);
            Set<String> names = new TreeSet<>(reads);
            names.addAll(writes);
            assertEquals(Arrays.stream(doc.handlers()).map(ElementDoc.Handler::name)
                    .collect(Collectors.toCollection(TreeSet::new)), names, type.getSimpleName());
            for (ElementDoc.Handler handler : doc.handlers()) {
                boolean read = reads.contains(handler.name());
                boolean write = writes.contains(handler.name());
                assertEquals(read && write ? "read/write" : read ? "read-only" : "write-only", handler.mode(),
                        type.getSimpleName() + "." + handler.name());
            }
        }
    }

    @Test
    void everyElementClassIsAPrototypeComponent() throws Exception {
        for (Class<? extends Element> type : CLASSES) {
            String resource = "OSGI-INF/" + type.getName() + ".xml";
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                assertNotNull(in, resource + " missing: bnd-maven-plugin generates it in process-classes");
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(xml.contains("value=\"" + type.getAnnotation(ElementClass.class).value() + "\""), xml);
                assertTrue(xml.contains("<service scope=\"prototype\">"), xml);
            }
        }
    }
}
