package dev.junction.tools;

import dev.junction.element.HandlerException;
import dev.junction.engine.control.ControlSocketServer;
import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import dev.junction.engine.lang.ClickLanguage;
import dev.junction.engine.runtime.ElementFactory;
import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code click}: Click's user-level driver, with Click's command line, so that Click users and Click's own
 * tests can drive Junction.
 *
 * <p>As Click's driver does, it initializes the router (every error goes to standard error, then exit status
 * 1), writes the flat configuration ({@code -o}), runs the router until it stops (an element or a write to
 * the {@code stop} handler stops it; so do Ctrl-C and SIGTERM) unless {@code -q} is given or there are no
 * elements, prints the {@code -t} time line, prints the {@code -h} handlers and takes the exit status from
 * the {@code -x} handler. {@code -p}/{@code -u} serve Click's ControlSocket protocol while the router exists.
 *
 * <p>The configuration is parsed before the element bundles are looked at, so a syntax error is reported in
 * a fraction of a second. The element classes are those of the bundle jars on the class path
 * ({@link BundleElementClasses}).
 */
@Command(name = "click", sortOptions = false,
        description = "Runs a Click router configuration.")
public final class Click implements Callable<Integer> {
    /** Where Click's simulated clock starts when {@code --simtime} has no value, in seconds since the epoch. */
    static final String DEFAULT_SIMULATED_START = "1000000000";
    private static final String NAME = "click";
    // Click's names for the ControlSockets its driver adds, used in their error messages.
    private static final String CONTROL_SOCKET = "click_driver@@ControlSocket";

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write flat configuration to FILE (- is standard output).")
    String output;

    @Option(names = {"-q", "--quit"}, description = "Do not run driver; check and configure only.")
    boolean quit;

    @Option(names = {"-h", "--handler"}, paramLabel = "ELEMENT.H",
            description = "Call ELEMENT's read handler H after running the driver and print the result.")
    List<String> handlers = new ArrayList<>();

    @Option(names = {"-x", "--exit-handler"}, paramLabel = "ELEMENT.H",
            description = "Use handler ELEMENT.H value for the exit status.")
    String exitHandler;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Listen for control connections on TCP port.")
    String port;

    @Option(names = {"-u", "--unix-socket"}, paramLabel = "FILE",
            description = "Listen for control connections on UNIX socket.")
    String unixSocket;

    @Option(names = {"-R", "--allow-reconfigure"}, description = "Provide a writable 'hotconfig' handler.")
    boolean allowReconfigure;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Start N threads (default 1).")
    int threads = 1;

    @Option(names = {"--simtime", "--simulation-time"}, paramLabel = "TIME", arity = "0..1",
            fallbackValue = DEFAULT_SIMULATED_START, parameterConsumer = OptionalTime.class,
            description = "Run in simulation time, starting at TIME seconds since the epoch (default 1000000000).")
    Double simulationTime;

    @Option(names = {"-t", "--time"}, description = "Print information on how long driver took.")
    boolean time;

    @Option(names = {"-w", "--no-warnings"}, description = "Do not print warnings.")
    boolean noWarnings;

    @Option(names = "--help", usageHelp = true, description = "Print this message and exit.")
    boolean help;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<? extends ElementFactory> elementClasses;
    /** Called with the router once it runs; lets tests reach it. */
    Consumer<Router> onRunning = router -> { };

    /**
     * A click that writes to {@code out} and {@code err} and gets its element classes from
     * {@code elementClasses}, asked only once the configuration parsed.
     */
    Click(PrintWriter out, PrintWriter err, Supplier<? extends ElementFactory> elementClasses) {
        this.out = out;
        this.err = err;
        this.elementClasses = elementClasses;
    }

    /** Runs click and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = ConfigInput.byteWriter(System.out);
        PrintWriter err = ConfigInput.byteWriter(System.err);
        System.exit(ToolMain.run(new Click(out, err, BundleElementClasses::fromClassPath), NAME, args, out, err));
    }

    @Override
    public Integer call() {
        List<ControlPort> ports;
        try {
            ports = controlPorts();
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            ToolMain.printShortUsage(NAME, err);
            return 1;
        }
        ConfigInput input;
        try {
            input = config.read(System.in);
        } catch (ConfigInput.UsageException | IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        }
        // Parsed here first so that a syntax error costs no look at the element bundles.
        Diagnostics diagnostics = new Diagnostics();
        FlatRouter flat = ClickLanguage.flatten(input.text, input.fileName, input.includeDirectory,
                input.definitions, diagnostics);
        if (diagnostics.hasErrors()) {
            printMessages(diagnostics.messages());
            return 1;
        }
        Router router;
        try {
            router = Router.initialize(NAME, new RouterSource(input.text, input.fileName, input.includeDirectory,
                    input.definitions), elementClasses.get(), runtimeOptions());
        } catch (RouterException e) {
            printMessages(e.errors());
            return 1;
        }
        printMessages(router.warnings());
        router.keepElementsAfterStop();
        List<ControlSocketServer> servers = new ArrayList<>();
        try {
            if (!openControlSockets(router, ports, servers)) {
                return 1;
            }
            return drive(router, input.fileName, flat.elements().isEmpty());
        } finally {
            closeAll(servers);
            router.close();
        }
    }

    /** Click's driver once the router is initialized: output, run, time, handlers, exit handler. */
    private int drive(Router router, String fileName, boolean noElements) {
        int status = writeOutput(router);
        DriverTime before = DriverTime.now();
        ShutdownStop shutdown = null;
        if (!quit && !noElements) {
            shutdown = ShutdownStop.install(router);
            router.activate();
            onRunning.accept(router);
            awaitStop(router);
            shutdown.runFinished();
        } else if (!quit && !noWarnings) {
            err.println(new Landmark(fileName, 0).toString().replaceFirst(":0$", "")
                    + ": warning: configuration has no elements, exiting");
        }
        if (time) {
            out.println(DriverTime.now().since(before));
        }
        if (!handlers.isEmpty() && !HandlerReport.print(router, handlers, out, err)) {
            status = 1;
        }
        if (exitHandler != null) {
            status = exitStatus(router);
        }
        if (shutdown != null) {
            shutdown.driverFinished(status, out, err);
        }
        return status;
    }

    private RuntimeOptions runtimeOptions() {
        RuntimeOptions options = RuntimeOptions.defaults().withThreads(Math.max(threads, 1));
        return simulationTime == null ? options
                : options.withSimulatedTime(Math.round(simulationTime * 1e9));
    }

    private static void awaitStop(Router router) {
        try {
            // Click has no time limit: the router runs until something stops it.
            while (!router.awaitStop(Duration.ofHours(1))) {
                continue;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            router.stop();
        }
    }

    /** Click's {@code -o}: the flat configuration; a file that cannot be written is an error, but click goes on. */
    private int writeOutput(Router router) {
        if (output == null) {
            return 0;
        }
        try {
            ConfigInput.write(output, router.flatConfiguration(), out);
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /**
     * Click's {@code -x}: the handler's value as the exit status, an integer or a boolean (true is 0, false
     * 1); an error or any other value makes the status -1 (255 once the process exits).
     */
    private int exitStatus(Router router) {
        String value;
        try {
            value = router.read(exitHandler).strip();
        } catch (HandlerException e) {
            err.println(e.getMessage());
            return -1;
        }
        if (value.matches("[-+]?[0-9]+")) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                // out of range: not an integer for Click either
            }
        }
        switch (value) {
            case "true", "yes", "on", "1" -> {
                return 0;
            }
            case "false", "no", "off", "0" -> {
                return 1;
            }
            default -> {
                err.println("exit handler value should be integer");
                return -1;
            }
        }
    }

    /** A ControlSocket to open: a TCP port (and, for Click's {@code PORT+}, the ports after it) or a UNIX path. */
    private record ControlPort(int tcpPort, boolean tryLaterPorts, Path unixPath) {
        String description() {
            return unixPath != null ? "UNIX, " + unixPath : "TCP, " + tcpPort + (tryLaterPorts ? "+" : "");
        }
    }

    /** The {@code -p} and {@code -u} sockets; a {@code -p} that is not a port number is a usage error. */
    private List<ControlPort> controlPorts() {
        List<ControlPort> ports = new ArrayList<>();
        if (port != null) {
            boolean tryLater = port.endsWith("+");
            String number = tryLater ? port.substring(0, port.length() - 1) : port;
            int value = number.matches("[0-9]{1,5}") ? Integer.parseInt(number) : -1;
            if (value < (tryLater ? 1 : 0) || value > 65535) {
                throw new IllegalArgumentException("'--port' expects a TCP port number, not '" + port + "'");
            }
            ports.add(new ControlPort(value, tryLater, null));
        }
        if (unixSocket != null) {
            ports.add(new ControlPort(-1, false, Path.of(unixSocket)));
        }
        return ports;
    }

    /**
     * Opens the ControlSockets, as Click's driver adds them to the router: one that cannot open fails the
     * router's initialization.
     */
    private boolean openControlSockets(Router router, List<ControlPort> ports, List<ControlSocketServer> servers) {
        for (int i = 0; i < ports.size(); i++) {
            ControlPort control = ports.get(i);
            try {
                servers.add(open(router, control));
            } catch (IOException e) {
                String element = i == 0 ? CONTROL_SOCKET : CONTROL_SOCKET + "@" + i;
                err.println(element + " :: ControlSocket(" + control.description() + "): " + e.getMessage());
                err.println("Router could not be initialized!");
                return false;
            }
        }
        return true;
    }

    private static ControlSocketServer open(Router router, ControlPort control) throws IOException {
        if (control.unixPath() != null) {
            return ControlSocketServer.openUnix(router, control.unixPath());
        }
        for (int candidate = control.tcpPort(); ; candidate++) {
            try {
                return ControlSocketServer.openTcp(router, candidate);
            } catch (BindException e) {
                if (!control.tryLaterPorts() || candidate == 65535) {
                    throw e;
                }
            }
        }
    }

    private void closeAll(List<ControlSocketServer> servers) {
        for (ControlSocketServer server : servers) {
            try {
                server.close();
            } catch (IOException e) {
                err.println(NAME + ": closing a ControlSocket: " + e.getMessage());
            }
        }
    }

    private void printMessages(List<String> messages) {
        for (String message : messages) {
            if (!(noWarnings && message.contains("warning: "))) {
                err.println(message);
            }
        }
    }

    /**
     * Ctrl-C and SIGTERM while the router runs: as in Click, they stop the router and click still prints its
     * handlers and exits with its own status. The JVM runs shutdown hooks on those signals, so the hook stops the
     * router, waits for the driver to finish, and ends the process with the driver's status.
     */
    private static final class ShutdownStop {
        private static final Duration DRIVER_FINISH_LIMIT = Duration.ofSeconds(30);

        private final Thread hook;
        private final CountDownLatch driverFinished = new CountDownLatch(1);
        private volatile boolean signalled;
        private volatile int status;

        private ShutdownStop(Router router) {
            hook = Thread.ofPlatform().name("click-shutdown").unstarted(() -> {
                signalled = true;
                router.stop();
                try {
                    if (driverFinished.await(DRIVER_FINISH_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                        Runtime.getRuntime().halt(status & 0xFF);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        static ShutdownStop install(Router router) {
            ShutdownStop stop = new ShutdownStop(router);
            Runtime.getRuntime().addShutdownHook(stop.hook);
            return stop;
        }

        /** The router stopped: a stop that was not a signal removes the hook. */
        void runFinished() {
            if (!signalled) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    signalled = true; // the JVM is shutting down already
                }
            }
        }

        /** The driver is done with {@code exitStatus}: after a signal, the hook ends the process with it. */
        void driverFinished(int exitStatus, PrintWriter out, PrintWriter err) {
            if (signalled) {
                out.flush();
                err.flush();
                status = exitStatus;
                driverFinished.countDown();
            }
        }
    }

    /**
     * {@code --simtime}'s optional TIME, as Click's optional option values: taken only when it is a number, so
     * that {@code click --simtime CONFIG} reads CONFIG as the router file.
     */
    static final class OptionalTime implements picocli.CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec argSpec,
                picocli.CommandLine.Model.CommandSpec commandSpec) {
            String value = DEFAULT_SIMULATED_START;
            if (!args.isEmpty()) {
                try {
                    Double.parseDouble(args.peek());
                    value = args.pop();
                } catch (NumberFormatException e) {
                    // not a time: the next argument is something else
                }
            }
            argSpec.setValue(Double.parseDouble(value));
        }
    }
}
