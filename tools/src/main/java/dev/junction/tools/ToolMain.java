package dev.junction.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs one Click tool's command line with picocli, reporting mistakes the way Click's tools do: the tool's
 * name, the problem, a usage line and a pointer to {@code --help}, with exit status 1.
 */
final class ToolMain {
    private ToolMain() {
    }

    /** Parses {@code args} into {@code command}, runs it, and returns the exit status. */
    static int run(Callable<Integer> command, String name, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(command)
                .setOut(out)
                .setErr(err)
                .setPosixClusteredShortOptionsAllowed(true) // Click's tests write -qo- for -q -o -
                .setUnmatchedOptionsArePositionalParams(false)
                .setParameterExceptionHandler((exception, arguments) -> {
                    err.println(name + ": " + exception.getMessage());
                    printShortUsage(name, err);
                    return 1;
                });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Click's short usage after a command-line mistake: the usage line and a pointer to {@code --help}. */
    static void printShortUsage(String name, PrintWriter err) {
        err.println("Usage: " + name + " [OPTION]... [ROUTERFILE]");
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
    }
}
