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
}
