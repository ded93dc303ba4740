package dev.junction.router;

/**
 * An element class the engine knows: its Click name, the bundle that provides it, its port-count and
 * processing codes, and its documentation rendered as text.
 */
public record ElementClassSummary(String name, String bundle, String portCount, String processing,
        String documentation) {
}
