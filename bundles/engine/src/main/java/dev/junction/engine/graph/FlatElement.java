package dev.junction.engine.graph;

/**
 * One element of a flattened configuration: its full name ({@code compound/inner} for elements from
 * compounds, {@code Class@N} for anonymous ones), its primitive class, its configuration string exactly as
 * written (arguments are the element's business), and where it was declared.
 */
public record FlatElement(String name, String className, String configuration, Landmark landmark) {
}
