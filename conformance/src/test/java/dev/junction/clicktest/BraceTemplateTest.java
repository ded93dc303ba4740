package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BraceTemplateTest {

    private static boolean matches(String template, String line, boolean caseInsensitive) {
        return Pattern.compile(BraceTemplate.toRegex(template, true, caseInsensitive).regex()).matcher(line).matches();
    }

    @Test
    void literalTextMatchesExactly() {
        assertTrue(matches("a.b (c)", "a.b (c)", false));
        assertFalse(matches("a.b (c)", "aXb (c)", false));
    }

    @Test
    void bracedPartsAreRegexes() {
        assertTrue(matches("A: 1{{.*}}", "A: 1 anything", false));
        assertTrue(matches("Paint@{{\\d+}} :: Paint(1);", "Paint@12 :: Paint(1);", false));
        assertFalse(matches("Paint@{{\\d+}} :: Paint(1);", "Paint@x :: Paint(1);", false));
        assertTrue(matches("foo{{(bar)?}}", "foo", false));
        assertTrue(matches("foo{{(bar)?}}", "foobar", false));
        assertTrue(matches("{{a|b}}c", "bc", false));
        assertFalse(matches("{{a|b}}c", "ab", false));
    }

    @Test
    void caseInsensitivityAppliesOnlyInsideBraces() {
        assertTrue(matches("Err{{or}}", "ErrOR", true));
        assertFalse(matches("Err{{or}}", "ERRor", true));
        assertFalse(matches("Err{{or}}", "ErrOR", false));
    }

    @Test
    void commentsVanishWithSurroundingBlanks() {
        BraceTemplate.Converted converted = BraceTemplate.toRegex("foo   {{? sorted}}   bar{{? second }}", true, false);
        assertEquals("sorted second", converted.comment());
        assertTrue(Pattern.compile(converted.regex()).matcher("foobar").matches());
        assertNull(BraceTemplate.toRegex("plain", true, false).comment());
    }

    @Test
    void unclosedBracesAreLiteral() {
        assertTrue(matches("a {{b", "a {{b", false));
    }

    @Test
    void regexModeKeepsOutsideTextAsRegex() {
        String regex = BraceTemplate.toRegex("a+{{b|c}}", false, false).regex();
        assertTrue(Pattern.compile(regex).matcher("aaac").matches());
    }

    @Test
    void stripCommentsForIgnorex() {
        assertEquals("#.*", BraceTemplate.stripComments("#.*  {{? comment}} "));
    }

    @Test
    void whitespaceRemovalKeepsRegexes() {
        assertEquals("ab{{x y}}c", BraceTemplate.removeWhitespaceOutsideBraces(" a\tb {{x y}} c "));
        assertEquals("ab", BraceTemplate.removeWhitespace(" a \f\r\u000B b"));
    }

    @Test
    void posixClassesAreTranslated() {
        assertEquals("[\\p{Digit}x]+", PerlRegex.toJava("[[:digit:]x]+"));
        assertTrue(PerlRegex.compile(PerlRegex.toJava("[[:alpha:]]+"), false).matcher("abc").matches());
        assertTrue(PerlRegex.compile("abc", true).matcher("ABC").matches());
    }
}
