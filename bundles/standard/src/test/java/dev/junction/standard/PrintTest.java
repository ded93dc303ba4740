package dev.junction.standard;

import static dev.junction.standard.TestRouter.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.junction.element.HandlerException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /** Runs {@code source} -> Print(config) -> sink until the source is done; returns what Print printed. */
    private String run(String source, String config) throws Exception {
        try (TestRouter router = new TestRouter()) {
            InfiniteSource infinite = router.add(new InfiniteSource(), "s", 0, 1, source);
            Print print = router.add(new Print(new PrintStream(printed, true, StandardCharsets.ISO_8859_1)),
                    "p", 1, 1, config);
            Sink sink = router.add(new Sink(), "k", 1, 0, "");
            connect(infinite, 0, print, 0);
            connect(print, 0, sink, 0);
            router.initialize(infinite, print, sink);
            router.runTasks(10);
            assertEquals(infinite.count(), sink.packets(), "every packet passes through");
            return printed.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void printsLengthAndHexInGroupsOfFourAsClickDoes() throws Exception {
        assertEquals("""
                  14 | 49206c6f 7665206d 7973656c 660a
                  14 | 49206c6f 7665206d 7973656c 660a
                """, run("DATA \"I love myself\\n\", LIMIT 2", ""));
    }

    @Test
    void labelsAndEmptyPackets() throws Exception {
        assertEquals("1:    0\n", run("DATA \"\", LIMIT 1", "1"));
    }

    @Test
    void maxLengthCutsTheBytesDefault24() throws Exception {
        assertEquals("x:   69 | 52616e64 6f6d2062 756c6c73 68697420 696e2061\n"
                + "x:   69 | 52616e64 6f6d2062 756c6c73 68697420 696e2061 20706163\n"
                + "x:   69 | 52616e64 6f6d2062 756c6c73 68697420 696e2061 20706163 6b65742c 20617420 "
                + "6c656173 74203634 20627974 6573206c 6f6e672e 2057656c 6c2c206e 6f772069 74206973 2e\n"
                + "x:   69\n",
                printEach("x, 20", "x", "x, -1", "x, 0"));
    }

    /** Prints one packet of InfiniteSource's default data with each configuration in turn. */
    private String printEach(String... configs) throws Exception {
        for (String config : configs) {
            run("LIMIT 1", config);
        }
        return printed.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void asciiGroupsOfEightWithDotsAndNone() throws Exception {
        assertEquals("a:   14 |  I love m yself.\n", run("DATA \"I love myself\\n\", LIMIT 1", "a, CONTENTS ascii"));
        printed.reset();
        assertEquals("n:   14\n", run("DATA \"I love myself\\n\", LIMIT 1", "n, CONTENTS NONE"));
        printed.reset();
        assertEquals("  14\n", run("DATA \"I love myself\\n\", LIMIT 1", "CONTENTS false"));
    }

    @Test
    void timestampAndHeadroom() throws Exception {
        // TestRouter's clock starts at 1,700,000,000 s on the wall clock; its pool has 64 bytes of headroom.
        assertEquals("t: 1700000000.000000:    3 (h64 t189) | 616263\n",
                run("DATA abc, LIMIT 1", "t, TIMESTAMP true, HEADROOM true"));
        printed.reset();
        assertEquals("0.000000:    3 | 616263\n", run("DATA abc, LIMIT 1, TIMESTAMP false", "TIMESTAMP true"));
    }

    @Test
    void timestampsPrintMicrosecondsOrNanosecondsAsClick() {
        assertEquals("1.500000", timestamp(1_500_000_000L));
        assertEquals("1.000000001", timestamp(1_000_000_001L));
        assertEquals("0.000001", timestamp(1_000L));
        assertEquals("-1.500000", timestamp(-1_500_000_000L));
        assertEquals("-2.000000", timestamp(-2_000_000_000L));
    }

    private static String timestamp(long nanos) {
        StringBuilder text = new StringBuilder();
        Print.appendTimestamp(text, nanos);
        return text.toString();
    }

    @Test
    void activeHandlerSilencesIt() throws Exception {
        try (TestRouter router = new TestRouter()) {
            Print print = router.add(new Print(new PrintStream(printed, true, StandardCharsets.ISO_8859_1)),
                    "p", 1, 1, "ACTIVE false");
            router.initialize(print);
            TestRouter.Handlers handlers = router.handlers(print);
            assertEquals("false", handlers.read("active"));
            handlers.write("active", "true");
            assertEquals("true", handlers.read("active"));
            assertEquals("expected boolean",
                    assertThrows(HandlerException.class, () -> handlers.write("active", "loud")).getMessage());
        }
        assertEquals("", run("LIMIT 2", "ACTIVE false"));
    }

    @Test
    void badArgumentsReadAsInClick() {
        assertEquals(List.of("bad contents value 'BINARY'; should be 'NONE', 'HEX', or 'ASCII'"),
                errors("CONTENTS binary"));
        assertEquals(List.of("MAXLENGTH: invalid number"), errors("x, many"));
        assertEquals(List.of("PRINTANNO: not supported: Junction's packet annotations have no byte layout"),
                errors("PRINTANNO true"));
        assertEquals(List.of("CPU: not supported: Junction's router threads are not processors"),
                errors("CPU true"));
        assertEquals(List.of("too many arguments"), errors("a, 1, 2"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new Print(), 1, 1, config);
    }
}
