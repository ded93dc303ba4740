package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.engine.graph.ElementClassCatalog;
import java.util.List;

/**
 * Where a router gets its element instances: the OSGi element registry, or a {@link ClassMapFactory} in tests
 * and plain-JVM use.
 */
public interface ElementFactory {
    /** The classes this factory can create, as the checks need them (port counts, processing, flow codes). */
    ElementClassCatalog catalog();

    /**
     * A new, unattached instance of {@code className}.
     *
     * @throws RuntimeException with a message naming the class when it cannot be made
     */
    Element create(String className);

    /** Gives back an instance the router no longer uses (after its {@link Element#cleanup()}). */
    void release(Element element);

    /**
     * Whether {@code className} can still be created. Running instances of a class that is no longer available
     * are orphaned: they keep running until the class returns or the operator replaces them.
     */
    boolean isAvailable(String className);

    /** The names of every class available now, sorted, for the {@code classes} handler. */
    default List<String> classNames() {
        return List.of();
    }
}
