package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterGraphTest {
    /** click-flatten's output for a small router with a compound element and awkward configurations. */
    static final String FLAT = """
            require(package "x;y");

            define($RATE 10);

            # 1 "test.click"
            src :: InfiniteSource(DATA "a;b)c -> d", LIMIT $RATE);
            # 2 "test.click"
            cl :: Classifier(12/0800, -);
            # 3 "test.click"
            comp/q :: Queue((1 + 2) * 3);
            # 0 ""
            Counter@4 :: Counter;
            # 4 "test.click"
            d :: Discard;
            # 10 ""
            src -> cl
                -> comp/q
                -> Counter@4;
            cl [1] -> [0] d;
            Counter@4 -> [1] d;
            """;

    @Test
    void readsElementsAndEveryArrowOfTheChains() throws ShellException {
        RouterGraph graph = RouterGraph.readFlat(FLAT);
        assertEquals(List.of(new RouterGraph.Element("src", "InfiniteSource"),
                new RouterGraph.Element("cl", "Classifier"), new RouterGraph.Element("comp/q", "Queue"),
                new RouterGraph.Element("Counter@4", "Counter"), new RouterGraph.Element("d", "Discard")),
                graph.elements());
        assertEquals(List.of(new Connection("src", 0, "cl", 0), new Connection("cl", 0, "comp/q", 0),
                new Connection("comp/q", 0, "Counter@4", 0), new Connection("cl", 1, "d", 0),
                new Connection("Counter@4", 0, "d", 1)), graph.connections());
    }

    @Test
    void anEmptyConfigurationIsAnEmptyGraph() throws ShellException {
        assertEquals(new RouterGraph(List.of(), List.of()), RouterGraph.readFlat("# 1 \"\"\n"));
    }

    @Test
    void textThatIsNoFlatConfigurationIsAnError() {
        assertEquals("cannot read the flat configuration at 'a -> -> b'",
                assertThrows(ShellException.class, () -> RouterGraph.readFlat("a -> -> b;")).getMessage());
        assertThrows(ShellException.class, () -> RouterGraph.readFlat("a :: B(unclosed;"));
        assertThrows(ShellException.class, () -> RouterGraph.readFlat("a => b;"));
    }

    @Test
    void dotDrawsBoxesAndPortLabelledEdges() throws ShellException {
        assertEquals("""
                digraph "r1" {
                  rankdir=LR;
                  node [shape=box];
                  "src" [label="src :: InfiniteSource"];
                  "cl" [label="cl :: Classifier"];
                  "comp/q" [label="comp/q :: Queue"];
                  "Counter@4" [label="Counter@4 :: Counter"];
                  "d" [label="d :: Discard"];
                  "src" -> "cl" [taillabel="0", headlabel="0"];
                  "cl" -> "comp/q" [taillabel="0", headlabel="0"];
                  "comp/q" -> "Counter@4" [taillabel="0", headlabel="0"];
                  "cl" -> "d" [taillabel="1", headlabel="0"];
                  "Counter@4" -> "d" [taillabel="0", headlabel="1"];
                }
                """, DotWriter.write("r1", RouterGraph.readFlat(FLAT)));
    }

    @Test
    void dotQuotesNames() {
        RouterGraph graph = new RouterGraph(List.of(new RouterGraph.Element("a\"b", "C")), List.of());
        assertEquals("digraph \"x\\\\y\" {\n  rankdir=LR;\n  node [shape=box];\n"
                + "  \"a\\\"b\" [label=\"a\\\"b :: C\"];\n}\n", DotWriter.write("x\\y", graph));
    }
}
