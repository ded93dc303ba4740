package dev.junction.bench;

import dev.junction.element.HandlerException;
import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.tools.BundleElementClasses;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The end-to-end throughput harness: runs Click configuration files in-process, each on a fresh router, and
 * prints packets per second, nanoseconds per packet and bytes allocated per packet by the router threads.
 *
 * <p>The packets counted are the sum of the {@code count} handlers of the configuration's {@code Discard}
 * elements (the overlay FIB paper's "dummy interface"), or of the handlers given with {@code --count}. Each
 * run warms up first, then samples the count, the clock and the router threads' allocated bytes at the start
 * and the end of the measured window; the harness thread only sleeps in between.
 */
@Command(name = "bench/throughput", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs Click configuration files and prints Mpps, ns/packet and bytes allocated per packet.")
public final class ConfigThroughput implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Click configuration files.")
    List<Path> files;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "SECONDS",
            description = "Warm-up before each measured window (default ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "SECONDS",
            description = "Length of each measured window (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per file; the median is reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = {"-j", "--threads"}, defaultValue = "1", description = "Router threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--count", paramLabel = "ELEMENT.HANDLER", split = ",",
            description = "Handlers whose values are summed as the packet count (default: every Discard's count).")
    List<String> countHandlers;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConfigThroughput()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.println("machine: " + Machine.line());
        System.out.printf(Locale.ROOT, "median of %d run(s): %.0f s warm-up, %.0f s measured, %d router thread(s)%n",
                runs, warmupSeconds, seconds, threads);
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s   %s%n", "configuration", "Mpps", "ns/pkt", "B/pkt", "runs (Mpps)");
        int status = 0;
        for (Path file : files) {
            try {
                List<Sample> samples = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    samples.add(measure(file));
                }
                print(file, samples);
            } catch (RouterException e) {
                System.out.println(file + ": " + String.join("\n  ", e.errors()));
                status = 1;
            }
        }
        return status;
    }

    /** One run: a fresh router, warmed up, then one measured window. */
    private Sample measure(Path file) throws IOException, RouterException, InterruptedException, HandlerException {
        RouterSource source = RouterSource.ofFile(file);
        Router router = Router.initialize("bench", source, BundleElementClasses.fromClassPath(),
                RuntimeOptions.defaults().withThreads(threads));
        try {
            List<String> counters = countHandlers != null ? countHandlers : discardCounts(router);
            if (counters.isEmpty()) {
                throw new IllegalArgumentException(file + ": no Discard to count; name handlers with --count");
            }
            router.activate();
            Thread.sleep(Math.round(warmupSeconds * 1000));
            long[] threadIds = router.threads().stream().mapToLong(Thread::threadId).toArray();
            long packets0 = sum(router, counters);
            long bytes0 = allocatedBytes(threadIds);
            long time0 = System.nanoTime();
            Thread.sleep(Math.round(seconds * 1000));
            long packets1 = sum(router, counters);
            long time1 = System.nanoTime();
            long bytes1 = allocatedBytes(threadIds);
            if (!router.isRunning()) {
                throw new IllegalStateException(file + ": the router stopped during the run; give its sources no LIMIT");
            }
            return new Sample(packets1 - packets0, time1 - time0, bytes1 - bytes0);
        } finally {
            router.stop();
            router.close();
        }
    }

    private static List<String> discardCounts(Router router) {
        return router.elementNames().stream()
                .filter(name -> router.element(name).className().equals("Discard"))
                .map(name -> name + ".count")
                .toList();
    }

    private static long sum(Router router, List<String> handlers) throws HandlerException {
        long total = 0;
        for (String handler : handlers) {
            total += Long.parseLong(router.read(handler).trim());
        }
        return total;
    }

    private static long allocatedBytes(long[] threadIds) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threadIds)) {
            total += Math.max(bytes, 0);
        }
        return total;
    }

    private static void print(Path file, List<Sample> samples) {
        double[] mpps = samples.stream().mapToDouble(Sample::mpps).toArray();
        Sample median = samples.stream().sorted((a, b) -> Double.compare(a.mpps(), b.mpps())).toList()
                .get(samples.size() / 2);
        StringBuilder all = new StringBuilder();
        for (double value : mpps) {
            all.append(all.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", value));
        }
        System.out.printf(Locale.ROOT, "%-40s %9.2f %9.2f %9.2f   %s%n", file, median.mpps(), median.nanosPerPacket(),
                median.bytesPerPacket(), all);
    }

    /** One measured window. */
    record Sample(long packets, long nanos, long allocatedBytes) {
        double mpps() {
            return packets * 1e3 / nanos;
        }

        double nanosPerPacket() {
            return packets == 0 ? Double.NaN : (double) nanos / packets;
        }

        double bytesPerPacket() {
            return packets == 0 ? Double.NaN : (double) allocatedBytes / packets;
        }
    }

    /** The machine line that goes with every figure: CPU, cores, kernel, JVM. */
    static final class Machine {
        private Machine() {
        }

        static String line() {
            String cpu = "unknown CPU";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse(cpu);
            } catch (IOException e) {
                // not Linux: the JVM's view below still identifies the machine roughly
            }
            return Runtime.getRuntime().availableProcessors() + " vCPU " + cpu + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                    + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version");
        }
    }
}
