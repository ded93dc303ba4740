package dev.junction.bench;

import dev.junction.engine.runtime.ClassMapFactory;
import dev.junction.engine.runtime.Router;
import dev.junction.engine.runtime.RuntimeOptions;
import dev.junction.router.RouterException;
import dev.junction.router.RouterSource;
import dev.junction.router.SwapReport;
import dev.junction.standard.Counter;
import dev.junction.standard.Discard;
import dev.junction.standard.InfiniteSource;
import dev.junction.standard.Queue;
import dev.junction.standard.Unqueue;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A hot swap of a running router under full traffic (InfiniteSource -> Queue -> Unqueue -> Counter -> Discard
 * on two threads, the queue holding packets): the time of the whole swap (build and initialize the new graph
 * beside the old, pause, move state, resume), and, printed at the end, the pause itself (packets standing
 * still), as median and maximum over every swap of the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class HotSwapBenchmark {
    private static final String CONFIG = "src :: InfiniteSource(BURST 32) -> q :: Queue(1000) -> u :: Unqueue(BURST 32)"
            + " -> c :: Counter -> d :: Discard;";

    private Router router;
    private RouterSource source;
    private long[] pauses = new long[1024];
    private int swaps;

    @Setup(Level.Trial)
    public void setUp() throws RouterException {
        ClassMapFactory classes = new ClassMapFactory()
                .add("InfiniteSource", InfiniteSource::new)
                .add("Queue", Queue::new)
                .add("Unqueue", Unqueue::new)
                .add("Counter", Counter::new)
                .add("Discard", Discard::new);
        source = RouterSource.ofText(CONFIG);
        router = Router.start("swap", source, classes, RuntimeOptions.defaults().withThreads(2).withHomeThread("u", 1));
    }

    @Benchmark
    public long hotswapUnderTraffic() throws RouterException {
        SwapReport report = router.hotswap(source);
        if (swaps == pauses.length) {
            pauses = Arrays.copyOf(pauses, swaps * 2);
        }
        pauses[swaps++] = report.pauseNanos();
        return report.pauseNanos();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        long counted = Long.parseLong(router.read("c.count").trim());
        router.stop();
        long[] sorted = Arrays.copyOf(pauses, swaps);
        Arrays.sort(sorted);
        System.out.printf("%nswaps: %d, pause median %.1f us, p99 %.1f us, max %.1f us; packets counted across them: %d%n",
                swaps, sorted[swaps / 2] / 1e3, sorted[Math.min(swaps - 1, swaps * 99 / 100)] / 1e3,
                sorted[swaps - 1] / 1e3, counted);
    }
}
