package dev.junction.tools;

import dev.junction.engine.check.RouterChecks;
import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.ElementClassCatalog;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import dev.junction.engine.lang.ClickLanguage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code click}: Click's user-level driver, with Click's command line, so that Click users and Click's own
 * tests can drive Junction.
 *
 * <p>It reads and flattens the configuration and checks it before anything heavy starts, so a syntax error
 * is reported in a fraction of a second. The checks run against the element classes this command knows;
 * running a router (and {@code -q}, which initializes one) needs Junction's runtime, which this build does
 * not include yet: then it says so and exits with status 1.
 */
@Command(name = "click", sortOptions = false,
        description = "Runs a Click router configuration.")
public final class Click implements Callable<Integer> {
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

    @Option(names = {"--simtime", "--simulation-time"}, paramLabel = "TIME", arity = "0..1", fallbackValue = "0",
            description = "Run in simulation time, starting at TIME seconds (default 0).")
    Double simulationTime;

    @Option(names = {"-t", "--time"}, description = "Print information on how long driver took.")
    boolean time;

    @Option(names = {"-w", "--no-warnings"}, description = "Do not print warnings.")
    boolean noWarnings;

    @Option(names = "--help", usageHelp = true, description = "Print this message and exit.")
    boolean help;

    private final PrintWriter out;
    private final PrintWriter err;
    private final ElementClassCatalog catalog;

    Click(PrintWriter out, PrintWriter err, ElementClassCatalog catalog) {
        this.out = out;
        this.err = err;
        this.catalog = catalog;
    }

    /** Runs click and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = ConfigInput.byteWriter(System.out);
        PrintWriter err = ConfigInput.byteWriter(System.err);
        // No element bundle is available to this command yet, so every class is unknown to the checks.
        ElementClassCatalog noClasses = name -> null;
        System.exit(ToolMain.run(new Click(out, err, noClasses), "click", args, out, err));
    }

    @Override
    public Integer call() {
        ConfigInput input;
        try {
            input = config.read(System.in);
        } catch (ConfigInput.UsageException | IOException e) {
            err.println("click: " + e.getMessage());
            return 1;
        }
        Diagnostics diagnostics = new Diagnostics();
        FlatRouter router = ClickLanguage.flatten(input.text, input.fileName, input.includeDirectory,
                input.definitions, diagnostics);
        if (diagnostics.hasErrors()) {
            print(diagnostics);
            return 1;
        }
        RouterChecks.check(router, catalog, diagnostics);
        print(diagnostics);
        if (diagnostics.hasErrors()) {
            // Click's lexer reports unknown classes, so only a failure past parsing gets this line.
            boolean classesKnown = router.elements().stream().allMatch(e -> catalog.find(e.className()) != null);
            if (classesKnown) {
                err.println("Router could not be initialized!");
            }
            return 1;
        }
        if (router.elements().isEmpty()) {
            if (!quit && !noWarnings) {
                err.println(new Landmark(input.fileName, 0).toString().replaceFirst(":0$", "")
                        + ": warning: configuration has no elements, exiting");
            }
            return writeOutput(router);
        }
        err.println("click: running or configuring a router needs Junction's runtime, which this build does not"
                + " include yet");
        return 1;
    }

    private int writeOutput(FlatRouter router) {
        if (output == null) {
            return 0;
        }
        try {
            ConfigInput.write(output, ClickLanguage.print(router), out);
            return 0;
        } catch (IOException e) {
            err.println("click: " + e.getMessage());
            return 1;
        }
    }

    private void print(Diagnostics diagnostics) {
        for (String message : diagnostics.messages()) {
            if (!(noWarnings && message.contains("warning: "))) {
                err.println(message);
            }
        }
    }
}
