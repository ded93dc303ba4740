package dev.junction.shell;

import dev.junction.element.HandlerException;
import dev.junction.router.ElementClassSummary;
import dev.junction.router.RouterControl;
import dev.junction.router.RouterException;
import dev.junction.router.RouterManager;
import dev.junction.router.RouterSource;
import dev.junction.router.SwapReport;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo commands of scope {@code junction}: deploy and swap configurations, read and write handlers,
 * edit a running graph, list what runs and which classes exist, draw the graph, watch packet rates.
 *
 * <p>Commands that work on a router take its name as an optional first word; without it they work on the
 * only router running (see {@link RouterArguments}). Every mistake is reported as plain lines on the error
 * stream, one per error, never as a stack trace. Gogo expands {@code *} and {@code ?} against file names, so
 * handler and class globs must be quoted: {@code read 'c*.count'}.
 */
@Component(service = JunctionCommands.class, property = {
    "osgi.command.scope=junction",
    "osgi.command.function=deploy", "osgi.command.function=undeploy", "osgi.command.function=routers",
    "osgi.command.function=read", "osgi.command.function=write", "osgi.command.function=handlers",
    "osgi.command.function=elements", "osgi.command.function=classes", "osgi.command.function=bundles",
    "osgi.command.function=doc", "osgi.command.function=flatten", "osgi.command.function=swap",
    "osgi.command.function=add", "osgi.command.function=remove", "osgi.command.function=connect",
    "osgi.command.function=disconnect", "osgi.command.function=reconfigure", "osgi.command.function=edit",
    "osgi.command.function=dot",
    "osgi.command.function=top"
})
public final class JunctionCommands {
    /** For commands whose last argument is a list of words (a value, a configuration string). */
    private static final int ANY = Integer.MAX_VALUE;

    private final RouterManager manager;

    /** Creates the commands on the engine's {@code manager} (DS constructor injection). */
    @Activate
    public JunctionCommands(@Reference RouterManager manager) {
        this.manager = manager;
    }

    /** A command's body: it prints its results and throws what the user should read. */
    private interface Action {
        void run() throws ShellException, RouterException, HandlerException;
    }

    /** Runs {@code action}, printing its errors one per line on the session's error stream. */
    private static void run(Action action) {
        try {
            action.run();
        } catch (ShellException e) {
            e.lines().forEach(System.err::println);
        } catch (RouterException e) {
            e.errors().forEach(System.err::println);
        } catch (HandlerException e) {
            System.err.println(e.getMessage());
        }
        System.out.flush();
    }

    // ---- routers

    /** Deploys a configuration file as a router. */
    @Descriptor("deploy a Click configuration file as a router; a running router of that name is hot-swapped")
    public void deploy(CommandSession session,
            @Descriptor("router name (default: the file's name without extension)")
            @Parameter(names = {"-n", "--name"}, absentValue = "") String name,
            @Descriptor("configuration file") String file,
            @Descriptor("NAME=value overrides of the configuration's define()s") String... definitions) {
        run(() -> {
            RouterSource source = source(session, file).withDefinitions(definitions(definitions));
            String routerName = name.isEmpty() ? RouterSource.defaultRouterName(Path.of(file)) : name;
            RouterControl existing = manager.router(routerName);
            boolean swapped = existing != null && existing.isRunning();
            RouterControl router = manager.deploy(routerName, source);
            System.out.println((swapped ? "hot-swapped" : "deployed") + " router '" + router.name() + "' ("
                    + router.elementNames().size() + " elements)");
        });
    }

    /** Stops and forgets a router. */
    @Descriptor("stop a router and forget it")
    public void undeploy(@Descriptor("router name") String name) {
        run(() -> {
            if (!manager.undeploy(name)) {
                throw new ShellException("no router named '" + name + "'");
            }
            System.out.println("undeployed router '" + name + "'");
        });
    }

    /** Lists the routers. */
    @Descriptor("list the routers: name, state, number of elements")
    public void routers() {
        run(() -> {
            List<RouterControl> routers = manager.routers();
            System.out.print(routers.isEmpty() ? "no router is running\n" : Listings.routers(routers));
        });
    }

    // ---- handlers

    /** Reads handlers, one or every one a glob matches; or one with a parameter. */
    @Descriptor("read handlers, printing 'name: value'; a quoted glob reads every match: read 'c*.count';"
            + " words after one handler are its parameter: read rt.lookup 18.26.4.7")
    public void read(@Descriptor("[ROUTER] HANDLER-GLOB [PARAMETER...]: element.handler or a global handler,"
            + " * and ? match any") String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 1, ANY,
                    "read [ROUTER] HANDLER-GLOB [PARAMETER...]");
            RouterControl router = target.router();
            String handler = target.words().getFirst();
            String parameter = joined(target.words(), 1);
            if (!Glob.isPattern(handler)) {
                System.out.print(HandlerReads.format(handler, readHandler(router, handler, parameter)));
                return;
            }
            if (!parameter.isEmpty()) {
                throw new ShellException("a parameter goes to one handler, not to a glob: '" + handler + "'");
            }
            List<String> names = HandlerReads.matching(router, Glob.of(handler));
            if (names.isEmpty()) {
                throw new ShellException("no readable handler matches '" + handler + "'");
            }
            for (String name : names) {
                try {
                    System.out.print(HandlerReads.format(name, router.read(name)));
                } catch (HandlerException e) {
                    System.err.println(name + ": " + e.getMessage()); // the other matches still get read
                }
            }
        });
    }

    private static String readHandler(RouterControl router, String handler, String parameter)
            throws ShellException {
        try {
            return router.read(handler, parameter);
        } catch (HandlerException e) {
            throw new ShellException(handler + ": " + e.getMessage());
        }
    }

    /** Writes a handler. */
    @Descriptor("write a handler; the value's words are joined by spaces")
    public void write(@Descriptor("[ROUTER] HANDLER [VALUE...]") String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 1, ANY,
                    "write [ROUTER] HANDLER [VALUE...]");
            String handler = target.words().getFirst();
            try {
                target.router().write(handler, joined(target.words(), 1));
            } catch (HandlerException e) {
                throw new ShellException(handler + ": " + e.getMessage());
            }
        });
    }

    /** Lists an element's handlers, or the router's global handlers. */
    @Descriptor("list an element's handlers and their access (r, w, rw); without ELEMENT, the global handlers")
    public void handlers(@Descriptor("[ROUTER] [ELEMENT]") String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 0, 1,
                    "handlers [ROUTER] [ELEMENT]");
            String element = target.words().isEmpty() ? "" : target.words().getFirst();
            System.out.print(Listings.handlers(target.router().handlers(element)));
        });
    }

    // ---- what runs and what exists

    /** Lists a router's elements. */
    @Descriptor("list a router's elements: name, class, orphaned classes and failures")
    public void elements(@Descriptor("[ROUTER]") String... args) {
        run(() -> {
            RouterControl router = RouterArguments.select(manager, args, 0, 0, "elements [ROUTER]").router();
            System.out.print(Listings.elements(router.status()));
        });
    }

    /** Lists the element classes. */
    @Descriptor("list the element classes: name, bundle, port counts, processing")
    public void classes(@Descriptor("[GLOB]: quoted class-name glob, such as 'IP*'") String... args) {
        run(() -> {
            if (args.length > 1) {
                throw new ShellException("usage: classes [GLOB]");
            }
            System.out.print(Listings.classes(manager.elementClasses(), Glob.of(args.length == 0 ? "*" : args[0])));
        });
    }

    /** Lists the bundles that provide element classes. */
    @Descriptor("list the bundles that provide element classes, with their class counts")
    public void bundles() {
        run(() -> System.out.print(Listings.bundles(manager.elementClasses())));
    }

    /** Prints an element class's documentation. */
    @Descriptor("print an element class's documentation: synopsis, ports, arguments, handlers")
    public void doc(@Descriptor("element class name") String className) {
        run(() -> {
            ElementClassSummary summary = manager.elementClasses().stream()
                    .filter(c -> c.name().equals(className)).findFirst()
                    .orElseThrow(() -> new ShellException("no element class '" + className
                            + "' (junction:classes lists them)"));
            String text = summary.documentation().stripTrailing();
            System.out.println(text.isEmpty() ? className + ": no documentation" : text);
        });
    }

    // ---- configurations

    /** Prints a configuration file flattened. */
    @Descriptor("print a configuration file flattened (compound elements expanded), as click-flatten does")
    public void flatten(CommandSession session,
            @Descriptor("configuration file") String file,
            @Descriptor("NAME=value overrides of the configuration's define()s") String... definitions) {
        run(() -> System.out.print(manager.flatten(source(session, file).withDefinitions(definitions(definitions)))));
    }

    /** Hot-swaps a router onto a configuration file. */
    @Descriptor("hot-swap a router onto a configuration file; state moves to elements of the same name")
    public void swap(CommandSession session, @Descriptor("[ROUTER] FILE") String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 1, 1, "swap [ROUTER] FILE");
            System.out.print(Listings.swap(target.router().hotswap(source(session, target.words().getFirst()))));
        });
    }

    // ---- live edits: each is an edited configuration plus a hot swap, checked before anything changes

    /** Applies several edits as one hot swap, checked as a whole. */
    @Descriptor("apply several live edits as one hot swap, e.g. edit \"add t Tally\" \"disconnect c d\" "
            + "\"connect c t\" \"connect t d\"")
    public void edit(@Descriptor("[ROUTER] CLAUSE...: each clause quoted, one of " + EditClauses.SYNTAX)
            String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 1, ANY,
                    "edit [ROUTER] CLAUSE...");
            System.out.print(Listings.swap(target.router().edit(EditClauses.parse(target.words()))));
        });
    }

    /** Adds an element; alone, only an element without ports passes the checks. */
    @Descriptor("add an element (a live edit); to add and connect in one step use edit")
    public void add(@Descriptor("[ROUTER] NAME CLASS [CONFIG...]: the configuration's words are joined by spaces")
            String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 2, ANY,
                    "add [ROUTER] NAME CLASS [CONFIG...]");
            List<String> words = target.words();
            System.out.print(Listings.swap(target.router().addElement(words.get(0), words.get(1), joined(words, 2))));
        });
    }

    /** Removes an element and its connections. */
    @Descriptor("remove an element and its connections (a live edit)")
    public void remove(@Descriptor("[ROUTER] NAME") String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 1, 1, "remove [ROUTER] NAME");
            System.out.print(Listings.swap(target.router().removeElement(target.words().getFirst())));
        });
    }

    /** Connects two elements. */
    @Descriptor("connect an output to an input (a live edit): connect a[1] [0]b, connect a 1 b 0, connect a b")
    public void connect(@Descriptor("[ROUTER] " + Connection.SYNTAX + "; ports default to 0") String... args) {
        editConnection(args, "connect", (router, c) -> router.connect(c.from(), c.fromPort(), c.to(), c.toPort()));
    }

    /** Removes a connection. */
    @Descriptor("remove a connection (a live edit): disconnect a[1] [0]b, disconnect a 1 b 0, disconnect a b")
    public void disconnect(@Descriptor("[ROUTER] " + Connection.SYNTAX + "; ports default to 0") String... args) {
        editConnection(args, "disconnect",
                (router, c) -> router.disconnect(c.from(), c.fromPort(), c.to(), c.toPort()));
    }

    /** {@code connect} or {@code disconnect} on a router. */
    private interface ConnectionEdit {
        SwapReport apply(RouterControl router, Connection connection) throws RouterException;
    }

    private void editConnection(String[] args, String command, ConnectionEdit edit) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 2, 4,
                    command + " [ROUTER] " + Connection.SYNTAX);
            System.out.print(Listings.swap(edit.apply(target.router(), Connection.parse(target.words()))));
        });
    }

    /** Gives an element a new configuration string. */
    @Descriptor("give an element a new configuration string; it keeps its state (a live edit)")
    public void reconfigure(@Descriptor("[ROUTER] NAME [CONFIG...]: the configuration's words are joined by spaces")
            String... args) {
        run(() -> {
            RouterArguments.Target target = RouterArguments.select(manager, args, 1, ANY,
                    "reconfigure [ROUTER] NAME [CONFIG...]");
            List<String> words = target.words();
            System.out.print(Listings.swap(target.router().reconfigure(words.getFirst(), joined(words, 1))));
        });
    }

    // ---- views

    /** Prints the router's graph in Graphviz DOT. */
    @Descriptor("print a router's graph in Graphviz DOT (pipe it to a file and run: dot -Tsvg)")
    public void dot(@Descriptor("[ROUTER]") String... args) {
        run(() -> {
            RouterControl router = RouterArguments.select(manager, args, 0, 0, "dot [ROUTER]").router();
            System.out.print(DotWriter.write(router.name(), RouterGraph.readFlat(router.flatConfiguration())));
        });
    }

    /** Shows per-element packet counts and rates, refreshed every interval. */
    @Descriptor("show each element's packets in and out and their rates, refreshed every interval (Ctrl-C stops)")
    public void top(
            @Descriptor("number of refreshes (default: until interrupted)")
            @Parameter(names = {"-n", "--iterations"}, absentValue = "0") int iterations,
            @Descriptor("seconds between refreshes (default 1)")
            @Parameter(names = {"-i", "--interval"}, absentValue = "1") double seconds,
            @Descriptor("[ROUTER]") String... args) {
        run(() -> {
            RouterControl router = RouterArguments.select(manager, args, 0, 0,
                    "top [ROUTER] [-n ITERATIONS] [-i SECONDS]").router();
            if (iterations < 0 || !(seconds > 0)) {
                throw new ShellException("top: ITERATIONS must be 0 or more and SECONDS more than 0");
            }
            watch(router, iterations, seconds);
        });
    }

    private static void watch(RouterControl router, int iterations, double seconds) {
        // On a terminal the table is redrawn in place; into a pipe, tables follow each other.
        boolean redraw = System.console() != null && System.console().isTerminal();
        PacketRates.Sample previous = new PacketRates.Sample(System.nanoTime(), router.status());
        for (int i = 0; iterations == 0 || i < iterations; i++) {
            try {
                Thread.sleep(Math.max(1, Math.round(seconds * 1000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // Ctrl-C: the normal way to leave
                return;
            }
            if (!router.isRunning()) {
                System.out.println("router '" + router.name() + "' stopped");
                return;
            }
            PacketRates.Sample current = new PacketRates.Sample(System.nanoTime(), router.status());
            System.out.print((redraw ? "\033[H\033[2J" : i > 0 ? "\n" : "") + PacketRates.table(previous, current));
            System.out.flush();
            previous = current;
        }
    }

    // ---- arguments

    /**
     * The configuration in {@code file}, relative to the session's directory, reported under the name the
     * user typed so that errors read {@code FILE:LINE: message} as Click prints them.
     */
    private static RouterSource source(CommandSession session, String file) throws ShellException {
        Path directory = session.currentDir() == null ? Path.of("") : session.currentDir();
        RouterSource read;
        try {
            read = RouterSource.ofFile(directory.resolve(file));
        } catch (NoSuchFileException e) {
            throw new ShellException(file + ": no such file");
        } catch (IOException e) {
            throw new ShellException(file + ": " + e.getMessage());
        }
        return new RouterSource(read.text(), file, read.includeDirectory(), read.definitions());
    }

    /** {@code NAME=value} words as a map, in order. */
    static Map<String, String> definitions(String... words) throws ShellException {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new ShellException("expected NAME=value, got '" + word + "'");
            }
            definitions.put(word.substring(0, equals), word.substring(equals + 1));
        }
        return definitions;
    }

    /** The words from index {@code from} on, joined by spaces (empty if there are none). */
    private static String joined(List<String> words, int from) {
        return String.join(" ", words.subList(Math.min(from, words.size()), words.size()));
    }
}
