package dev.junction.engine.check;

import static dev.junction.engine.check.Processing.AGNOSTIC;
import static dev.junction.engine.check.Processing.PULL;
import static dev.junction.engine.check.Processing.PUSH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessingCodeTest {
    @Test
    void lastLetterRepeats() {
        ProcessingCode code = ProcessingCode.parse("a/ah");
        assertEquals(AGNOSTIC, code.input(0));
        assertEquals(AGNOSTIC, code.input(5));
        assertEquals(AGNOSTIC, code.output(0));
        assertEquals(PUSH, code.output(1));
        assertEquals(PUSH, code.output(9));
    }

    @Test
    void lettersArePerPort() {
        ProcessingCode code = ProcessingCode.parse("hl/hlh");
        assertEquals(PUSH, code.input(0));
        assertEquals(PULL, code.input(1));
        assertEquals(PULL, code.input(2));
        assertEquals(PUSH, code.output(0));
        assertEquals(PULL, code.output(1));
        assertEquals(PUSH, code.output(2));
        assertEquals(PUSH, code.output(3));
    }

    @Test
    void withoutSlashBothSidesShareTheLetters() {
        ProcessingCode code = ProcessingCode.parse("l");
        assertEquals(PULL, code.input(0));
        assertEquals(PULL, code.output(3));
        assertEquals(ProcessingCode.parse("l/l"), code);
    }

    @Test
    void capitalsMeanTheSame() {
        assertEquals(ProcessingCode.parse("h/l"), ProcessingCode.parse("H/L"));
        assertEquals(ProcessingCode.AGNOSTIC, ProcessingCode.parse("A"));
    }

    @Test
    void extraLettersDoNotMatter() {
        assertEquals(ProcessingCode.parse("h/l"), ProcessingCode.parse("hhh/ll"));
        assertEquals(ProcessingCode.parse("h/l").hashCode(), ProcessingCode.parse("hhh/ll").hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/h", "h/", "x", "h/q", "h/l/h", "h /l"})
    void rejectsMalformedCodes(String code) {
        CodeSyntaxException e = assertThrows(CodeSyntaxException.class, () -> ProcessingCode.parse(code));
        assertTrue(e.getMessage().startsWith("bad processing code '" + code + "': "), e.getMessage());
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals("invalid character 'q' at position 2",
                assertThrows(CodeSyntaxException.class, () -> ProcessingCode.parse("h/q")).reason());
        assertEquals("no output letters",
                assertThrows(CodeSyntaxException.class, () -> ProcessingCode.parse("h/")).reason());
    }

    @Test
    void wordsAreClicks() {
        assertEquals("push", PUSH.word());
        assertEquals("pull", PULL.word());
        assertEquals("agnostic", AGNOSTIC.word());
    }
}
