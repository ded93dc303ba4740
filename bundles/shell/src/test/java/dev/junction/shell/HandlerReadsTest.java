package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.HandlerException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerReadsTest {
    private final FakeRouter router = new FakeRouter("r")
            .element("c1", "Counter", "count", "5", "reset", null)
            .element("c2", "Counter", "count", "7")
            .element("q", "Queue", "length", "0", "count", "1");

    @Test
    void globMatchesReadableElementHandlersInOrderThenGlobals() throws HandlerException {
        assertEquals(List.of("c1.count", "c2.count"), HandlerReads.matching(router, Glob.of("c*.count")));
        assertEquals(List.of("c1.count", "c2.count", "q.count"), HandlerReads.matching(router, Glob.of("*.count")));
        assertEquals(List.of("version"), HandlerReads.matching(router, Glob.of("v*")));
        assertEquals(List.of(), HandlerReads.matching(router, Glob.of("*.reset")));
    }

    @Test
    void oneLineValuesFollowTheNameSeveralGoBelowIt() {
        assertEquals("c.count: 5\n", HandlerReads.format("c.count", "5\n"));
        assertEquals("c.count: \n", HandlerReads.format("c.count", ""));
        assertEquals("handlers:\nname\tr\nclass\tr\n", HandlerReads.format("handlers", "name\tr\nclass\tr\n"));
    }
}
