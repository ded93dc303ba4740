/**
 * Click's core elements. Each class is a prototype-scope Declarative Services component providing
 * {@link dev.junction.element.Element}, found by the engine through its {@code junction.element.class}
 * service property; the package is private to the bundle.
 */
package dev.junction.standard;
