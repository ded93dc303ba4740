package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptTraceTest {

    private static final String RAW = "\nclicktest_lineno:t:2\nfirst\n\nclicktest_lineno:t:3\npartial"
            + "\nclicktest_lineno:t:4\nclicktest_subtest s1\nlast words\n";

    @Test
    void markersAreRemoved() {
        assertEquals("first\npartial\nclicktest_subtest s1\nlast words\n", new ScriptTrace(RAW).withoutMarkers());
    }

    @Test
    void lastCommandAndItsOutput() {
        ScriptTrace trace = new ScriptTrace(RAW);
        assertEquals("t:4", trace.lastCommandLocation());
        assertEquals("clicktest_subtest s1\nlast words\n", trace.outputOfLastCommand());
        assertEquals(List.of("s1"), trace.subtests());
        assertEquals("s1", trace.currentSubtest());
    }

    @Test
    void noMarkers() {
        ScriptTrace trace = new ScriptTrace("plain\n");
        assertNull(trace.lastCommandLocation());
        assertEquals("plain\n", trace.withoutMarkers());
        assertNull(trace.currentSubtest());
    }

    @Test
    void writerEmitsMarkersBeforeEachCommand() {
        String script = ScriptWriter.write(List.of(new ShellCommand("echo 'it''s'", new Location("a b's", 7))));
        assertEquals(true, script.contains("echo >&2; echo 'clicktest_lineno:a b'\"'\"'s:7' >&2\necho 'it''s'\n"));
        assertEquals(true, script.contains("clicktest_subtest () {"));
    }
}
