package dev.junction.tools;

import dev.junction.element.Args;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import dev.junction.engine.lang.ClickLanguage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * click-xform's transformation: replaces fragments of a flat router that match a pattern with the pattern's
 * replacement, until no pattern matches. Matching follows Click's formal definition (click-xform(1)): a
 * one-to-one, class-respecting map from the pattern's elements to the fragment's; configuration arguments
 * equal, or bound consistently to the pattern's {@code $variables} (a variable stands for one whole argument);
 * every pattern connection present in the router; and every router connection that touches the fragment either
 * inside it and in the pattern, or entering (leaving) it exactly as one of the pattern's input (output) ports.
 * A pattern does not match a fragment made entirely by its own replacement, so a pattern that reproduces
 * itself stops after one round.
 */
final class Xform {
    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_0-9]+");
    /** Far more rounds than any real pattern set needs; patterns that feed each other forever stop here. */
    static final int MAX_REPLACEMENTS = 10_000;

    /** A pattern and its replacement, both as {@link ClickLanguage#compoundClasses} flattens them. */
    record Rule(String name, FlatRouter pattern, FlatRouter replacement) {
    }

    /** A router element being transformed; {@code origin} names the rule whose replacement made it. */
    private static final class Node {
        final String name;
        final String className;
        final String configuration;
        final Landmark landmark;
        final String origin;

        Node(String name, String className, String configuration, Landmark landmark, String origin) {
            this.name = name;
            this.className = className;
            this.configuration = configuration;
            this.landmark = landmark;
            this.origin = origin;
        }
    }

    private record Edge(Node from, int fromPort, Node to, int toPort) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Set<Edge> edges = new LinkedHashSet<>();
    private final Set<String> names = new HashSet<>();
    private final List<String> requirements;
    private int replacements;

    Xform(FlatRouter router) {
        for (FlatElement e : router.elements()) {
            nodes.add(new Node(e.name(), e.className(), e.configuration(), e.landmark(), null));
            names.add(e.name());
        }
        for (FlatConnection c : router.connections()) {
            edges.add(new Edge(nodes.get(c.from()), c.fromPort(), nodes.get(c.to()), c.toPort()));
        }
        requirements = router.requirements();
    }

    /**
     * Pairs the compound classes of pattern files: {@code X} with {@code X_Replacement} (swapped when
     * {@code reverse}). A pattern without replacement is an error, reported through {@code errors}.
     */
    static List<Rule> rules(Map<String, FlatRouter> classes, boolean reverse, List<String> errors) {
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<String, FlatRouter> entry : classes.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith("_Replacement")) {
                if (!classes.containsKey(name.substring(0, name.length() - "_Replacement".length()))) {
                    errors.add("replacement '" + name + "' has no pattern");
                }
                continue;
            }
            FlatRouter replacement = classes.get(name + "_Replacement");
            if (replacement == null) {
                errors.add("pattern '" + name + "' has no replacement '" + name + "_Replacement'");
                continue;
            }
            rules.add(reverse ? new Rule(name, replacement, entry.getValue())
                    : new Rule(name, entry.getValue(), replacement));
        }
        return rules;
    }

    /**
     * Applies the rules until none matches, trying them in order each round.
     *
     * @return false if {@link #MAX_REPLACEMENTS} replacements were made and rules still matched
     */
    boolean transform(List<Rule> rules) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule rule : rules) {
                Map<Integer, Node> match = findMatch(rule);
                if (match != null) {
                    if (replacements++ == MAX_REPLACEMENTS) {
                        return false;
                    }
                    replace(rule, match);
                    changed = true;
                }
            }
        }
        return true;
    }

    /** The transformed router. */
    FlatRouter result() {
        Map<Node, Integer> index = new HashMap<>();
        List<FlatElement> elements = new ArrayList<>();
        for (Node n : nodes) {
            index.put(n, elements.size());
            elements.add(new FlatElement(n.name, n.className, n.configuration, n.landmark));
        }
        List<FlatConnection> connections = new ArrayList<>();
        for (Edge e : edges) {
            connections.add(new FlatConnection(index.get(e.from), e.fromPort, index.get(e.to), e.toPort, e.from.landmark));
        }
        return new FlatRouter(elements, connections, requirements);
    }

    // ---------------------------------------------------------------- matching

    private static boolean isPort(FlatElement e) {
        return e.name().equals(ClickLanguage.PATTERN_INPUT) || e.name().equals(ClickLanguage.PATTERN_OUTPUT);
    }

    /** A match of {@code rule}'s pattern: pattern element index to router node, or null. */
    private Map<Integer, Node> findMatch(Rule rule) {
        FlatRouter pattern = rule.pattern();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pattern.elements().size(); i++) {
            if (!isPort(pattern.elements().get(i))) {
                order.add(i);
            }
        }
        if (order.isEmpty()) {
            return null;
        }
        Map<Integer, Node> map = new HashMap<>();
        return extend(rule, order, 0, map, new HashMap<>()) ? map : null;
    }

    private boolean extend(Rule rule, List<Integer> order, int depth, Map<Integer, Node> map,
                           Map<String, String> bindings) {
        FlatRouter pattern = rule.pattern();
        if (depth == order.size()) {
            return fragmentIsClosed(rule, map);
        }
        int p = order.get(depth);
        FlatElement element = pattern.elements().get(p);
        for (Node candidate : nodes) {
            if (!candidate.className.equals(element.className()) || map.containsValue(candidate)) {
                continue;
            }
            Map<String, String> extended = new HashMap<>(bindings);
            if (!configurationMatches(element.configuration(), candidate.configuration, extended)) {
                continue;
            }
            map.put(p, candidate);
            if (internalConnectionsPresent(pattern, map) && extend(rule, order, depth + 1, map, extended)) {
                bindings.clear();
                bindings.putAll(extended);
                return true;
            }
            map.remove(p);
        }
        return false;
    }

    /** Every pattern connection between two mapped elements exists between their images. */
    private boolean internalConnectionsPresent(FlatRouter pattern, Map<Integer, Node> map) {
        for (FlatConnection c : pattern.connections()) {
            Node from = map.get(c.from());
            Node to = map.get(c.to());
            if (from != null && to != null && !edges.contains(new Edge(from, c.fromPort(), to, c.toPort()))) {
                return false;
            }
        }
        return true;
    }

    /** The conditions on connections that touch the fragment, and Click's rule against re-matching. */
    private boolean fragmentIsClosed(Rule rule, Map<Integer, Node> map) {
        boolean allFromRule = true;
        for (Node n : map.values()) {
            allFromRule &= rule.name().equals(n.origin);
        }
        if (allFromRule) {
            return false;
        }
        Map<Node, Integer> inverse = new HashMap<>();
        map.forEach((p, n) -> inverse.put(n, p));
        FlatRouter pattern = rule.pattern();
        for (Edge e : edges) {
            Integer from = inverse.get(e.from);
            Integer to = inverse.get(e.to);
            if (from == null && to == null) {
                continue;
            }
            boolean ok;
            if (from != null && to != null) {
                ok = hasConnection(pattern, from, e.fromPort, to, e.toPort);
            } else if (to != null) {
                ok = entersThroughInput(pattern, map, e, to);
            } else {
                ok = leavesThroughOutput(pattern, map, e, from);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasConnection(FlatRouter pattern, int from, int fromPort, int to, int toPort) {
        for (FlatConnection c : pattern.connections()) {
            if (c.from() == from && c.fromPort() == fromPort && c.to() == to && c.toPort() == toPort) {
                return true;
            }
        }
        return false;
    }

    /** Some input port i of the pattern leads to {@code e}'s target, and every use of i is mirrored from e's source. */
    private boolean entersThroughInput(FlatRouter pattern, Map<Integer, Node> map, Edge e, int to) {
        int input = pattern.indexOf(ClickLanguage.PATTERN_INPUT);
        for (FlatConnection c : pattern.connections()) {
            if (c.from() == input && c.to() == to && c.toPort() == e.toPort
                    && portUsesMirrored(pattern, map, input, c.fromPort(), e, true)) {
                return true;
            }
        }
        return false;
    }

    private boolean leavesThroughOutput(FlatRouter pattern, Map<Integer, Node> map, Edge e, int from) {
        int output = pattern.indexOf(ClickLanguage.PATTERN_OUTPUT);
        for (FlatConnection c : pattern.connections()) {
            if (c.to() == output && c.from() == from && c.fromPort() == e.fromPort
                    && portUsesMirrored(pattern, map, output, c.toPort(), e, false)) {
                return true;
            }
        }
        return false;
    }

    /** For every pattern connection of pseudo-element port {@code port}, the router has the same from/to e's outside end. */
    private boolean portUsesMirrored(FlatRouter pattern, Map<Integer, Node> map, int pseudo, int port, Edge e,
                                     boolean input) {
        for (FlatConnection c : pattern.connections()) {
            if (input && c.from() == pseudo && c.fromPort() == port) {
                if (!edges.contains(new Edge(e.from, e.fromPort, map.get(c.to()), c.toPort()))) {
                    return false;
                }
            } else if (!input && c.to() == pseudo && c.toPort() == port) {
                if (!edges.contains(new Edge(map.get(c.from()), c.fromPort(), e.to, e.toPort))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code actual} matches {@code pattern} argument by argument, extending {@code bindings}. */
    static boolean configurationMatches(String pattern, String actual, Map<String, String> bindings) {
        List<String> expected = Args.split(pattern);
        List<String> got = Args.split(actual);
        if (expected.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i).trim();
            String have = got.get(i).trim();
            if (VARIABLE.matcher(want).matches()) {
                String bound = bindings.putIfAbsent(want, have);
                if (bound != null && !bound.equals(have)) {
                    return false;
                }
            } else if (!want.replaceAll("\\s+", " ").equals(have.replaceAll("\\s+", " "))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- replacing

    private void replace(Rule rule, Map<Integer, Node> match) {
        FlatRouter pattern = rule.pattern();
        Map<String, String> bindings = new HashMap<>();
        map(match, pattern, bindings);
        Set<Node> fragment = new HashSet<>(match.values());
        int input = pattern.indexOf(ClickLanguage.PATTERN_INPUT);
        int output = pattern.indexOf(ClickLanguage.PATTERN_OUTPUT);
        // What the outside connects to each pattern port, found through the port's first use in the pattern.
        Map<Integer, List<Edge>> sources = new HashMap<>();
        Map<Integer, List<Edge>> sinks = new HashMap<>();
        for (FlatConnection c : pattern.connections()) {
            if (c.from() == input && !sources.containsKey(c.fromPort())) {
                sources.put(c.fromPort(), outsideEdges(fragment, match.get(c.to()), c.toPort(), true));
            }
            if (c.to() == output && !sinks.containsKey(c.toPort())) {
                sinks.put(c.toPort(), outsideEdges(fragment, match.get(c.from()), c.fromPort(), false));
            }
        }
        edges.removeIf(e -> fragment.contains(e.from) || fragment.contains(e.to));
        nodes.removeAll(fragment);
        fragment.forEach(n -> names.remove(n.name));

        FlatRouter replacement = rule.replacement();
        Map<Integer, Node> made = new HashMap<>();
        String prefix = uniquePrefix(rule.name());
        for (int i = 0; i < replacement.elements().size(); i++) {
            FlatElement e = replacement.elements().get(i);
            if (!isPort(e)) {
                Node n = new Node(prefix + e.name(), e.className(), substitute(e.configuration(), bindings),
                        e.landmark(), rule.name());
                nodes.add(n);
                names.add(n.name);
                made.put(i, n);
            }
        }
        int replacementInput = replacement.indexOf(ClickLanguage.PATTERN_INPUT);
        int replacementOutput = replacement.indexOf(ClickLanguage.PATTERN_OUTPUT);
        for (FlatConnection c : replacement.connections()) {
            boolean fromInput = c.from() == replacementInput;
            boolean toOutput = c.to() == replacementOutput;
            if (fromInput && toOutput) {
                for (Edge in : sources.getOrDefault(c.fromPort(), List.of())) {
                    for (Edge out : sinks.getOrDefault(c.toPort(), List.of())) {
                        edges.add(new Edge(in.from, in.fromPort, out.to, out.toPort));
                    }
                }
            } else if (fromInput) {
                for (Edge in : sources.getOrDefault(c.fromPort(), List.of())) {
                    edges.add(new Edge(in.from, in.fromPort, made.get(c.to()), c.toPort()));
                }
            } else if (toOutput) {
                for (Edge out : sinks.getOrDefault(c.toPort(), List.of())) {
                    edges.add(new Edge(made.get(c.from()), c.fromPort(), out.to, out.toPort));
                }
            } else {
                edges.add(new Edge(made.get(c.from()), c.fromPort(), made.get(c.to()), c.toPort()));
            }
        }
    }

    /** The variable bindings of a match (matching succeeded, so this cannot fail). */
    private static void map(Map<Integer, Node> match, FlatRouter pattern, Map<String, String> bindings) {
        match.forEach((p, n) -> configurationMatches(pattern.elements().get(p).configuration(), n.configuration,
                bindings));
    }

    /** Connections between {@code node}'s port and elements outside {@code fragment}. */
    private List<Edge> outsideEdges(Set<Node> fragment, Node node, int port, boolean intoNode) {
        List<Edge> found = new ArrayList<>();
        for (Edge e : edges) {
            if (intoNode && e.to == node && e.toPort == port && !fragment.contains(e.from)) {
                found.add(e);
            } else if (!intoNode && e.from == node && e.fromPort == port && !fragment.contains(e.to)) {
                found.add(e);
            }
        }
        return found;
    }

    /** {@code RULE@N/}, with N the first number that names no element yet. */
    private String uniquePrefix(String rule) {
        for (int n = 1; ; n++) {
            String prefix = rule + "@" + n + "/";
            boolean used = false;
            for (String name : names) {
                used |= name.startsWith(prefix);
            }
            if (!used) {
                return prefix;
            }
        }
    }

    /** The configuration with each bound {@code $variable} replaced by its text. */
    private static String substitute(String configuration, Map<String, String> bindings) {
        Matcher m = VARIABLE.matcher(configuration);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(bindings.getOrDefault(m.group(), m.group())));
        }
        return m.appendTail(out).toString();
    }
}
