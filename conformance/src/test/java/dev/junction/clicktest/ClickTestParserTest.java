package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickTestParserTest {

    private static ClickTest parseOne(String text) {
        List<ClickTest> tests = ClickTestParser.parse(text, "t.clicktest");
        assertEquals(1, tests.size(), "tests in " + text);
        return tests.getFirst();
    }

    private static void assertProblem(ClickTest test, String fragment) {
        assertTrue(test.problems().stream().anyMatch(problem -> problem.contains(fragment)),
                "expected a problem containing '" + fragment + "' in " + test.problems());
    }

    @Test
    void readsScriptFilesAndExpectations() {
        ClickTest test = parseOne("""
                %info
                Some words.
                %script
                cat IN
                %file IN
                hello
                %expect stdout
                hello
                """);
        assertEquals(List.of(), test.problems());
        assertEquals(1, test.script().size());
        assertEquals("cat IN", test.script().getFirst().text());
        assertEquals(new Location("t.clicktest", 4), test.script().getFirst().location());
        assertEquals(List.of(new InputFile("IN", "hello\n")), test.files());
        Expectation expectation = test.expectations().getFirst();
        assertEquals("stdout", expectation.fileName());
        assertEquals(ExpectMode.PLAIN, expectation.mode());
        assertEquals("hello\n", expectation.content());
        assertEquals(new Location("t.clicktest", 8), expectation.firstLine());
    }

    @Test
    void sectionNamesIgnoreCaseAndAllowSpaceAfterPercent() {
        ClickTest test = parseOne("% SCRIPT\ntrue\n%Expect stderr\n");
        assertEquals(List.of(), test.problems());
        assertEquals("stderr", test.expectations().getFirst().fileName());
    }

    @Test
    void backslashProtectsLinesStartingWithPercent() {
        ClickTest test = parseOne("%script\ncat F\n%file F\n\\%not a section\nx\n");
        assertEquals("%not a section\nx\n", test.files().getFirst().content());
    }

    @Test
    void shorthandsNameTheirStreams() {
        ClickTest test = parseOne("%script\ncat\n%stdin\nin\n%stdout\nout\n%stderr\nerr\n%input\n");
        assertProblem(test, "'%file stdin' already defined");
        ClickTest clean = parseOne("%script\ncat\n%stdin\nin\n%stdout -a\nout\n%stderr\nerr\n%output -a\nout2\n");
        assertEquals(List.of(), clean.problems());
        assertEquals(List.of(new InputFile("stdin", "in\n")), clean.files());
        assertEquals(List.of("stdout", "stderr", "stdout"),
                clean.expectations().stream().map(Expectation::fileName).toList());
    }

    @Test
    void sectionsWithoutNamesUseDefaults() {
        ClickTest test = parseOne("%script\ntrue\n%file\nx\n%expect\ny\n%expectx\nz\n%expectv\nw\n%ignore\nq\n");
        assertEquals(List.of(), test.problems());
        assertEquals("stdin", test.files().getFirst().name());
        assertEquals(List.of("stdout"), List.copyOf(test.expectedFiles()));
        assertEquals(IgnoreRule.ALL_FILES, test.ignores().getFirst().fileName());
    }

    @Test
    void oneSectionCanNameSeveralFiles() {
        ClickTest test = parseOne("%script\ntrue\n%expect A B\nsame\n");
        assertEquals(List.of("A", "B"), List.copyOf(test.expectedFiles()));
    }

    @Test
    void flagDeleteFirstCharacter() {
        ClickTest test = parseOne("%script\ntrue\n%file -d F\n %percent\n\n xx\n");
        assertEquals("%percent\n\nxx\n", test.files().getFirst().content());
    }

    @Test
    void flagBase64DecodesFilesAndMakesExpectVerbatim() {
        String encoded = Base64.getMimeEncoder().encodeToString("a\u0000b\n  \n".getBytes());
        ClickTest test = parseOne("%script\ntrue\n%file -e F\n" + encoded + "\n%expect -e G\n" + encoded + "\n");
        assertEquals(List.of(), test.problems());
        assertEquals("a\u0000b\n  \n", test.files().getFirst().content());
        Expectation expectation = test.expectations().getFirst();
        assertEquals(ExpectMode.VERBATIM, expectation.mode());
        assertEquals("a\u0000b\n  \n", expectation.content());
    }

    @Test
    void flagLengthReadsExactBytesIncludingSectionLines() {
        ClickTest test = parseOne("%script\ntrue\n%file +10 F\n%abc\nxyzQQ\n%expect G\ng\n");
        assertEquals("%abc\nxyzQQ", test.files().getFirst().content());
        assertEquals(List.of(), test.problems().stream().filter(p -> !p.contains("outside")).toList());
        assertEquals("g\n", test.expectationsFor("G").getFirst().content());
    }

    @Test
    void flagLengthLeavesTheRestOfTheLineToBeParsed() {
        ClickTest test = parseOne("%script\ntrue\n%file +2 F\nab%expect G\ng\n");
        assertEquals("ab", test.files().getFirst().content());
        assertEquals("g\n", test.expectationsFor("G").getFirst().content());
    }

    @Test
    void flagLengthTooShortIsAProblem() {
        assertProblem(parseOne("%script\ntrue\n%file +100 F\nshort\n"), "file too short");
    }

    @Test
    void combinedFlagsAndExpectOptions() {
        ClickTest test = parseOne("%script\ntrue\n%expect -aiw stdout\nx\n%expectx -a stdout\ny\n%expect -a stdout\nz\n");
        assertEquals(List.of(), test.problems());
        Expectation first = test.expectations().getFirst();
        assertTrue(first.caseInsensitive());
        assertTrue(first.ignoreWhitespace());
        assertEquals(List.of(ExpectMode.PLAIN, ExpectMode.PLAIN, ExpectMode.REGEX),
                test.expectationsFor("stdout").stream().map(Expectation::mode).toList());
    }

    @Test
    void duplicateExpectationsNeedAlternateFlag() {
        assertProblem(parseOne("%script\ntrue\n%expect A\nx\n%expect A\ny\n"), "'%expect A' already defined");
        assertEquals(List.of(), parseOne("%script\ntrue\n%expect A\nx\n%expect -a A\ny\n").problems());
        assertEquals(List.of(), parseOne("%script\ntrue\n%expect A\nx\n%expectx A\ny\n").problems());
    }

    @Test
    void illegalFlagCombinations() {
        assertProblem(parseOne("%script\ntrue\n%file -a F\n"), "'%file -a' is illegal");
        assertProblem(parseOne("%script\ntrue\n%file -i F\n"), "'%file -i' is illegal");
        assertProblem(parseOne("%script\ntrue\n%expectv -w F\n"), "'%expectv -w' is illegal");
        assertProblem(parseOne("%script\ntrue\n%expectx -e F\n"), "'%expectx -e' is illegal");
        assertProblem(parseOne("%script\ntrue\n%ignore -a F\n"), "'%ignore -a' is illegal");
        assertProblem(parseOne("%script\ntrue\n%expect -z F\n"), "unknown flag '-z'");
    }

    @Test
    void fileNamesAreChecked() {
        assertProblem(parseOne("%script\ntrue\n%file ../x\n"), "bad filename");
        assertProblem(parseOne("%script\ntrue\n%file /etc/x\n"), "bad filename");
        assertProblem(parseOne("%script\ntrue\n%file a//b\n"), "bad filename");
        assertProblem(parseOne("%script\ntrue\n%file stdout\n"), "'stdout' not meaningful for '%file'");
        assertProblem(parseOne("%script\ntrue\n%expect stdin\n"), "'stdin' not meaningful for '%expect'");
        assertProblem(parseOne("%script\ntrue\n%expect all\n"), "'all' not meaningful");
        ClickTest nested = parseOne("%script\ntrue\n%file dir/sub/f.txt\nx\n");
        assertEquals(List.of(), nested.problems());
    }

    @Test
    void ignoreSectionsBecomeWholeLinePatterns() {
        ClickTest test = parseOne("""
                %script
                true
                %ignore stderr
                warning: {{\\d+}} things
                %ignorev
                a.b*
                %ignorex -i stdout
                #.*  {{? comment lines}}
                %ignore -w OUT
                x  y {{z+}}
                """);
        assertEquals(List.of(), test.problems());
        List<IgnoreRule> stderr = test.ignoresFor("stderr");
        assertEquals(2, stderr.size());
        assertTrue(stderr.getFirst().pattern().matcher("warning: 12 things  ").matches());
        assertFalse(stderr.getFirst().pattern().matcher("warning: x things").matches());
        assertTrue(stderr.get(1).pattern().matcher("a.b*").matches());
        assertFalse(stderr.get(1).pattern().matcher("aXbb").matches());
        IgnoreRule regex = test.ignoresFor("stdout").get(1);
        assertTrue(regex.pattern().matcher("#Anything").matches());
        IgnoreRule compact = test.ignoresFor("OUT").getLast();
        assertTrue(compact.ignoreWhitespace());
        assertTrue(compact.pattern().matcher("xyzzz").matches());
    }

    @Test
    void invalidIgnoreRegexIsAProblem() {
        assertProblem(parseOne("%script\ntrue\n%ignorex\n(unclosed\n"), "bad regular expression");
    }

    @Test
    void endOfTestStartsAnotherTest() {
        List<ClickTest> tests = ClickTestParser.parse("%script\necho 1\n%eot\n%script\necho 2\n%expect\n2\n", "m.clicktest");
        assertEquals(2, tests.size());
        assertEquals("m.clicktest", tests.get(0).name());
        assertEquals("m.clicktest <2>", tests.get(1).name());
        assertEquals("echo 2", tests.get(1).script().getFirst().text());
        assertTrue(tests.get(0).expectations().isEmpty());
    }

    @Test
    void emptyTrailerAfterEndOfTestIsNoTest() {
        assertEquals(1, ClickTestParser.parse("%script\ntrue\n%eot\n\n", "m").size());
    }

    @Test
    void endOfFileIgnoresTheRest() {
        ClickTest test = parseOne("%script\ntrue\n%eof\n%expect\nnever\n%bogus\n");
        assertEquals(List.of(), test.problems());
        assertTrue(test.expectations().isEmpty());
    }

    @Test
    void cutAndInfoAreIgnored() {
        ClickTest test = parseOne("%cut\n\\%file X\nold\n%info\nstuff\n%script\ntrue\n");
        assertEquals(List.of(), test.problems());
        assertTrue(test.files().isEmpty());
    }

    @Test
    void requireWithQuietFlag() {
        ClickTest test = parseOne("%require -q\ntest -x /bin/sh\n%script\ntrue\n");
        assertEquals(List.of(), test.problems());
        assertEquals("test -x /bin/sh", test.require().getFirst().text());
        assertProblem(parseOne("%require -x\ntrue\n%script\ntrue\n"), "arguments to '%require' ignored");
    }

    @Test
    void severalScriptSectionsAreJoined() {
        ClickTest test = parseOne("%script\necho a\n%file F\nf\n%script\necho b\n");
        assertEquals(List.of("echo a", "echo b"), test.script().stream().map(ShellCommand::text).toList());
        assertEquals(6, test.script().get(1).location().line());
    }

    @Test
    void formatErrors() {
        assertProblem(parseOne("%bogus\n%script\ntrue\n"), "unrecognized command 'bogus'");
        assertProblem(parseOne("%script\ntrue\n%file +1 F\nxgarbage\n"), "text outside any section");
        assertProblem(parseOne("%file F\nx\n"), "no %script section");
        assertProblem(parseOne("%script\necho 'open\n"), "unmatched single quote");
    }

    @Test
    void textBeforeTheFirstSectionIsAllowed() {
        assertEquals(List.of(), parseOne("A comment before anything.\n%script\ntrue\n").problems());
    }

    @Test
    void includeInsertsAnotherFile(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("common.inc"), "%file C\nfrom include\n");
        Files.writeString(directory.resolve("main.clicktest"), "%script\ncat C\n%include common.inc\n%expect\nfrom include\n");
        ClickTest test = ClickTestParser.parse(directory.resolve("main.clicktest"), "main.clicktest").getFirst();
        assertEquals(List.of(), test.problems());
        assertEquals(List.of(new InputFile("C", "from include\n")), test.files());
        assertProblem(parseOne("%script\ntrue\n%include /nonexistent/file\n"), "%include /nonexistent/file");
    }

    @Test
    void mentionsSubtests() {
        assertTrue(parseOne("%script\nclicktest_subtest one\ntrue\n").mentionsSubtests());
        assertFalse(parseOne("%script\ntrue\n").mentionsSubtests());
    }
}
