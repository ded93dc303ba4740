package dev.junction.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowCodeTest {
    /** Which outputs 0..outputs-1 input {@code input} reaches, as a string of 0 and 1. */
    private static String reach(String code, int input, int outputs) {
        FlowCode flow = FlowCode.parse(code);
        StringBuilder s = new StringBuilder();
        for (int out = 0; out < outputs; out++) {
            s.append(flow.reaches(input, out) ? '1' : '0');
        }
        return s.toString();
    }

    @Test
    void completeFlowReachesEverything() {
        assertEquals("1111", reach("x/x", 0, 4));
        assertEquals("1111", reach("x/x", 3, 4));
        assertEquals("111", reach("x", 1, 3));
        assertEquals("x/x", FlowCode.COMPLETE.toString());
        assertTrue(FlowCode.COMPLETE.reaches(2, 3));
    }

    @Test
    void differentLettersDoNotMatch() {
        assertEquals("000", reach("x/y", 0, 3));
    }

    @Test
    void lettersAreCaseSensitive() {
        assertEquals("0", reach("x/X", 0, 1));
    }

    @Test
    void clicksOwnExampleXyOverXxyx() {
        // element.cc: flow code "xy/xxyx" with 2 inputs and 4 outputs
        assertEquals("1101", reach("xy/xxyx", 0, 4));
        assertEquals("0010", reach("xy/xxyx", 1, 4));
    }

    @Test
    void arpQuerierOnlyFirstInputFlows() {
        assertEquals("11", reach("xy/x", 0, 2));
        assertEquals("00", reach("xy/x", 1, 2));
    }

    @Test
    void hashMatchesTheSamePortNumber() {
        assertEquals("100", reach("#/#", 0, 3));
        assertEquals("010", reach("#/#", 1, 3));
        assertEquals("001", reach("#/#", 2, 3));
        assertEquals("010", reach("##/##", 1, 3));
    }

    @Test
    void complementOfHashIsEveryOtherPort() {
        // EtherSwitch, Hub
        assertEquals("0111", reach("#/[^#]", 0, 4));
        assertEquals("1011", reach("#/[^#]", 1, 4));
    }

    @Test
    void bypassSecondInputReachesOnlyFirstOutput() {
        assertEquals("11", reach("xy/[xy]x", 0, 2));
        assertEquals("10", reach("xy/[xy]x", 1, 2));
    }

    @Test
    void bracketsMatchAnySharedLetter() {
        assertEquals("1", reach("[abz]/a", 0, 1));
        assertEquals("0", reach("[abz]/[cde]", 0, 1));
        assertEquals("10", reach("y/[xy]x", 0, 2));
    }

    @Test
    void hashInsideBracketsIsThePortNumber() {
        // "[x#][x#][x#]/x######" behaves like "[x#]/x#"
        assertEquals(reach("[x#]/x#", 2, 5), reach("[x#][x#][x#]/x######", 2, 5));
        assertEquals("00100", reach("[y#]/x#", 2, 5));
    }

    @Test
    void complementsMatchAsInClick() {
        assertEquals("0", reach("[^x]/x", 0, 1));
        assertEquals("1", reach("[^x]/y", 0, 1));
        // a complement holds every # that it does not exclude
        assertEquals("11", reach("[^x]/#", 0, 2));
        // and every character that is not a letter, so two complements always match
        assertEquals("1", reach("[^x]/[^y]", 0, 1));
        assertEquals("1", reach("[^#]/[^#]", 0, 1));
        assertEquals("0", reach("[]/[^]", 0, 1));
        assertEquals("1", reach("x/[^]", 0, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "''; missing or bad '/'",
        "x/; missing or bad '/'",
        "/x; missing or bad '/'",
        "x/[y; missing ']'",
        "x/x%; invalid character '%'",
        "x/[x%]; invalid character '%'",
        "x/x/x; invalid character '/'",
        "]/x; invalid character ']'",
        "^/x; invalid character '^'",
    })
    void rejectsMalformedCodesInClicksWords(String code, String reason) {
        CodeSyntaxException e = assertThrows(CodeSyntaxException.class, () -> FlowCode.parse(code));
        assertEquals(reason, e.reason());
        assertEquals("bad flow code '" + code + "': " + reason, e.getMessage());
    }

    @Test
    void printsAsWritten() {
        assertEquals("#/[^#]", FlowCode.parse("#/[^#]").toString());
        assertTrue(FlowCode.parse("x").reaches(0, 0));
        assertFalse(FlowCode.parse("x/y").reaches(0, 0));
    }
}
