package dev.junction.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortCountTest {
    private static final int MANY = PortRange.UNLIMITED;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // code; inputs; outputs
        "0/0; 0; 0",
        "1/1-2; 1; 1-2",
        "1-/1; 1-; 1",
        "-/-; -; -",
        "1/-6; 1; -6",
        "2-/-; 2-; -",
        "1-2/0; 1-2; 0",
        "3; 3; 3",
        "1-2; 1-2; 1-2",
        "'1/'; 1; 0",
    })
    void parsesRanges(String code, String inputs, String outputs) {
        PortCount count = PortCount.parse(code);
        assertEquals(inputs, count.inputs().toString());
        assertFalse(count.outputsFollowInputs());
        assertEquals(outputs, count.outputs().toString());
    }

    @Test
    void emptyStringIsNoPorts() {
        PortCount count = PortCount.parse("");
        assertEquals(new PortRange(0, 0), count.inputs());
        assertEquals(new PortRange(0, 0), count.outputs());
    }

    @Test
    void openRangesHaveNoUpperBound() {
        assertEquals(new PortRange(1, MANY), PortCount.parse("1-/1").inputs());
        assertEquals(new PortRange(0, 6), PortCount.parse("1/-6").outputs());
    }

    @Test
    void equalsSignMeansAsManyOutputsAsInputs() {
        PortCount count = PortCount.parse("-/=");
        assertTrue(count.outputsFollowInputs());
        assertEquals(0, count.outputsBeyondInputs());
        assertEquals(3, count.outputCount(1, 3));
        assertThrows(IllegalStateException.class, count::outputs);
    }

    @Test
    void eachPlusAddsAnOutput() {
        assertEquals(1, PortCount.parse("-/=+").outputsBeyondInputs());
        assertEquals(2, PortCount.parse("1-/=++").outputsBeyondInputs());
        assertEquals(5, PortCount.parse("-/=++").outputCount(0, 3));
    }

    @Test
    void countsAreMovedIntoRange() {
        PortCount queue = PortCount.parse("1/1-2");
        assertEquals(1, queue.inputCount(0));
        assertEquals(1, queue.inputCount(4));
        assertEquals(1, queue.outputCount(0, 1));
        assertEquals(2, queue.outputCount(5, 1));
        assertEquals(7, PortCount.parse("-/-").inputCount(7));
    }

    @Test
    void equalCodesAreEqual() {
        assertEquals(PortCount.parse("1"), PortCount.parse("1/1"));
        assertEquals(PortCount.parse("-/-"), PortCount.parse("0-/0-"));
        assertEquals(PortCount.parse("1/1").hashCode(), PortCount.parse("1").hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "/1", "1/x", "1//1", "1/1/1", "1-2-3", "2-1/1", "1/=x", "1/=+-", " 1/1", "1/1 ",
        "99999999999/1"})
    void rejectsMalformedCodes(String code) {
        CodeSyntaxException e = assertThrows(CodeSyntaxException.class, () -> PortCount.parse(code));
        assertTrue(e.getMessage().startsWith("bad port count '" + code + "': "), e.getMessage());
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals("unexpected 'x' at position 2", reason("1/x"));
        assertEquals("range 2-1 is empty", reason("2-1/1"));
        assertEquals("unexpected 'x' at position 3", reason("1/=x"));
        assertEquals("unexpected '/' at position 3", reason("1/1/1"));
        assertEquals("number too large at position 9", reason("99999999999/1"));
    }

    private static String reason(String code) {
        return assertThrows(CodeSyntaxException.class, () -> PortCount.parse(code)).reason();
    }

    @Test
    void printsAsWritten() {
        assertEquals("1/1-2", PortCount.parse("1/1-2").toString());
    }
}
