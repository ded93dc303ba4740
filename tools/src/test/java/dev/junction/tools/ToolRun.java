package dev.junction.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/** One run of a tool in the test's JVM: exit status, standard output and standard error. */
record ToolRun(int status, String out, String err) {
    static ToolRun of(String name, BiFunction<PrintWriter, PrintWriter, Callable<Integer>> tool, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int status = ToolMain.run(tool.apply(outWriter, errWriter), name, args, outWriter, errWriter);
        return new ToolRun(status, out.toString(), err.toString());
    }
}
