package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.junction.router.ElementStatus;
import dev.junction.router.RouterException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as Gogo runs them: its tokenizer, option parsing and method selection, on a fake engine. */
class JunctionCommandsTest {
    /** The functions registered under scope junction (osgi.command.function of the component). */
    static final List<String> FUNCTIONS = List.of("deploy", "undeploy", "routers", "read", "write", "handlers",
            "elements", "classes", "bundles", "doc", "flatten", "swap", "add", "remove", "connect", "disconnect",
            "reconfigure", "edit", "dot", "top");

    private static ThreadIOImpl threadIO;

    @TempDir
    Path directory;

    private final FakeRouterManager manager = new FakeRouterManager();
    private CommandProcessorImpl processor;

    private record Output(String out, String err) {
    }

    @BeforeAll
    static void startThreadIO() {
        threadIO = new ThreadIOImpl();
        threadIO.start();
    }

    @AfterAll
    static void stopThreadIO() {
        threadIO.stop();
    }

    @BeforeEach
    void registerCommands() {
        processor = new CommandProcessorImpl(threadIO);
        JunctionCommands commands = new JunctionCommands(manager);
        FUNCTIONS.forEach(function -> processor.addCommand("junction", commands, function));
    }

    private Output run(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))) {
            session.currentDir(directory);
            session.execute(line);
        }
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void file(String name, String text) throws IOException {
        Files.writeString(directory.resolve(name), text);
    }

    private FakeRouter counters() {
        return manager.add(new FakeRouter("r1").element("c1", "Counter", "count", "5\n", "reset", null)
                .element("c2", "Counter", "count", "7\n"));
    }

    @Test
    void everyPublicMethodIsAFunctionWithHelpOnItAndItsParameters() {
        TreeSet<String> methods = new TreeSet<>();
        for (Method method : JunctionCommands.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            methods.add(method.getName());
            assertNotNull(method.getAnnotation(Descriptor.class), method.getName());
            for (Parameter parameter : method.getParameters()) {
                if (parameter.getType() != CommandSession.class) {
                    assertNotNull(parameter.getAnnotation(Descriptor.class), method.getName() + " " + parameter);
                }
            }
        }
        assertEquals(new TreeSet<>(FUNCTIONS), methods);
    }

    @Test
    void theComponentRegistersExactlyTheseFunctions() throws IOException {
        // bnd writes the component description before the tests run in the Maven build
        try (var xml = JunctionCommands.class.getResourceAsStream("/OSGI-INF/" + JunctionCommands.class.getName() + ".xml")) {
            assumeTrue(xml != null, "no DS component description: not built by bnd");
            String text = new String(xml.readAllBytes(), StandardCharsets.UTF_8);
            String start = "<property name=\"osgi.command.function\" type=\"String\">";
            int from = text.indexOf(start) + start.length();
            assertEquals(FUNCTIONS, List.of(text.substring(from, text.indexOf("</property>", from)).split("\n")));
        }
    }

    @Test
    void deployNamesTheRouterAfterTheFileAndPassesDefinitions() throws Exception {
        file("bridge.click", "src -> c;");
        assertEquals(new Output("deployed router 'bridge' (1 elements)\n", ""), run("deploy bridge.click RATE=10 X=a"));
        assertEquals("bridge.click", manager.deployed.get("bridge").fileName());
        assertEquals(Map.of("RATE", "10", "X", "a"), manager.deployed.get("bridge").definitions());
        assertEquals(new Output("hot-swapped router 'other' (1 elements)\n", ""),
                runTwice("deploy -n other bridge.click"));
    }

    private Output runTwice(String line) throws Exception {
        run(line);
        return run(line);
    }

    @Test
    void deployErrorsArePrintedOnePerLine() throws Exception {
        file("bad.click", "error here");
        assertEquals(new Output("", "bad.click:1: first error\nbad.click:2: second error\n"), run("deploy bad.click"));
        assertEquals(new Output("", "missing.click: no such file\n"), run("deploy missing.click"));
        assertEquals(new Output("", "expected NAME=value, got 'RATE'\n"), run("deploy bad.click RATE"));
    }

    @Test
    void routersAndUndeploy() throws Exception {
        assertEquals(new Output("no router is running\n", ""), run("routers"));
        counters();
        assertEquals(new Output("ROUTER  STATE    ELEMENTS\nr1      running         2\n", ""), run("routers"));
        assertEquals(new Output("undeployed router 'r1'\n", ""), run("undeploy r1"));
        assertEquals(new Output("", "no router named 'r1'\n"), run("undeploy r1"));
    }

    @Test
    void readOneHandlerOrAQuotedGlob() throws Exception {
        counters();
        assertEquals(new Output("c1.count: 5\n", ""), run("read c1.count"));
        assertEquals(new Output("c1.count: 5\nc2.count: 7\n", ""), run("read 'c*.count'"));
        assertEquals(new Output("c2.count: 7\n", ""), run("read r1 c2.count"));
        assertEquals(new Output("", "c1.reset: no readable handler 'c1.reset'\n"), run("read c1.reset"));
        assertEquals(new Output("", "no readable handler matches 'x*'\n"), run("read 'x*'"));
    }

    @Test
    void readPassesTheWordsAfterOneHandlerAsItsParameter() throws Exception {
        manager.add(new FakeRouter("r1").element("rt", "RadixIPLookup", "lookup", ""));
        assertEquals(new Output("rt.lookup: found 18.26.4.7\n", ""), run("read rt.lookup 18.26.4.7"));
        assertEquals(new Output("rt.lookup: found 18.26.4.7\n", ""), run("read r1 rt.lookup 18.26.4.7"));
        assertEquals(new Output("", "a parameter goes to one handler, not to a glob: 'rt.*'\n"),
                run("read 'rt.*' 18.26.4.7"));
    }

    @Test
    void routerMustBeNamedWhenSeveralRun() throws Exception {
        counters();
        manager.add(new FakeRouter("r2").element("c", "Counter", "count", "9"));
        assertEquals(new Output("", "2 routers are running (r1, r2): name one\n"), run("read c.count"));
        assertEquals(new Output("c.count: 9\n", ""), run("read r2 c.count"));
    }

    @Test
    void writeJoinsTheValuesWords() throws Exception {
        FakeRouter router = counters();
        assertEquals(new Output("", ""), run("write c1.reset"));
        assertEquals(new Output("", ""), run("write r1 q.capacity 10 20"));
        assertEquals(new Output("", "bad.x: value '1' refused\n"), run("write bad.x 1"));
        assertEquals(List.of("write c1.reset ''", "write q.capacity '10 20'"), router.calls);
    }

    @Test
    void handlersOfAnElementOrTheGlobalOnes() throws Exception {
        counters();
        assertEquals(new Output("HANDLER  ACCESS\ncount    rw\nreset    w\n", ""), run("handlers c1"));
        assertEquals(new Output("HANDLER  ACCESS\nversion  r\nstop     w\n", ""), run("handlers"));
        assertEquals(new Output("", "no element 'zz'\n"), run("handlers zz"));
    }

    @Test
    void liveEditsPrintTheSwap() throws Exception {
        FakeRouter router = counters();
        String swapped = "swapped in 12.3 us: 3 kept, 1 added, 0 removed\n";
        assertEquals(new Output(swapped, ""), run("add q Queue CAPACITY 10, BURST 2"));
        assertEquals(new Output(swapped, ""), run("connect c1[1] [2]q"));
        assertEquals(new Output(swapped, ""), run("connect r1 c1 1 q 0"));
        assertEquals(new Output(swapped, ""), run("disconnect c1 q"));
        assertEquals(new Output(swapped, ""), run("reconfigure q CAPACITY 5"));
        assertEquals(new Output(swapped, ""), run("remove q"));
        assertEquals(List.of("add q Queue 'CAPACITY 10, BURST 2'", "connect c1 1 q 2", "connect c1 1 q 0",
                "disconnect c1 0 q 0", "reconfigure q 'CAPACITY 5'", "remove q"), router.calls);
    }

    @Test
    void liveEditErrorsAreOneLineEach() throws Exception {
        FakeRouter router = counters();
        assertEquals(new Output("", "usage: connect [ROUTER] FROM[OUT] [IN]TO, or FROM OUT TO IN\n"), run("connect c1"));
        router.nextSwapFailure = new RouterException(List.of("config:3: 'q' has no input 2"));
        assertEquals(new Output("", "config:3: 'q' has no input 2\n"), run("connect c1 [0] [2] q"));
    }

    @Test
    void swapAndFlattenReadFilesFromTheSessionsDirectory() throws Exception {
        FakeRouter router = counters();
        file("new.click", "a -> b;");
        assertEquals(new Output("swapped in 12.3 us: 3 kept, 1 added, 0 removed\n", ""), run("swap new.click"));
        assertEquals(List.of("hotswap new.click a -> b;"), router.calls);
        assertEquals(new Output("flat new.click {N=1}\n", ""), run("flatten new.click N=1"));
    }

    @Test
    void classesBundlesAndDoc() throws Exception {
        manager.classes = ListingsTest.CLASSES;
        assertEquals(new Output("CLASS  BUNDLE                 PORTS  PROCESSING\nQueue  dev.junction.standard  1/1    h/l\n",
                ""), run("classes 'Q*'"));
        assertEquals(new Output("BUNDLE                 CLASSES\ndev.junction.standard        2\n"
                + "dev.junction.tunnels         1\n", ""), run("bundles"));
        assertEquals(new Output("Queue(CAPACITY)\n", ""), run("doc Queue"));
        assertEquals(new Output("VXLANEncap: no documentation\n", ""), run("doc VXLANEncap"));
        assertEquals(new Output("", "no element class 'Nope' (junction:classes lists them)\n"), run("doc Nope"));
    }

    @Test
    void elementsAndDot() throws Exception {
        FakeRouter router = counters();
        router.status = List.of(new ElementStatus("c1", "Counter", List.of(1L), List.of(1L), true, 0));
        router.flatConfiguration = "c1 :: Counter;\nc2 :: Counter;\nc1 -> c2;\n";
        assertEquals(new Output("ELEMENT  CLASS    STATE\nc1       Counter  orphaned\n", ""), run("elements"));
        assertEquals(new Output("""
                digraph "r1" {
                  rankdir=LR;
                  node [shape=box];
                  "c1" [label="c1 :: Counter"];
                  "c2" [label="c2 :: Counter"];
                  "c1" -> "c2" [taillabel="0", headlabel="0"];
                }
                """, ""), run("dot r1"));
    }

    @Test
    void topPrintsOneTablePerIteration() throws Exception {
        FakeRouter router = counters();
        router.status = List.of(new ElementStatus("c1", "Counter", List.of(4L), List.of(4L), false, 0));
        Output output = run("top -n 2 -i 0.01");
        assertEquals("", output.err());
        String[] lines = output.out().split("\n", -1);
        assertEquals(6, lines.length, output.out()); // header, row, blank line, header, row, and the final ""
        assertEquals("ELEMENT  CLASS    IN  OUT  IN/s  OUT/s  FAILURES  STATE", lines[0]);
        assertTrue(lines[1].matches("c1 +Counter +4 +4 +0 +0 +0"), lines[1]);
        assertEquals(List.of(lines[0], lines[1]), Arrays.asList(lines[3], lines[4]));
        assertEquals(new Output("", "top: ITERATIONS must be 0 or more and SECONDS more than 0\n"), run("top -i 0"));
    }
}
