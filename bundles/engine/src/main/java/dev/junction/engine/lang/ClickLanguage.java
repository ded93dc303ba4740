package dev.junction.engine.lang;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Click configuration language: parses a configuration and flattens it into a {@link FlatRouter}, and
 * prints flat routers as {@code click-flatten} does.
 *
 * <p>Parsing follows Click's own tools (click-flatten): the same statements, the same element names
 * ({@code Class@N}, {@code compound/inner}), the same error messages ({@code file:line: message}), and it
 * goes on after errors so that all of them are reported, in order. Classes not defined in the
 * configuration are taken as primitive; whether they exist is the checks' business, not the language's.
 */
public final class ClickLanguage {
    /** The file name Click gives a configuration passed on the command line with {@code -e}. */
    public static final String EXPRESSION_FILE_NAME = "config";

    private ClickLanguage() {
    }

    /**
     * Parses and flattens a configuration for running it: {@code define}d variables are substituted into
     * every configuration string.
     *
     * @param text                  the configuration
     * @param fileName              its name in error messages and landmarks ({@link #EXPRESSION_FILE_NAME} for -e)
     * @param directoryForIncludes  where {@code require(library FILE)} looks when {@code fileName} has no
     *                              directory part (relative names in {@code fileName} are taken relative to the
     *                              working directory, as Click does)
     * @param defines               {@code NAME=value} overrides of the configuration's {@code define}s
     * @param diagnostics           receives every error and warning
     * @return the flat router; when {@code diagnostics} has errors it is whatever could be made of the text
     */
    public static FlatRouter flatten(String text, String fileName, Path directoryForIncludes,
                                     Map<String, String> defines, Diagnostics diagnostics) {
        return flatten(text, fileName, directoryForIncludes, defines, diagnostics, true).router();
    }

    /**
     * Parses and flattens a configuration and prints it as {@code click-flatten} does: variables stay as
     * written and the router's {@code define}s are printed. Arguments are those of {@link #flatten}.
     *
     * @return the printed configuration, meaningful only if {@code diagnostics} has no errors
     */
    public static String flattenToText(String text, String fileName, Path directoryForIncludes,
                                       Map<String, String> defines, Diagnostics diagnostics) {
        Flattened f = flatten(text, fileName, directoryForIncludes, defines, diagnostics, false);
        return FlatPrinter.print(f.router(), f.defines());
    }

    /** Prints {@code router} as {@code click-flatten} prints a flat configuration (with no defines). */
    public static String print(FlatRouter router) {
        return FlatPrinter.print(router, List.of());
    }

    /** The element names that stand for a pattern's ports in {@link #compoundClasses}. */
    public static final String PATTERN_INPUT = "input";
    public static final String PATTERN_OUTPUT = "output";

    /**
     * The compound classes a configuration declares at its top level, in declaration order, each flattened on
     * its own with its variables as written: what click-xform reads from a pattern file. A compound's input and
     * output ports appear as two extra elements named {@value #PATTERN_INPUT} and {@value #PATTERN_OUTPUT}
     * (of classes of the same names), connected as the compound connects its ports; the other elements keep
     * their names inside the compound. Compounds with formal parameters are instantiated without arguments, so
     * their formals stay as written too.
     */
    public static Map<String, FlatRouter> compoundClasses(String text, String fileName, Diagnostics diagnostics) {
        CompoundClass file = new Parser(diagnostics, null).parse(text, fileName);
        List<CompoundClass> declared = new ArrayList<>();
        for (ElementClass type : file.declaredTypes()) {
            if (type instanceof CompoundClass compound) {
                declared.add(compound);
            }
        }
        declared.sort((a, b) -> Integer.compare(a.landmark().line(), b.landmark().line()));
        Map<String, FlatRouter> classes = new java.util.LinkedHashMap<>();
        for (CompoundClass compound : declared) {
            classes.put(compound.name(), instantiateAlone(text, fileName, compound, diagnostics));
        }
        return classes;
    }

    /** {@code compound} flattened between two stand-in elements that take the place of its ports. */
    private static FlatRouter instantiateAlone(String text, String fileName, CompoundClass compound,
                                               Diagnostics diagnostics) {
        String in = "__pattern_input";
        String out = "__pattern_output";
        String self = "__pattern";
        StringBuilder harness = new StringBuilder(text).append('\n')
                .append(in).append(" :: ").append(PATTERN_INPUT).append("; ")
                .append(out).append(" :: ").append(PATTERN_OUTPUT).append("; ")
                .append(self).append(" :: ").append(compound.name()).append(";\n");
        for (int i = 0; i < compound.inputs(); i++) {
            harness.append(in).append(" [").append(i).append("] -> [").append(i).append("] ").append(self).append(";\n");
        }
        for (int i = 0; i < compound.outputs(); i++) {
            harness.append(self).append(" [").append(i).append("] -> [").append(i).append("] ").append(out).append(";\n");
        }
        FlatRouter flat = flatten(harness.toString(), fileName, null, Map.of(), diagnostics, false).router();
        List<FlatElement> elements = new ArrayList<>();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < flat.elements().size(); i++) {
            FlatElement e = flat.elements().get(i);
            String name = e.name().equals(in) ? PATTERN_INPUT : e.name().equals(out) ? PATTERN_OUTPUT
                    : e.name().startsWith(self + "/") ? e.name().substring(self.length() + 1) : null;
            if (name != null) {
                index.put(i, elements.size());
                elements.add(new FlatElement(name, e.className(), e.configuration(), e.landmark()));
            }
        }
        List<FlatConnection> connections = new ArrayList<>();
        for (FlatConnection c : flat.connections()) {
            Integer from = index.get(c.from());
            Integer to = index.get(c.to());
            if (from != null && to != null) {
                connections.add(new FlatConnection(from, c.fromPort(), to, c.toPort(), c.landmark()));
            }
        }
        return new FlatRouter(elements, connections, List.of());
    }

    private record Flattened(FlatRouter router, List<String[]> defines) {
    }

    private static Flattened flatten(String text, String fileName, Path directoryForIncludes,
                                     Map<String, String> defines, Diagnostics diagnostics, boolean expandVariables) {
        CompoundClass router = new Parser(diagnostics, directoryForIncludes).parse(text, fileName);
        VariableEnvironment scope = router.scope();
        defines.forEach((name, value) -> scope.define(name, value, true));
        router.body().assignNames();
        new Flattener(diagnostics).flatten(router, expandVariables);
        List<String[]> printedDefines = new ArrayList<>();
        if (!expandVariables) {
            for (int i = 0; i < scope.size(); i++) {
                printedDefines.add(new String[] {scope.name(i), scope.value(i)});
            }
        }
        return new Flattened(toFlatRouter(router.body()), printedDefines);
    }

    private static FlatRouter toFlatRouter(RouterGraph graph) {
        List<FlatElement> elements = new ArrayList<>();
        Map<RouterGraph.Node, Integer> index = new HashMap<>();
        for (RouterGraph.Node n : graph.nodes()) {
            if (!n.dead && !n.isTunnel()) {
                index.put(n, elements.size());
                elements.add(new FlatElement(n.name, n.type.name(), n.config, n.landmark));
            }
        }
        List<FlatConnection> connections = new ArrayList<>();
        for (RouterGraph.Edge e : graph.edges()) {
            Integer from = index.get(e.from);
            Integer to = index.get(e.to);
            if (!e.dead && from != null && to != null) {
                connections.add(new FlatConnection(from, e.fromPort, to, e.toPort, e.landmark));
            }
        }
        List<String> requirements = new ArrayList<>();
        for (String[] r : graph.requirements()) {
            requirements.add(r[1].isEmpty() ? r[0] : r[0] + " " + r[1]);
        }
        return new FlatRouter(elements, connections, requirements);
    }
}
