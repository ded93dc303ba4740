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
