package dev.junction.bench;

import dev.junction.engine.check.CheckedRouter;
import dev.junction.engine.check.RouterChecks;
import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.ElementClassInfo;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.lang.ClickLanguage;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The language on a large flat configuration: {@code elements} declarations ({@code eN :: Counter;}) and the
 * chain connecting them, parsed and flattened, then checked against the classes' port and processing codes.
 * {@code SingleShotTime} measures a cold first parse, {@code AverageTime} a warm one.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SingleShotTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
public class ConfigParseBenchmark {
    private static final Map<String, ElementClassInfo> CLASSES = Map.of(
            "InfiniteSource", new ElementClassInfo("InfiniteSource", "0/1", "a/ah", "x/x"),
            "Counter", new ElementClassInfo("Counter", "1/1", "a/a", "x/x"),
            "Discard", new ElementClassInfo("Discard", "1/0", "a/a", "x/x"));

    @Param({"10000"})
    public int elements;

    private String configuration;
    private FlatRouter flat;

    @Setup(Level.Trial)
    public void setUp() {
        StringBuilder text = new StringBuilder("src :: InfiniteSource(LIMIT 10);\n");
        for (int i = 0; i < elements; i++) {
            text.append('e').append(i).append(" :: Counter;\n");
        }
        text.append("sink :: Discard;\nsrc");
        for (int i = 0; i < elements; i++) {
            text.append(" -> e").append(i);
        }
        text.append(" -> sink;\n");
        configuration = text.toString();
        flat = parse();
    }

    private FlatRouter parse() {
        Diagnostics diagnostics = new Diagnostics();
        FlatRouter router = ClickLanguage.flatten(configuration, "big.click", Path.of("."), Map.of(), diagnostics);
        if (diagnostics.hasErrors() || router.elements().size() != elements + 2) {
            throw new IllegalStateException("bad benchmark configuration: " + diagnostics.messages());
        }
        return router;
    }

    /** Lexing, parsing, naming and flattening. */
    @Benchmark
    public FlatRouter parseAndFlatten() {
        return parse();
    }

    /** Port counts, push/pull resolution and completeness on the flat router. */
    @Benchmark
    public CheckedRouter check() {
        Diagnostics diagnostics = new Diagnostics();
        CheckedRouter checked = RouterChecks.check(flat, CLASSES::get, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException(diagnostics.messages().toString());
        }
        return checked;
    }
}
