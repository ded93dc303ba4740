package dev.junction.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code click-align}: Click's tool that inserts Align elements in front of elements that need aligned headers,
 * for machines that fault on unaligned loads. Junction reads packet fields through bounds-checked accessors
 * of native memory that work at any address, so no configuration needs Align elements: click-align here
 * writes the configuration flattened and otherwise unchanged, so that scripts written for Click still work.
 */
@Command(name = "click-align", sortOptions = false,
        description = {"Reads a Click configuration and writes it flattened to the standard output.",
            "Click's click-align adds Align elements for machines without unaligned accesses; Junction's"
                + " elements read packets through accessors that work at any alignment, so none are needed"
                + " and the configuration is written unchanged apart from flattening."})
public final class ClickAlign implements Callable<Integer> {
    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write output configuration to FILE.")
    String output = "-";

    @Option(names = "--help", usageHelp = true, description = "Print this message and exit.")
    boolean help;

    private final PrintWriter out;
    private final PrintWriter err;

    ClickAlign(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs click-align and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = ConfigInput.byteWriter(System.out);
        PrintWriter err = ConfigInput.byteWriter(System.err);
        System.exit(ToolMain.run(new ClickAlign(out, err), "click-align", args, out, err));
    }

    @Override
    public Integer call() {
        return ClickFlatten.run("click-align", config, output, out, err);
    }
}
