package dev.junction.engine.lang;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.check.RouterChecks;
import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.ElementClassInfo;
import dev.junction.engine.graph.FlatRouter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws random token soups and mutated configurations at the language: it must never throw, never hang,
 * and report problems only through Diagnostics.
 */
class FuzzTest {
    private static final long SEED = 20240611L;
    private static final String[] TOKENS = {"a", "b", "Idle", "Foo", "->", "=>", "::", "||", "...", "(", ")", "{",
        "}", "[", "]", "[0]", "[1-3]", "[]", "[2,]", ",", ";", "|", "$a", "${a-x}", "${a[1]}", "elementclass",
        "require", "define", "provide", "input", "output", "\"", "'", "/*", "*/", "//", "\n", "\n# 5 \"f\"\n", "#",
        "-", "0", "library", "package", "__REST__", "KEY", "\\<", ">", "@", "a/b", " "};

    private static final List<String> SAMPLES = List.of(
        "elementclass Foo { $a, K $k | input -> p :: Paint($a $k) -> output; || -> Print -> } f :: Foo(1, K 2);",
        "a, b, c :: Idle; a [0,1,2] => (-> c), (-> b), d :: Idle; c [] => [] b;",
        "define($x 1); q :: Queue($x); Idle -> { -> [0] Print($x) -> } -> q -> Discard;",
        "elementclass A { B :: C; } elementclass A { ... || -> X -> } require(package p); A -> A;");

    // Classes with every shape of port count and processing, so fuzzed routers reach every check.
    private static final Map<String, ElementClassInfo> CLASSES = Map.of(
        "Idle", new ElementClassInfo("Idle", "-/-", "a/a", "x/y"),
        "Print", new ElementClassInfo("Print", "1/1", "a/a", "x/x"),
        "Queue", new ElementClassInfo("Queue", "1/1", "h/l", "x/x"),
        "Paint", new ElementClassInfo("Paint", "1/1", "a/a", "x/x"),
        "Discard", new ElementClassInfo("Discard", "1/0", "a/a", "x/x"),
        "Foo", new ElementClassInfo("Foo", "1-2/=+", "ah/la", "#/#"));

    private static void parse(String text) {
        Diagnostics d = new Diagnostics();
        FlatRouter r = ClickLanguage.flatten(text, "fuzz", Path.of("."), Map.of(), d);
        ClickLanguage.print(r);
        if (!d.hasErrors()) {
            RouterChecks.check(r, CLASSES::get, d);
        }
        ClickLanguage.flattenToText(text, "fuzz", Path.of("."), Map.of("a", "1"), new Diagnostics());
    }

    private static List<String> corpus() throws IOException {
        List<String> corpus = new ArrayList<>(SAMPLES);
        Path dir = ClickTestFile.CONFORMANCE;
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    corpus.addAll(ClickTestFile.read(p).files().values());
                }
            }
        }
        return corpus;
    }

    @Test
    void tokenSoupsNeverThrowOrHang() {
        Random random = new Random(SEED);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            String text = sb.toString();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(text), () -> "hangs on: " + text);
        }
    }

    @Test
    void mutatedConfigurationsNeverThrowOrHang() throws IOException {
        Random random = new Random(SEED);
        List<String> corpus = corpus();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && !sb.isEmpty(); m++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, sb.charAt(at));
                    default -> {
                        int other = random.nextInt(sb.length());
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(other));
                        sb.setCharAt(other, c);
                    }
                }
            }
            String text = sb.toString();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(text), () -> "hangs on: " + text);
        }
    }

    @Test
    void tenThousandElementsParseQuickly() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("e").append(i).append(" :: Counter;\n");
        }
        for (int i = 0; i + 1 < 10_000; i++) {
            sb.append("e").append(i).append(" -> e").append(i + 1).append(";\n");
        }
        String text = sb.toString();
        long start = System.nanoTime();
        FlatRouter r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Diagnostics d = new Diagnostics();
            FlatRouter flat = ClickLanguage.flatten(text, "big", Path.of("."), Map.of(), d);
            ClickLanguage.print(flat);
            return flat;
        });
        assertTrue(r.elements().size() == 10_000 && r.connections().size() == 9_999,
            "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
