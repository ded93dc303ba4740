package dev.junction.tools;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.Landmark;
import dev.junction.engine.lang.ClickLanguage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code click-flatten}: reads a Click configuration, expands every compound, and writes the equivalent flat
 * configuration, as Click's click-flatten does. Errors go to standard error as {@code file:line: message};
 * with any error nothing is written and the exit status is 1.
 */
@Command(name = "click-flatten", sortOptions = false,
        description = "Reads a Click configuration, flattens it (removing any compound elements), and writes an"
                + " equivalent configuration to the standard output.")
public final class ClickFlatten implements Callable<Integer> {
    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write output configuration to FILE.")
    String output = "-";

    @Option(names = "--help", usageHelp = true, description = "Print this message and exit.")
    boolean help;

    private final PrintWriter out;
    private final PrintWriter err;

    ClickFlatten(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs click-flatten and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = ConfigInput.byteWriter(System.out);
        PrintWriter err = ConfigInput.byteWriter(System.err);
        System.exit(ToolMain.run(new ClickFlatten(out, err), "click-flatten", args, out, err));
    }

    @Override
    public Integer call() {
        return run("click-flatten", config, output, out, err);
    }

    /**
     * Reads the configuration {@code config} names, flattens it and writes it to {@code output}, reporting
     * errors as {@code tool}: what click-flatten does, and click-align too (it has no alignment to fix).
     */
    static int run(String tool, ConfigOptions config, String output, PrintWriter out, PrintWriter err) {
        ConfigInput input;
        try {
            input = config.read(System.in);
        } catch (ConfigInput.UsageException | IOException e) {
            err.println(tool + ": " + e.getMessage());
            return 1;
        }
        Diagnostics diagnostics = new Diagnostics();
        if (input.text.isBlank()) {
            diagnostics.warning(new Landmark(input.fileName, 0), "empty configuration");
        }
        String flat = ClickLanguage.flattenToText(input.text, input.fileName, input.includeDirectory,
                input.definitions, diagnostics);
        diagnostics.messages().forEach(err::println);
        if (diagnostics.hasErrors()) {
            return 1;
        }
        try {
            ConfigInput.write(output, flat, out);
        } catch (IOException e) {
            err.println(tool + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
