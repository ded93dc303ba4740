package dev.junction.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every Click tool shares for naming its configuration: {@code -f FILE}, {@code -e EXPR}, or a
 * positional file, and {@code NAME=value} overrides of the configuration's {@code define}s. A picocli mixin.
 */
final class ConfigOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read router configuration from FILE.")
    String file;

    @Option(names = {"-e", "--expression"}, paramLabel = "EXPR", description = "Use EXPR as router configuration.")
    String expression;

    @Parameters(paramLabel = "ROUTERFILE|NAME=value",
            description = "The configuration file (default: standard input), and overrides of its 'define's.")
    List<String> arguments = new ArrayList<>();

    /** Reads the configuration these options name; see {@link ConfigInput#read}. */
    ConfigInput read(InputStream stdin) throws ConfigInput.UsageException, IOException {
        return ConfigInput.read(expression, file, arguments, stdin);
    }
}
