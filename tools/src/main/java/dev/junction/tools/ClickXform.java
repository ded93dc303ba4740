package dev.junction.tools;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.lang.ClickLanguage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code click-xform}: Click's pattern-based configuration optimizer. Reads pattern files (pairs of compound
 * classes {@code X} and {@code X_Replacement}) and a router configuration, replaces every fragment of the
 * flattened router that matches a pattern with its replacement until none matches (see {@link Xform} for the
 * rules), and writes the flat result.
 */
@Command(name = "click-xform", sortOptions = false,
        description = "Reads Click configuration patterns and their replacements, and a router configuration;"
                + " replaces pattern matches in the configuration until none remain and writes the result"
                + " to the standard output.")
public final class ClickXform implements Callable<Integer> {
    @Option(names = {"-p", "--patterns"}, paramLabel = "FILE", description = "Read patterns and replacements"
            + " from FILE. Can be given more than once.")
    List<String> patternFiles = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read router configuration from FILE.")
    String file;

    @Option(names = {"-e", "--expression"}, paramLabel = "EXPR", description = "Use EXPR as router configuration.")
    String expression;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write output configuration to FILE.")
    String output = "-";

    @Option(names = {"-r", "--reverse"}, description = "Apply patterns in reverse: replace replacements with"
            + " their patterns.")
    boolean reverse;

    @Option(names = "--help", usageHelp = true, description = "Print this message and exit.")
    boolean help;

    @Parameters(paramLabel = "ROUTERFILE [PATTERNFILE...] | NAME=value", description = "The configuration"
            + " (default: standard input), more pattern files, and overrides of the configuration's 'define's.")
    List<String> arguments = new ArrayList<>();

    private final PrintWriter out;
    private final PrintWriter err;

    ClickXform(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs click-xform and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = ConfigInput.byteWriter(System.out);
        PrintWriter err = ConfigInput.byteWriter(System.err);
        System.exit(ToolMain.run(new ClickXform(out, err), "click-xform", args, out, err));
    }

    @Override
    public Integer call() {
        // Positionals: NAME=value definitions, then the router file (unless -f or -e), then pattern files.
        List<String> routerArguments = new ArrayList<>();
        List<String> patterns = new ArrayList<>(patternFiles);
        boolean haveRouter = file != null || expression != null;
        for (String argument : arguments) {
            if (argument.matches("[A-Za-z_][A-Za-z_0-9]*=.*")) {
                routerArguments.add(argument);
            } else if (!haveRouter) {
                routerArguments.add(argument);
                haveRouter = true;
            } else {
                patterns.add(argument);
            }
        }
        ConfigInput input;
        try {
            input = ConfigInput.read(expression, file, routerArguments, System.in);
        } catch (ConfigInput.UsageException | IOException e) {
            err.println("click-xform: " + e.getMessage());
            return 1;
        }
        Diagnostics diagnostics = new Diagnostics();
        Map<String, FlatRouter> classes = new LinkedHashMap<>();
        for (String patternFile : patterns) {
            try {
                String text = Files.readString(Path.of(patternFile), StandardCharsets.UTF_8);
                classes.putAll(ClickLanguage.compoundClasses(text, patternFile, diagnostics));
            } catch (IOException e) {
                err.println("click-xform: " + patternFile + ": " + e.getMessage());
                return 1;
            }
        }
        FlatRouter router = ClickLanguage.flatten(input.text, input.fileName, input.includeDirectory,
                input.definitions, diagnostics);
        diagnostics.messages().forEach(err::println);
        if (diagnostics.hasErrors()) {
            return 1;
        }
        List<String> errors = new ArrayList<>();
        List<Xform.Rule> rules = Xform.rules(classes, reverse, errors);
        if (!errors.isEmpty()) {
            errors.forEach(e -> err.println("click-xform: " + e));
            return 1;
        }
        Xform xform = new Xform(router);
        if (!xform.transform(rules)) {
            err.println("click-xform: gave up after " + Xform.MAX_REPLACEMENTS
                    + " replacements: the patterns keep matching each other's replacements");
            return 1;
        }
        try {
            ConfigInput.write(output, ClickLanguage.print(xform.result()), out);
        } catch (IOException e) {
            err.println("click-xform: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
