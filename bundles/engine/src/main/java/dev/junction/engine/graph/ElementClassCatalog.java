package dev.junction.engine.graph;

/** The primitive element classes a router can use: the element registry, or a fixed table in tests. */
@FunctionalInterface
public interface ElementClassCatalog {
    /** The class called {@code name}, or {@code null} if no installed bundle provides it. */
    ElementClassInfo find(String name);
}
