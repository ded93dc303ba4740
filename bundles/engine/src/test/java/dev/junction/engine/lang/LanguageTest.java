package dev.junction.engine.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatRouter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Language features and error messages, one behaviour per test, checked against Click's wording. */
class LanguageTest {
    private static List<String> errors(String config) {
        Diagnostics d = new Diagnostics();
        ClickLanguage.flatten(config, "config", Path.of("."), Map.of(), d);
        return d.messages();
    }

    /** The connections and declarations of the flat text, without line directives, sorted like the tests. */
    private static List<String> flat(String config) {
        Diagnostics d = new Diagnostics();
        String text = ClickLanguage.flattenToText(config, "config", Path.of("."), Map.of(), d);
        assertEquals(List.of(), d.messages());
        List<String> lines = new ArrayList<>();
        for (String l : ClickTestFile.fix(text)) {
            if (!l.startsWith("#") && !l.isBlank()) {
                lines.add(l);
            }
        }
        return lines;
    }

    @Test
    void anonymousElementsCountAllElementsOfTheirScope() {
        assertEquals(List.of("Discard@3 :: Discard;", "Idle@1 -> x -> Discard@3;", "Idle@1 :: Idle;", "x :: Idle;"),
            flat("Idle -> x :: Idle -> Discard;"));
    }

    @Test
    void anonymousNameCollisionCountsUp() {
        assertEquals(List.of("Idle@1 :: Discard;", "Idle@2 :: Idle;"), flat("Idle; Idle@1 :: Discard;"));
    }

    @Test
    void declarationsSpreadOverCommaLists() {
        assertEquals(List.of("a :: Queue(5);", "b :: Queue(5);"), flat("a, b :: Queue(5);"));
    }

    @Test
    void compoundFormalsAndKeywords() {
        assertEquals(List.of("f/p :: Paint(1 2);"),
            flat("elementclass F { $a, COLOR $c | p :: Paint($a $c) } f :: F(1, COLOR 2);"));
        assertEquals(List.of("f/p :: Print(x, y, z);"),
            flat("elementclass F { $a, __REST__ $r | p :: Print($a, $r) } f :: F(x, y, z);"));
    }

    @Test
    void defineAndVariableForms() {
        assertEquals(List.of("i :: Idle(5 b b -d-);"), flatExpanded("define($x 5, $y a b c); i :: Idle($x ${y[1]} ${y[1]} -${z-d}-);"));
        assertEquals(List.of("define($x 5);", "i :: Idle($x);"), flat("define($x 5); i :: Idle($x);"));
    }

    private static List<String> flatExpanded(String config) {
        Diagnostics d = new Diagnostics();
        FlatRouter r = ClickLanguage.flatten(config, "config", Path.of("."), Map.of(), d);
        assertEquals(List.of(), d.messages());
        List<String> out = new ArrayList<>();
        r.elements().forEach(e -> out.add(e.name() + " :: " + e.className() + "(" + e.configuration() + ");"));
        return out;
    }

    @Test
    void commandLineDefinesOverride() {
        Diagnostics d = new Diagnostics();
        FlatRouter r = ClickLanguage.flatten("define($x 5); i :: Idle($x);", "config", Path.of("."), Map.of("x", "7"), d);
        assertEquals("7", r.elements().get(0).configuration());
    }

    @Test
    void overloadsPickByPortsAndExtensionFallsBack() {
        assertEquals(List.of("Idle@1 -> f/q;", "Idle@1 :: Idle;", "f/q :: Queue;"),
            flat("elementclass F { -> p :: Print -> || -> q :: Queue; } Idle -> f :: F;"));
    }

    @Test
    void noMatchListsCandidates() {
        assertEquals(List.of("config:1: no match for 'F[1 argument, 0 inputs, 0 outputs]'",
                "config:1: candidates are:", "config:1:   F[1 input, 1 output]"),
            errors("elementclass F { -> Print -> } f :: F(1);"));
    }

    @Test
    void groupsConnectThrough() {
        assertEquals(List.of("a -> c;", "a :: Idle;", "c :: Idle;"), flat("a :: Idle; a -> ( -> c :: Idle );"));
    }

    @Test
    void lineDirectivesInsideConfigurationStrings() {
        Diagnostics d = new Diagnostics();
        FlatRouter r = ClickLanguage.flatten("m :: Message(\n# 100 \"foobar.click\"\n\"test\");\nm2 :: Message(\"x\");",
            "A.click", Path.of("."), Map.of(), d);
        assertEquals("A.click:1", r.elements().get(0).landmark().toString());
        assertEquals("foobar.click:101", r.elements().get(1).landmark().toString());
        assertEquals("\n\n\"test\"", r.elements().get(0).configuration()); // the directive's newline stays, as in Click
    }

    @Test
    void quotedParenthesesStayInConfiguration() {
        assertEquals(List.of("m :: Message(\"a)b\", 'c(' /* ) */);"), flat("m :: Message(\"a)b\", 'c(' /* ) */);"));
    }

    @Test
    void requirementsArePrinted() {
        assertEquals(List.of("i :: Idle;", "require(package \"foo\", compact_config);"),
            flat("require(foo, compact_config); i :: Idle;"));
        assertEquals(List.of("config:1: syntax error at requirement"), errors("require(library a b);"));
    }

    @Test
    void libraryIsIncludedOnceRelativeToIncludingFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lib.click"), "elementclass L { -> Print -> }");
        Path main = dir.resolve("main.click");
        Files.writeString(main, "require(library lib.click); require(library lib.click); Idle -> L -> Discard;");
        Diagnostics d = new Diagnostics();
        FlatRouter r = ClickLanguage.flatten(Files.readString(main), main.toString(), dir, Map.of(), d);
        assertEquals(List.of(), d.messages());
        assertNotNull(r.elements().stream().filter(e -> e.name().equals("L@2/Print@1")).findAny().orElse(null));
    }

    @Test
    void errorsWithClickWording() {
        assertEquals(List.of("config:1: syntax error near '->'"), errors("->Null;"));
        assertEquals(List.of("config:1: redeclaration of element 'a'", "config:1: 'a' previously declared here"),
            errors("a :: Idle; a :: Idle;"));
        assertEquals(List.of("config:1: class 'Idle' used as element name"), errors("Idle :: Idle;"));
        assertEquals(List.of("config:1: syntax error: many-to-many connections require '=>'"),
            errors("a, b :: Idle; a [0,1] -> [0,1] b;"));
        assertEquals(List.of("config:1: syntax error: port number should be integer"), errors("a :: Idle; a [x] -> a;"));
        assertEquals(List.of("config:1: expected '}'"), errors("elementclass A { a :: Idle;"));
        assertEquals(List.of("config:1: unknown preprocessor directive"), errors("#foo\n"));
        assertEquals(List.of("config:1: element name '1' has all-digit component"), errors("1 :: Idle;"));
    }

    @Test
    void errorsAreReportedInOrderAndParsingGoesOn() {
        assertEquals(List.of("config:1: syntax error near '->'", "config:2: class 'Idle' used as element name",
            "config:3: syntax error near ']'"), errors("->Null;\nIdle :: Idle;\n]\nx :: Idle;"));
    }

    @Test
    void nestingLimitIsFifty() {
        String deep = "(".repeat(60) + ")".repeat(60);
        List<String> e = errors("Idle -> " + deep + " -> Discard;");
        assertTrue(e.contains("config:1: maximum element group nesting depth exceeded"), e.toString());
        assertEquals(List.of(), errors("Idle -> " + "(".repeat(48) + ")".repeat(48) + " -> Discard;").stream()
            .filter(m -> m.contains("maximum")).toList());
    }

    @Test
    void mismatchDetectorIsNotVacuous() {
        assertNotNull(ClickTestFile.mismatch(List.of("a :: Idle;"), List.of("b :: Idle;")));
        assertEquals(null, ClickTestFile.mismatch(List.of("P@{{\\d+}} :: P;"), List.of("P@12 :: P;")));
    }
}
