package dev.junction.engine.runtime;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementResolver;
import dev.junction.engine.check.CheckedRouter;
import dev.junction.engine.check.RouterChecks;
import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import dev.junction.engine.lang.ClickLanguage;
import dev.junction.packet.PacketPool;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Graph} from a configuration, in Click's order: parse and flatten, check, create the elements,
 * attach them, configure every one (collecting every error), connect the ports, initialize them in order
 * (stopping at the first failure), and build their handlers. The graph comes back NEW: its tasks and timers
 * wait for {@link Graph#activate()}. On any error every element made so far is cleaned up and released, and a
 * {@link RouterException} carries every message, worded as Click words them.
 */
final class GraphBuilder {
    /** Click's last line after a router fails its checks, configuration or initialization. */
    static final String NOT_INITIALIZED = "Router could not be initialized!";

    private final ElementFactory factory;
    private final Scheduler scheduler;
    private final PacketPool pool;
    private final Map<String, Integer> homeThreads;

    GraphBuilder(ElementFactory factory, Scheduler scheduler, PacketPool pool, Map<String, Integer> homeThreads) {
        this.factory = factory;
        this.scheduler = scheduler;
        this.pool = pool;
        this.homeThreads = homeThreads;
    }

    /** Builds the graph of {@code source}; {@code handlersFor} adds the handlers once elements are configured. */
    Graph build(RouterSource source, Router router, List<String> warnings) throws RouterException {
        Diagnostics diagnostics = new Diagnostics();
        FlatRouter flat = ClickLanguage.flatten(source.text(), source.fileName(), source.includeDirectory(),
                source.definitions(), diagnostics);
        if (diagnostics.hasErrors()) {
            throw new RouterException(diagnostics.messages());
        }
        CheckedRouter checked = RouterChecks.check(flat, factory.catalog(), diagnostics);
        if (diagnostics.hasErrors()) {
            throw failure(diagnostics, flat);
        }
        Graph graph = new Graph(source, checked);
        try {
            create(graph, router, diagnostics);
            if (!diagnostics.hasErrors()) {
                configure(graph, diagnostics);
            }
            if (!diagnostics.hasErrors()) {
                connect(graph);
                addHandlers(graph, router);
                initialize(graph, diagnostics);
            }
        } catch (RuntimeException | LinkageError e) {
            diagnostics.error(Landmark.NONE, "internal error while building the router: " + e);
        }
        if (diagnostics.hasErrors()) {
            graph.cleanupAndRelease(factory);
            throw failure(diagnostics, flat);
        }
        warnings.addAll(diagnostics.messages());
        return graph;
    }

    private RouterException failure(Diagnostics diagnostics, FlatRouter flat) {
        List<String> messages = new ArrayList<>(diagnostics.messages());
        // Click's lexer reports unknown classes, so only a failure past them gets the last line.
        boolean classesKnown = flat.elements().stream().allMatch(e -> factory.catalog().find(e.className()) != null);
        if (classesKnown) {
            messages.add(NOT_INITIALIZED);
        }
        return new RouterException(messages);
    }

    private void create(Graph graph, Router router, Diagnostics diagnostics) {
        List<FlatElement> declarations = graph.flat().elements();
        for (int i = 0; i < declarations.size(); i++) {
            FlatElement declaration = declarations.get(i);
            Element element;
            try {
                element = factory.create(declaration.className());
            } catch (RuntimeException | LinkageError e) {
                diagnostics.error(declaration.landmark(), "cannot create '" + declaration.name() + " :: "
                        + declaration.className() + "': " + e.getMessage());
                continue;
            }
            RouterElementContext context = new RouterElementContext(graph, i, declaration, scheduler, pool, router,
                    homeThreads.getOrDefault(declaration.name(), 0));
            graph.setElement(i, element, context);
            element.attach(context, graph.checked().inputCount(i), graph.checked().outputCount(i));
        }
    }

    /** Configures every element, as Click does, so that all errors are reported together. */
    private void configure(Graph graph, Diagnostics diagnostics) {
        for (int i : configureOrder(graph)) {
            RouterElementContext context = graph.context(i);
            Element element = graph.element(i);
            List<String> errors;
            try {
                element.configure(Args.parse(context.configuration(), new ElementResolver() {
                    @Override
                    public Element resolve(String name) {
                        return context.element(name);
                    }

                    @Override
                    public String lookupName(String type, String name) {
                        return context.lookupName(type, name);
                    }
                }));
                continue;
            } catch (ConfigurationException e) {
                errors = e.errors();
            } catch (RuntimeException | LinkageError e) {
                errors = List.of(String.valueOf(e));
            }
            report(diagnostics, "While configuring", graph.flat().elements().get(i), errors);
        }
    }

    /** Click's configure order: by {@link Element#configurePhase()}, then in configuration order. */
    private static Integer[] configureOrder(Graph graph) {
        Integer[] order = new Integer[graph.size()];
        int[] phases = new int[graph.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            try {
                phases[i] = graph.element(i).configurePhase();
            } catch (RuntimeException | LinkageError e) {
                phases[i] = Element.CONFIGURE_PHASE_DEFAULT;
            }
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> phases[i])); // stable
        return order;
    }

    private static void connect(Graph graph) {
        for (FlatConnection c : graph.checked().connections()) {
            Element from = graph.element(c.from());
            Element to = graph.element(c.to());
            from.output(c.fromPort()).connect(to, c.toPort());
            to.input(c.toPort()).connect(from, c.fromPort());
        }
    }

    private static void addHandlers(Graph graph, Router router) {
        HandlerTable[] tables = new HandlerTable[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            tables[i] = ElementHandlers.build(router, graph, i);
        }
        graph.setHandlers(tables);
    }

    /**
     * Initializes the elements in the configure order (so an element of a later phase, such as ToHost, finds
     * what one of an earlier phase set up); Click stops at the first that fails.
     */
    private static void initialize(Graph graph, Diagnostics diagnostics) {
        for (int i : configureOrder(graph)) {
            List<String> errors;
            try {
                graph.element(i).initialize();
                continue;
            } catch (ConfigurationException e) {
                errors = e.errors();
            } catch (RuntimeException | LinkageError e) {
                errors = List.of(String.valueOf(e));
            }
            report(diagnostics, "While initializing", graph.flat().elements().get(i), errors);
            return;
        }
    }

    /** Click's context lines: {@code file:line: While configuring 'x :: C':} then each error indented. */
    private static void report(Diagnostics diagnostics, String phase, FlatElement declaration, List<String> errors) {
        diagnostics.error(declaration.landmark(), phase + " '" + declaration.name() + " :: "
                + declaration.className() + "':");
        errors.forEach(diagnostics::detail);
    }
}
