package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterArgumentsTest {
    private final FakeRouterManager manager = new FakeRouterManager();

    private RouterArguments.Target select(int min, int max, String... args) throws ShellException {
        return RouterArguments.select(manager, args, min, max, "cmd [ROUTER] X");
    }

    private String error(int min, int max, String... args) {
        return assertThrows(ShellException.class, () -> select(min, max, args)).getMessage();
    }

    @Test
    void withoutRouterTheOnlyOneRunningIsUsed() throws ShellException {
        FakeRouter only = manager.add(new FakeRouter("r1"));
        RouterArguments.Target target = select(1, 1, "c.count");
        assertSame(only, target.router());
        assertEquals(List.of("c.count"), target.words());
    }

    @Test
    void oneWordTooManyMakesTheFirstTheRouter() throws ShellException {
        manager.add(new FakeRouter("r1"));
        FakeRouter second = manager.add(new FakeRouter("r2"));
        RouterArguments.Target target = select(1, 1, "r2", "c.count");
        assertSame(second, target.router());
        assertEquals(List.of("c.count"), target.words());
        assertEquals("no router named 'r3'", error(1, 1, "r3", "c.count"));
    }

    @Test
    void withOpenEndedWordsARunningRoutersNameIsTheRouter() throws ShellException {
        manager.add(new FakeRouter("r1"));
        FakeRouter second = manager.add(new FakeRouter("r2"));
        assertSame(second, select(1, Integer.MAX_VALUE, "r2", "c.reset").router());
        assertEquals(List.of("c.reset"), select(1, Integer.MAX_VALUE, "r2", "c.reset").words());
        manager.routers.remove("r1");
        assertEquals(List.of("q.capacity", "10"), select(1, Integer.MAX_VALUE, "q.capacity", "10").words());
    }

    @Test
    void noneOrSeveralRoutersAreClearErrors() {
        assertEquals("no router is running: deploy one with junction:deploy FILE", error(0, 0));
        manager.add(new FakeRouter("a"));
        manager.add(new FakeRouter("b"));
        assertEquals("2 routers are running (a, b): name one", error(1, 1, "c.count"));
    }

    @Test
    void tooFewWordsIsTheUsage() {
        manager.add(new FakeRouter("r1"));
        assertEquals("usage: cmd [ROUTER] X", error(2, 2, "x"));
        assertEquals("usage: cmd [ROUTER] X", error(0, 0, "r1", "x"));
    }
}
