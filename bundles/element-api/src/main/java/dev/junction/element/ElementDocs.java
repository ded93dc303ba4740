package dev.junction.element;

/** Renders an {@link ElementDoc} as text in the layout of Click's element manual pages. */
public final class ElementDocs {
    private ElementDocs() {
    }

    /**
     * The documentation of {@code elementClass} as text, or a one-line note saying that the class carries
     * none. Port counts and processing come from the class itself, so they are never out of date.
     */
    public static String format(Class<? extends Element> elementClass) {
        StringBuilder text = new StringBuilder();
        ElementClass name = elementClass.getAnnotation(ElementClass.class);
        String className = name != null ? name.value() : elementClass.getSimpleName();
        ElementDoc doc = elementClass.getAnnotation(ElementDoc.class);
        if (doc == null) {
            return className + ": no documentation (" + elementClass.getName() + ")\n";
        }
        text.append(className).append(" -- ").append(doc.summary()).append('\n');
        section(text, "SYNOPSIS", doc.synopsis());
        if (!doc.category().isEmpty()) {
            section(text, "CATEGORY", doc.category());
        }
        section(text, "PORTS", portsLine(elementClass));
        if (!doc.description().isEmpty()) {
            section(text, "DESCRIPTION", doc.description().strip());
        }
        if (doc.arguments().length > 0) {
            text.append("\nKEYWORD ARGUMENTS\n");
            for (ElementDoc.Argument argument : doc.arguments()) {
                text.append("  ").append(argument.name()).append('\n');
                indent(text, argument.description().strip(), "      ");
            }
        }
        if (doc.handlers().length > 0) {
            text.append("\nELEMENT HANDLERS\n");
            for (ElementDoc.Handler handler : doc.handlers()) {
                text.append("  ").append(handler.name()).append(" (").append(handler.mode()).append(")\n");
                indent(text, handler.description().strip(), "      ");
            }
        }
        if (!doc.example().isEmpty()) {
            section(text, "EXAMPLES", doc.example().strip());
        }
        if (doc.seeAlso().length > 0) {
            section(text, "SEE ALSO", String.join(", ", doc.seeAlso()));
        }
        return text.toString();
    }

    private static String portsLine(Class<? extends Element> elementClass) {
        try {
            Element prototype = elementClass.getDeclaredConstructor().newInstance();
            return "port count " + prototype.portCount() + ", processing " + prototype.processing()
                    + ", flow " + prototype.flowCode();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "(not available: " + e + ")";
        }
    }

    private static void section(StringBuilder text, String title, String body) {
        text.append('\n').append(title).append('\n');
        indent(text, body, "    ");
    }

    private static void indent(StringBuilder text, String body, String prefix) {
        for (String line : body.split("\n", -1)) {
            text.append(line.isBlank() ? "" : prefix + line).append('\n');
        }
    }
}
