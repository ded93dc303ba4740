package dev.junction.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ElementDocsTest {
    @ElementClass("Documented")
    @ElementDoc(
            synopsis = "Documented([LIMIT])",
            category = "basictransfer",
            summary = "passes packets on and counts them",
            description = """
                    Passes every packet from its input to its output.
                    It counts them on the way.""",
            arguments = @ElementDoc.Argument(name = "LIMIT", description = "Unsigned integer. Default 0."),
            handlers = @ElementDoc.Handler(name = "count", description = "Packets seen."),
            example = "Documented(10) -> Discard;",
            seeAlso = {"Counter", "Null"})
    public static final class Documented extends Element {
        @Override
        public String portCount() {
            return "1/1";
        }
    }

    public static final class Undocumented extends Element {
    }

    @Test
    void rendersEverySectionWithPortsFromTheClass() {
        String text = ElementDocs.format(Documented.class);
        assertTrue(text.startsWith("Documented -- passes packets on and counts them\n"), text);
        assertTrue(text.contains("\nSYNOPSIS\n    Documented([LIMIT])\n"), text);
        assertTrue(text.contains("\nPORTS\n    port count 1/1, processing a/a, flow x/x\n"), text);
        assertTrue(text.contains("    Passes every packet from its input to its output.\n    It counts them"), text);
        assertTrue(text.contains("\nKEYWORD ARGUMENTS\n  LIMIT\n      Unsigned integer. Default 0.\n"), text);
        assertTrue(text.contains("\nELEMENT HANDLERS\n  count (read-only)\n      Packets seen.\n"), text);
        assertTrue(text.contains("\nSEE ALSO\n    Counter, Null\n"), text);
    }

    @Test
    void saysWhenThereIsNoDocumentation() {
        assertEquals("Undocumented: no documentation (" + Undocumented.class.getName() + ")\n",
                ElementDocs.format(Undocumented.class));
    }
}
