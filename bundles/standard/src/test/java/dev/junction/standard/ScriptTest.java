package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.HandlerException;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.sched.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Script and DriverManager: instructions, expansions, functions, the driver's stop requests, PACKET scripts. */
class ScriptTest {
    private final PacketPool pool = PacketPool.create("script", 64, 256, 64);
    private final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private ScriptContext context;

    @AfterEach
    void close() {
        pool.close();
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private <S extends Script> S setUp(S script, int inputs, int outputs, String config) throws ConfigurationException {
        context = new ScriptContext(new StandaloneContext("s", pool, clock));
        script.attach(context, inputs, outputs);
        script.configure(Args.parse(config));
        script.initialize();
        script.addHandlers(context.handlers);
        return script;
    }

    private Script active(String config) throws ConfigurationException {
        Script script = setUp(new Script(out, err, null), 0, 0, config);
        runAll();
        return script;
    }

    /** Runs due timers and scheduled tasks until nothing is left to do now. */
    private void runAll() {
        for (int i = 0; i < 100; i++) {
            int fired = context.standalone.runTimers();
            boolean worked = context.standalone.runTasks();
            if (fired == 0 && !worked) {
                return;
            }
        }
    }

    @Test
    void activeScriptsRunAtInitializationUntilTheyWait() throws Exception {
        active("set x 0, label a, print \"x=$x\", set x $(add $x 1), goto a $(lt $x 3), wait 1s, print \"done\"");
        assertEquals("x=0\nx=1\nx=2\n", out());
        clock.advance(1_000_000_000L);
        runAll();
        assertEquals("x=0\nx=1\nx=2\ndone\n", out());
    }

    @Test
    void functionsComputeAsClicksDo() throws Exception {
        active("print $(add 1 2 3) $(sub 10 4) $(mul 2 3.5) $(div 7 2) $(idiv 7 2) $(mod 7 3) $(rem -7 3),"
                + "print $(neg 5) $(abs -5) $(min 3 1 2) $(max 3 1 2),"
                + "print $(eq 1 1) $(ne 1 1) $(lt 1 2) $(gt 1 2) $(le 2 2) $(ge 1 2) $(eq a a),"
                + "print $(not true) $(and true false) $(or false true) $(if true yes no) $(if false yes no),"
                + "print $(in b a b c) $(in d a b c) $(first x y z) $(length abcd),"
                + "print $(sprintf \"%05d|%-3s|%x|%%\" 42 ab 255),"
                + "print $(htons 1)");
        assertEquals("""
                6 6 7 3.5 3 1 -1
                -5 5 1 3
                true false true false true false true
                false false true yes no
                true false x 4
                00042|ab |ff|%
                256
                """, out());
    }

    @Test
    void handlerReadsAndWritesGoThroughTheRouter() throws Exception {
        context = null;
        Script script = new Script(out, err, null);
        ScriptContext wired = new ScriptContext(new StandaloneContext("s", pool, clock));
        wired.values.put("c.count", "17");
        script.attach(wired, 0, 0);
        script.configure(Args.parse("print c.count, print $(add $(c.count) 3), read c.count, write sw.switch 1,"
                + "print $?, write bogus.x 2, print $?"));
        context = wired;
        script.initialize();
        runAll();
        assertEquals("17\n20\n0\n0\n", out()); // a call to no element leaves $? as it was, as in Click
        assertTrue(err().startsWith("c.count:\n17\n"), err());
        assertTrue(err().contains("While executing 's :: Script':\n  While calling 'bogus.x 2':\n    no element named 'bogus'"),
                err());
        assertEquals(List.of("sw.switch=1"), wired.writes);
    }

    @Test
    void clicksScript04ArithmeticAndVariables() throws Exception {
        // Click's test/standard/Script-04.
        active("print $(add 1 2 3), print $(sub 10 2 2), print $(min 10 6 20), print $(max -1 6 3),"
                + "print $(mul 1 2 3), print $(div 75 2.5 5), print $(idiv 60 2 5), print $(htonl $(ntohl 6)),"
                + "print $(htons $(ntohs 6)), write set foovar foo bar baz, print $(shift foovar),"
                + "print $(shift foovar), print $(get foovar), stop");
        assertEquals("6\n6\n6\n6\n6\n6\n6\n6\n6\nfoo\nbar\nbaz\n", out());
        assertTrue(context.stopped, "stop asks the router to stop");
        assertEquals("", err());
    }

    @Test
    void printKeepsExpandedValuesExactly() throws Exception {
        active("setq v \"  a, b  \", print $v, print \"[$v]\", printn $v");
        assertEquals("  a, b  \n[  a, b  ]\n  a, b  ", out());
    }

    @Test
    void endlessLoopsGiveUpAsClicksScript03() throws Exception {
        active("label a, goto a");
        assertEquals("s :: Script: too many jumps, giving up\n", err());
    }

    @Test
    void anotherScriptsRunIsCalledWithArgumentsAsClicksScript02() throws Exception {
        Script other = new Script(out, err, null);
        ScriptContext otherContext = new ScriptContext(new StandaloneContext("o", pool, clock));
        other.attach(otherContext, 0, 0);
        other.configure(Args.parse("TYPE PASSIVE, returnq $1"));
        other.initialize();
        Script script = new Script(out, err, null);
        context = new ScriptContext(new StandaloneContext("s", pool, clock));
        context.others.put("o", other);
        script.attach(context, 0, 0);
        script.configure(Args.parse("printn $(length $(o.run \"\\<41 09 42>\")), readq length \"\\<0a 09 01>\""));
        script.initialize();
        runAll();
        assertEquals("3", out());
        assertEquals("s.length:\n3\n", err());
    }

    @Test
    void passiveScriptsStepThroughTheirHandlers() throws Exception {
        Script script = setUp(new Script(out, err, null), 0, 0,
                "TYPE PASSIVE, print \"one\", pause, print \"two\", pause, print \"three\", label l, print \"four\"");
        assertEquals("", out());
        context.handlers.write("step", ""); // a passive script's first step runs to its second pause
        assertEquals("one\ntwo\n", out());
        context.handlers.write("step", "1");
        assertEquals("one\ntwo\nthree\nfour\n", out());
        context.handlers.write("goto", "l");
        assertEquals("one\ntwo\nthree\nfour\nfour\n", out());
        assertThrows(HandlerException.class, () -> context.handlers.write("goto", "nowhere"));
        assertEquals(Script.Type.PASSIVE, script.type());
    }

    @Test
    void runReturnsValuesAndExportsAreHandlers() throws Exception {
        setUp(new Script(out, err, null), 0, 0,
                "TYPE PASSIVE, export n 5, set n $(add $n $1), return $(mul $n 2)");
        assertEquals("5", context.handlers.read("n"));
        context.handlers.write("run", "3");
        assertEquals("8", context.handlers.read("n"));
        assertEquals("16", context.handlers.read("run")); // no arguments: $1 is empty, n + 0
        assertEquals("8", context.handlers.read("n"));
    }

    @Test
    void badInstructionsAndTypesAreConfigurationErrors() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> setUp(new Script(out, err, null), 0, 0, "frob x, goto nowhere, label, set x"));
        assertEquals(List.of("syntax error at 'frob'", "syntax error at 'label'", "syntax error at 'set'",
                "no such label 'nowhere'"), e.errors());
        assertEquals(List.of("bad TYPE"), assertThrows(ConfigurationException.class,
                () -> setUp(new Script(out, err, null), 0, 0, "TYPE FOO")).errors());
        assertEquals(List.of("ports allowed only on PACKET scripts"), assertThrows(ConfigurationException.class,
                () -> setUp(new Script(out, err, null), 1, 1, "TYPE ACTIVE")).errors());
    }

    @Test
    void theDriverStepsOnStopRequestsAndThenStopsTheRouter() throws Exception {
        DriverManager driver = setUp(new DriverManager(out, err), 0, 0, "wait_stop, print \"first\", wait_stop, print \"second\"");
        assertEquals(Script.Type.DRIVER, driver.type());
        runAll(); // the initial step runs to the first wait_stop
        assertEquals("", out());
        assertFalse(context.stopped);
        context.requestStop();
        runAll();
        assertEquals("first\n", out());
        assertFalse(context.stopped);
        context.requestStop();
        runAll();
        assertEquals("first\nsecond\n", out());
        assertTrue(context.stopped, "the script ended: the router stops");
    }

    @Test
    void anEmptyDriverWaitsForOneStopRequest() throws Exception {
        setUp(new DriverManager(out, err), 0, 0, "");
        runAll();
        assertFalse(context.stopped);
        context.requestStop();
        runAll();
        assertTrue(context.stopped);
    }

    @Test
    void aDriverStopInstructionStopsAtOnceAndWaitTimeWaits() throws Exception {
        setUp(new DriverManager(out, err), 0, 0, "stop");
        runAll();
        assertTrue(context.stopped);
        setUp(new DriverManager(out, err), 0, 0, "wait 2s, print \"late\"");
        runAll();
        assertFalse(context.stopped);
        clock.advance(2_000_000_000L);
        runAll();
        assertEquals("late\n", out());
        assertTrue(context.stopped);
    }

    @Test
    void packetScriptsSendEachPacketWhereTheirReturnValueSays() throws Exception {
        Script script = new Script(out, err, null);
        context = new ScriptContext(new StandaloneContext("s", pool, clock));
        script.attach(context, 1, 2);
        Sink zero = new Sink();
        Sink one = new Sink();
        StandaloneContext.attach(zero, "zero", pool, 1, 0);
        StandaloneContext.attach(one, "one", pool, 1, 0);
        TestRouter.connect(script, 0, zero, 0);
        TestRouter.connect(script, 1, one, 0);
        script.configure(Args.parse("init n 0, set n $(add $n 1), goto odd $(eq $(mod $n 2) 1), end, label odd,"
                + "write sw.switch $n, return 1"));
        script.initialize();
        assertEquals(Script.Type.PACKET, script.type());
        PacketBatch batch = new PacketBatch();
        for (int i = 0; i < 5; i++) {
            batch.add(pool.allocate());
        }
        script.push(0, batch);
        assertEquals(2, zero.packets());
        assertEquals(3, one.packets());
        assertEquals(List.of("sw.switch=1", "sw.switch=3", "sw.switch=5"), context.writes);
        assertEquals(pool.capacity(), pool.available() + 0, "every packet went to a sink, which freed it");
    }

    /** An element context with handlers to read, a record of writes, and a stop-request driver. */
    private static final class ScriptContext extends DelegatingContext {
        final TestRouter.Handlers handlers = new TestRouter.Handlers();
        final Map<String, String> values = new HashMap<>();
        final List<String> writes = new ArrayList<>();
        final Map<String, Element> others = new HashMap<>();
        Runnable driver;
        boolean stopped;

        ScriptContext(StandaloneContext standalone) {
            super(standalone);
        }

        void requestStop() {
            if (driver != null) {
                driver.run();
            } else {
                stopped = true;
            }
        }

        @Override
        public Element element(String name) {
            if (others.containsKey(name)) {
                return others.get(name);
            }
            return name.equals("c") || name.equals("sw")
                    ? StandaloneContext.attach(new Null(), name, standalone.packetPool(), 1, 1) : null;
        }

        @Override
        public String readHandler(String handler) throws HandlerException {
            String value = values.get(handler);
            if (value == null) {
                throw new HandlerException("no '" + handler + "' read handler");
            }
            return value;
        }

        @Override
        public void writeHandler(String handler, String value) {
            if (handler.equals("stop")) {
                requestStop();
            } else {
                writes.add(handler + "=" + value);
            }
        }

        @Override
        public boolean takeStopRequests(Runnable onStopRequest) {
            if (driver != null) {
                return false;
            }
            driver = onStopRequest;
            return true;
        }

        @Override
        public void stopRouter() {
            stopped = true;
        }
    }
}
