package dev.junction.tools;

import dev.junction.engine.runtime.ClassMapFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The element classes of Junction's element bundles, found without an OSGi framework: the bundles' Declarative
 * Services component descriptions ({@code OSGI-INF/*.xml}) that provide {@link dev.junction.element.Element}
 * name the Click class in property {@value #CLASS_PROPERTY} and the Java class in {@code implementation}. The
 * tools run on a plain class path that holds the bundle jars, so each class is made with its no-argument
 * constructor, as Declarative Services would make it.
 */
public final class BundleElementClasses {
    /** The component property that names an element's Click class. */
    static final String CLASS_PROPERTY = "junction.element.class";

    private static final String ELEMENT_SERVICE = dev.junction.element.Element.class.getName();
    private static final String DESCRIPTION_FOLDER = "OSGI-INF/";

    /** One component description that provides an element class. */
    record Description(String clickClass, String implementation) {
    }

    private BundleElementClasses() {
    }

    /**
     * A factory of every element class described in the jars and class folders on this class's class path:
     * every one that holds an {@code OSGI-INF} folder, found through the class loader (so a launcher that
     * hides the class path behind a manifest, as Maven's test runner does, changes nothing).
     *
     * @throws IllegalStateException if the class path cannot be read or a described class cannot be made
     */
    public static ClassMapFactory fromClassPath() {
        ClassLoader loader = BundleElementClasses.class.getClassLoader();
        List<Path> entries = new ArrayList<>();
        try {
            Enumeration<URL> folders = loader.getResources(DESCRIPTION_FOLDER);
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                if (folder.getProtocol().equals("file")) {
                    entries.add(Path.of(folder.toURI()).getParent());
                } else if (folder.openConnection() instanceof JarURLConnection jar) {
                    entries.add(Path.of(jar.getJarFileURL().toURI()));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the class path: " + e.getMessage(), e);
        }
        return factory(entries, loader);
    }

    /**
     * A factory of every element class described in {@code entries} (jars or class folders), loaded through
     * {@code loader}. The first description of a Click class wins, as the first class on a class path does.
     *
     * @throws IllegalStateException if a described class cannot be read, loaded or made
     */
    static ClassMapFactory factory(List<Path> entries, ClassLoader loader) {
        ClassMapFactory factory = new ClassMapFactory();
        for (Path entry : entries) {
            for (Description description : descriptions(entry)) {
                if (!factory.isAvailable(description.clickClass())) {
                    factory.add(description.clickClass(), constructor(description, loader));
                }
            }
        }
        return factory;
    }

    /** The element classes described in one class path entry: a jar, a class folder, or nothing usable. */
    static List<Description> descriptions(Path entry) {
        List<Description> found = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                Path folder = entry.resolve(DESCRIPTION_FOLDER);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                            try (InputStream in = Files.newInputStream(file)) {
                                addDescription(found, in, file.toString());
                            }
                        }
                    }
                }
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(entry.toFile())) {
                    Enumeration<? extends ZipEntry> zipEntries = jar.entries();
                    while (zipEntries.hasMoreElements()) {
                        ZipEntry zipEntry = zipEntries.nextElement();
                        if (isDescription(zipEntry.getName())) {
                            try (InputStream in = jar.getInputStream(zipEntry)) {
                                addDescription(found, in, entry + "!/" + zipEntry.getName());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read element classes from " + entry + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static boolean isDescription(String name) {
        return name.startsWith(DESCRIPTION_FOLDER) && name.endsWith(".xml")
                && name.indexOf('/', DESCRIPTION_FOLDER.length()) < 0;
    }

    /** Adds the element class {@code in} describes, if it describes one. */
    private static void addDescription(List<Description> found, InputStream in, String where) throws IOException {
        Document document;
        try {
            document = parser().parse(in);
        } catch (SAXException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        if (!providesElement(document)) {
            return;
        }
        String clickClass = null;
        NodeList properties = document.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(CLASS_PROPERTY)) {
                // A single value is an attribute; Declarative Services also allows it as the element's text.
                clickClass = property.hasAttribute("value") ? property.getAttribute("value")
                        : property.getTextContent().strip();
            }
        }
        NodeList implementations = document.getElementsByTagNameNS("*", "implementation");
        if (clickClass == null || clickClass.isEmpty() || implementations.getLength() == 0) {
            return;
        }
        found.add(new Description(clickClass, ((Element) implementations.item(0)).getAttribute("class")));
    }

    private static boolean providesElement(Document document) {
        NodeList provides = document.getElementsByTagNameNS("*", "provide");
        for (int i = 0; i < provides.getLength(); i++) {
            if (((Element) provides.item(i)).getAttribute("interface").equals(ELEMENT_SERVICE)) {
                return true;
            }
        }
        return false;
    }

    private static DocumentBuilder parser() throws IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            // Descriptions are plain XML: no DTDs or external entities to fetch.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }

    private static Supplier<dev.junction.element.Element> constructor(Description description, ClassLoader loader) {
        Constructor<? extends dev.junction.element.Element> constructor;
        try {
            constructor = Class.forName(description.implementation(), false, loader)
                    .asSubclass(dev.junction.element.Element.class).getConstructor();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("element class " + description.clickClass() + ": cannot load "
                    + description.implementation() + ": " + e, e);
        }
        return () -> {
            try {
                return constructor.newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("cannot make a " + description.clickClass() + ": " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + description.clickClass() + ": " + e, e);
            }
        };
    }
}
