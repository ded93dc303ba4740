package dev.junction.engine.lang;

/**
 * An element class as the language sees it while parsing and flattening: a primitive (any class not
 * defined in the configuration), a compound defined with {@code { ... }}, a synonym
 * ({@code elementclass A B;}) or the internal tunnel class that stands for compound and group ports.
 */
abstract sealed class ElementClass permits ElementClass.Primitive, ElementClass.Synonym, ElementClass.Tunnel, CompoundClass {
    private final String name;

    ElementClass(String name) {
        this.name = name;
    }

    /** The class name; empty for anonymous compounds. */
    final String name() {
        return name;
    }

    /** A class the configuration does not define: left for the element registry. */
    static final class Primitive extends ElementClass {
        Primitive(String name) {
            super(name);
        }
    }

    /** {@code elementclass NAME OTHER;}: another name for {@code target}. */
    static final class Synonym extends ElementClass {
        private final ElementClass target;

        Synonym(String name, ElementClass target) {
            super(name);
            this.target = target;
        }

        ElementClass target() {
            return target;
        }
    }

    /** The class of connection tunnels: compound instances and groups before they are flattened away. */
    static final class Tunnel extends ElementClass {
        static final Tunnel INSTANCE = new Tunnel();

        private Tunnel() {
            super("<tunnel>");
        }
    }
}
