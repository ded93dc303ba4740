package dev.junction.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArgsTest {
    /** The errors complete() reports, or an empty list if it passes. */
    private static List<String> completionErrors(Args args) {
        try {
            args.complete();
            return List.of();
        } catch (ConfigurationException e) {
            assertEquals(String.join("\n", e.errors()), e.getMessage());
            return e.errors();
        }
    }

    @Nested
    class Split {
        @Test
        void splitsAtCommasAndTrims() {
            assertEquals(List.of("a", "b", "c"), Args.split("a, b, c"));
            assertEquals(List.of("a  b", "c"), Args.split("  a  b  ,c\t"));
        }

        @Test
        void emptyConfigurationsHaveNoArguments() {
            assertEquals(List.of(), Args.split(""));
            assertEquals(List.of(), Args.split("   \n "));
            assertEquals(List.of(), Args.split("/* only a comment */ // and another"));
        }

        @Test
        void onlyAFinalEmptyArgumentIsDropped() {
            assertEquals(List.of("a"), Args.split("a,"));
            assertEquals(List.of("a"), Args.split("a, "));
            assertEquals(List.of("", "a"), Args.split(",a"));
            assertEquals(List.of("a", "", "b"), Args.split("a,,b"));
            assertEquals(List.of(""), Args.split(","));
            assertEquals(List.of("", ""), Args.split(", ,"));
        }

        @Test
        void quotesAndHexBlocksProtectCommasButParenthesesDoNot() {
            assertEquals(List.of("\"x, y\""), Args.split("\"x, y\" // ?"));
            assertEquals(List.of("'x, y'", "z"), Args.split("'x, y', z"));
            assertEquals(List.of("\"a\\\", b\"", "c"), Args.split("\"a\\\", b\", c"));
            assertEquals(List.of("\\<41, 42>", "c"), Args.split("\\<41, 42>, c"));
            assertEquals(List.of("f(a", "b)"), Args.split("f(a, b)"));
            assertEquals(List.of("{a", "b}"), Args.split("{a, b}"));
        }

        @Test
        void commentsBecomeOneSpaceBetweenWords() {
            assertEquals(List.of("a b", "c"), Args.split("  a /*?*/ b,  c, "));
            assertEquals(List.of("a b"), Args.split("a /* , */ b"));
            assertEquals(List.of("a b"), Args.split("a/**/b"));
            assertEquals(List.of("a", "b"), Args.split("a // comment, x\n, b"));
            assertEquals(List.of("a", "b"), Args.split("a // comment\r\n, b"));
            assertEquals(List.of("\" /*??? */ \""), Args.split("  \" /*??? */ \"  "));
            assertEquals(List.of("a"), Args.split("a /* unterminated, b"));
        }
    }

    @Nested
    class Quoting {
        @Test
        void unquotesAsClickDoes() {
            assertEquals("\n abc /* def */", Args.unquote("\"\\n\" abc /* 123 */ '/* def */'"));
            assertEquals("a\tb\\c\"d$e,f'g", Args.unquote("\"a\\tb\\\\c\\\"d\\$e\\,f\\'g\""));
            assertEquals("\u0007\b\f\r\u000B", Args.unquote("\"\\a\\b\\f\\r\\v\""));
            assertEquals("plain", Args.unquote("plain"));
            assertEquals("abc", Args.unquote("\"abc"));
            assertEquals("ab", Args.unquote("\"a\\\nb\""));
            assertEquals("ab", Args.unquote("\"a\\\r\nb\""));
            assertEquals("a\\nb", Args.unquote("a\\nb"));
            assertEquals("\\n", Args.unquote("'\\n'"));
            assertEquals("it's", Args.unquote("\"it's\""));
        }

        @Test
        void octalAndHexEscapes() {
            assertEquals("A\u0007", Args.unquote("\"\\101\\7\""));
            assertEquals("\u00001", Args.unquote("\"\\0001\""));
            assertEquals("\u00FF", Args.unquote("\"\\777\""));
            assertEquals("Ag", Args.unquote("\"\\x41g\""));
            assertEquals("\u00FF", Args.unquote("\"\\xff\""));
            assertEquals("\u0000z", Args.unquote("\"\\xz\""));
        }

        @Test
        void hexBlocks() {
            assertEquals("Hello", Args.unquote("\\<48 65 6c 6c 6f>"));
            assertEquals("Hello!", Args.unquote("\\<48656c6C 6f 2 /* And finally */ 1>"));
            assertEquals("He", Args.unquote("\"\\<48 65>\""));
            assertEquals("\\<48>", Args.unquote("'\\<48>'"));
            assertEquals("x\u0000\u00FFy", Args.unquote("x\\<00 ff>y"));
            assertEquals("", Args.unquote("\\<4>"));
            assertEquals("H", Args.unquote("\\<48"));
        }

        @Test
        void quotesAlwaysInDoubleQuotes() {
            assertEquals("\"\"", Args.quote(""));
            assertEquals("\"abc\"", Args.quote("abc"));
            assertEquals("\"a\\\"b\\\\c\\$d\"", Args.quote("a\"b\\c$d"));
            assertEquals("\"\\t\\r\\n\"", Args.quote("\t\r\n"));
            assertEquals("\"\\001\\177\\377\"", Args.quote("\u0001\u007F\u00FF"));
            assertEquals("\"caf\\351\u4e2d\"", Args.quote("caf\u00e9\u4e2d"));
        }

        @Test
        void unquoteUndoesQuote() {
            StringBuilder everyByte = new StringBuilder();
            for (char c = 0; c < 256; c++) {
                everyByte.append(c);
            }
            for (String text : List.of("", "a b, c", "/* not a comment */", "'single'", everyByte.toString(), "\u4e2d\u6587")) {
                assertEquals(text, Args.unquote(Args.quote(text)));
            }
        }

        @Test
        void wordsSplitAtSpacesOutsideQuotes() {
            assertEquals(List.of("a", "b,", "c"), Args.words("a  b, c"));
            assertEquals(List.of("'a /*?*/ b'c"), Args.words("  'a /*?*/ b'c"));
            assertEquals(List.of("a", "b"), Args.words("a/*x*/b"));
            assertEquals(List.of("\"a b\"", "c"), Args.words("\"a b\" c"));
            assertEquals(List.of("\\<41 42>", "c"), Args.words("\\<41 42> c"));
            assertEquals(List.of(), Args.words(""));
            assertEquals(List.of(), Args.words("  // nothing"));
        }
    }

    @Nested
    class Keywords {
        @Test
        void anIdentifierFollowedBySpaceAndAValueIsAKeywordArgument() {
            Args args = Args.parse("CAPACITY 10, A:B.C?! x, _X 1, lower case");
            assertEquals(10, args.read("CAPACITY", ArgTypes.INTEGER, 0));
            assertEquals("x", args.read("A:B.C?!", ArgTypes.ANY, null));
            assertEquals(1, args.read("_X", ArgTypes.INTEGER, 0));
            assertEquals("case", args.read("lower", ArgTypes.ANY, null));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void otherArgumentsArePositional() {
            Args args = Args.parse("10 20, CAPACITY, 1A x, A-B x, \"Q 1\", CAPACITY\t");
            assertEquals("10 20", args.readPositional("A", ArgTypes.ANY, null));
            assertEquals("CAPACITY", args.readPositional("B", ArgTypes.ANY, null));
            assertEquals("1A x", args.readPositional("C", ArgTypes.ANY, null));
            assertEquals("A-B x", args.readPositional("D", ArgTypes.ANY, null));
            assertEquals("Q 1", args.readPositional("E", ArgTypes.STRING, null));
            assertEquals("CAPACITY", args.readPositional("F", ArgTypes.ANY, null));
            assertFalse(args.has("CAPACITY"));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void anOptionalPositionalReadDoesNotTakeAKeywordLookingArgument() {
            Args args = Args.parse("hello world"); // Click's Print(hello world)
            assertEquals("", args.readPositional("LABEL", ArgTypes.ANY, ""));
            assertEquals(List.of("hello: unknown argument"), completionErrors(args));
        }

        @Test
        void aMandatoryPositionalReadDoes() {
            Args args = Args.parse("hello world");
            assertEquals("hello world", args.requirePositional("LABEL", ArgTypes.ANY));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void keywordsMustNotStartWithADigit() {
            Args args = Args.parse("");
            args.read("1X", ArgTypes.INTEGER, 0);
            assertEquals(List.of("1X: keywords must start with a letter or underscore"), args.errors());
        }
    }

    @Nested
    class Reading {
        @Test
        void absentArgumentsGiveTheirDefault() {
            Args args = Args.parse("");
            assertEquals(7, args.read("A", ArgTypes.INTEGER, 7));
            assertEquals(8, args.readPositional("B", ArgTypes.INTEGER, 8));
            assertTrue(args.ok());
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void positionalArgumentsAreTakenInOrder() {
            Args args = Args.parse("1, 2");
            assertEquals(1, args.requirePositional("A", ArgTypes.INTEGER));
            assertEquals(2, args.readPositional("B", ArgTypes.INTEGER, 0));
            assertEquals(0, args.readPositional("C", ArgTypes.INTEGER, 0));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void positionalOrKeyword() {
            Args args = Args.parse("1, B 2");
            assertEquals(1, args.readPositional("A", ArgTypes.INTEGER, 0));
            assertEquals(2, args.readPositional("B", ArgTypes.INTEGER, 0));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void theKeywordWinsOverThePositionalArgumentAndUsesItUp() {
            Args args = Args.parse("5, A 7");
            assertEquals(7, args.readPositional("A", ArgTypes.INTEGER, 0));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void positionalArgumentsMustComeBeforeKeywords() {
            Args args = Args.parse("A 1, 2");
            assertEquals(1, args.readPositional("A", ArgTypes.INTEGER, 0));
            assertEquals(0, args.readPositional("B", ArgTypes.INTEGER, 0));
            assertEquals(List.of("too many arguments"), completionErrors(args));
        }

        @Test
        void theLastOfARepeatedKeywordCounts() {
            Args args = Args.parse("A 1, A 2");
            assertEquals(2, args.read("A", ArgTypes.INTEGER, 0));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void readAllTakesEveryOccurrenceInOrder() {
            Args args = Args.parse("A 1, B 2, A 3, A 4   , A 5");
            assertEquals(List.of(1, 3, 4, 5), args.readAll("A", ArgTypes.INTEGER));
            assertEquals(2, args.read("B", ArgTypes.INTEGER, 0));
            assertEquals(List.of(), args.readAll("C", ArgTypes.INTEGER));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void readAllReportsAndSkipsBadValues() {
            Args args = Args.parse("ROUTE 10/8, ROUTE x, ROUTE 12/8");
            assertEquals(2, args.readAll("ROUTE", ArgTypes.IPV4_PREFIX).size());
            assertEquals(List.of("ROUTE: parse error"), completionErrors(args));
        }

        @Test
        void mandatoryArgumentsMissing() {
            Args args = Args.parse("");
            assertNull(args.requirePositional("CAPACITY", ArgTypes.INTEGER));
            assertNull(args.require("RATE", ArgTypes.BANDWIDTH));
            assertEquals(List.of("CAPACITY: required argument missing", "RATE: required argument missing"),
                    completionErrors(args));
        }

        @Test
        void anEmptyArgumentIsAbsent() {
            Args optional = Args.parse(", 2");
            assertEquals(9, optional.readPositional("A", ArgTypes.INTEGER, 9));
            assertEquals(2, optional.readPositional("B", ArgTypes.INTEGER, 0));
            assertEquals(List.of(), completionErrors(optional));

            Args mandatory = Args.parse(", 2");
            assertNull(mandatory.requirePositional("A", ArgTypes.INTEGER));
            assertEquals(2, mandatory.requirePositional("B", ArgTypes.INTEGER));
            assertEquals(List.of("A: required argument missing"), completionErrors(mandatory));
        }

        @Test
        void hasDoesNotConsume() {
            Args args = Args.parse("A 1");
            assertTrue(args.has("A"));
            assertFalse(args.has("B"));
            assertFalse(args.has(""));
            assertEquals(List.of("A: unknown argument"), completionErrors(args));
        }

        @Test
        void hasSeesArgumentsAlreadyRead() {
            Args args = Args.parse("A 1");
            args.read("A", ArgTypes.INTEGER, 0);
            assertTrue(args.has("A"));
        }

        @Test
        void remainingPositionalTakesEverythingLeft() {
            Args args = Args.parse("MAX 4, 12/0800, src host 1.2.3.4, -");
            assertEquals(4, args.read("MAX", ArgTypes.INTEGER, 0));
            assertEquals(List.of("12/0800", "src host 1.2.3.4", "-"), args.remainingPositional());
            assertEquals(List.of(), args.remainingPositional());
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void commentsInsideConfigurations() {
            Args args = Args.parse("A 1 /* one */, // the second:\n B /* two */ 2");
            assertEquals(1, args.read("A", ArgTypes.INTEGER, 0));
            assertEquals(2, args.read("B", ArgTypes.INTEGER, 0));
            assertEquals(List.of(), completionErrors(args));
        }

        @Test
        void customParsersReportTheirOwnMessages() {
            ArgParser<Integer> even = ArgParser.of("even int", (text, context) -> {
                int value = ArgTypes.INTEGER.parse(text, context);
                if (value % 2 != 0) {
                    throw new IllegalArgumentException("must be even");
                }
                return value;
            });
            Args args = Args.parse("A 3, B 4, C x");
            assertEquals(0, args.read("A", even, 0));
            assertEquals(4, args.read("B", even, 0));
            assertEquals(0, args.read("C", even, 0));
            assertEquals(List.of("A: must be even", "C: invalid number"), args.errors());
            assertEquals("even int", even.description());
        }
    }

    @Test
    void completeReportsEveryProblemAtOnce() {
        Args args = Args.parse("1, 2, COUNT x, FOO 3, RATE 5, LIMIT 300, BAR 4");
        assertNull(args.require("COUNT", ArgTypes.INTEGER));
        assertEquals(1, args.requirePositional("FIRST", ArgTypes.INTEGER));
        assertEquals(false, args.read("RATE", ArgTypes.BOOLEAN, false));
        assertEquals(0, args.read("LIMIT", ArgTypes.integer(0, 255), 0));
        assertNull(args.require("MISSING", ArgTypes.STRING));
        args.error("COUNT and LIMIT contradict each other");
        assertFalse(args.ok());

        ConfigurationException e = assertThrows(ConfigurationException.class, args::complete);
        List<String> expected = List.of(
                "COUNT: invalid number",
                "RATE: parse error",
                "LIMIT: out of range, bound 255",
                "MISSING: required argument missing",
                "COUNT and LIMIT contradict each other",
                "FOO: unknown argument",
                "BAR: unknown argument",
                "too many arguments");
        assertEquals(expected, e.errors());
        assertEquals(String.join("\n", expected), e.getMessage());
    }

    @Test
    void configurationExceptionCarriesItsErrors() {
        assertEquals(List.of("one"), new ConfigurationException("one").errors());
        assertEquals("one\ntwo", new ConfigurationException(List.of("one", "two")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConfigurationException(List.of()));
    }
}
