package dev.junction.element;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds an element of the router by name, for arguments that name elements (Click's {@code ElementArg}). The
 * engine gives one to {@link Args}; it resolves names relative to the configuring element's compound, as
 * Click's {@code Router::find} does.
 */
@ProviderType
@FunctionalInterface
public interface ElementResolver {
    /** The element called {@code name}, or {@code null} if there is none. */
    Element resolve(String name);

    /**
     * Click's {@code NameInfo}: the value defined for {@code name} of type {@code type} (see {@link NameInfo})
     * by AddressInfo, PortInfo and the like, looked up from the configuring element's compound outward, as
     * text ({@code "10.0.0.1"}, {@code "80"}); {@code null} if none. The default knows no names.
     */
    default String lookupName(String type, String name) {
        return null;
    }
}
