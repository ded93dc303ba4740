package dev.junction.clicktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputComparatorTest {

    /** Compares {@code actual} with the expectations that {@code sections} define for {@code file}. */
    private static Optional<Mismatch> compare(String sections, String file, String actual) {
        ClickTest test = ClickTestParser.parse("%script\ntrue\n" + sections, "c.clicktest").getFirst();
        assertEquals(List.of(), test.problems());
        return OutputComparator.compare(file, actual, test.expectationsFor(file), test.ignoresFor(file));
    }

    private static void assertMatches(String sections, String file, String actual) {
        Optional<Mismatch> mismatch = compare(sections, file, actual);
        assertTrue(mismatch.isEmpty(), () -> mismatch.get().summary() + "\n" + mismatch.get().describe());
    }

    private static Mismatch assertDiffers(String sections, String file, String actual) {
        Optional<Mismatch> mismatch = compare(sections, file, actual);
        assertTrue(mismatch.isPresent(), "expected a difference for " + actual);
        return mismatch.get();
    }

    @Test
    void identicalTextMatches() {
        assertMatches("%expect\na\nb\n", "stdout", "a\nb\n");
    }

    @Test
    void blankLinesAndTrailingWhitespaceDoNotCount() {
        assertMatches("%expect\na\n\nb\n", "stdout", "\n\na  \t\nb\n\n\n");
        assertMatches("%expect\na   \nb\n", "stdout", "a\n   \nb   ");
    }

    @Test
    void leadingWhitespaceAndInnerWhitespaceCount() {
        assertDiffers("%expect\na b\n", "stdout", "a  b\n");
        assertDiffers("%expect\na\n", "stdout", " a\n");
    }

    @Test
    void missingAndExtraLinesDiffer() {
        Mismatch missing = assertDiffers("%expect\na\nb\n", "stdout", "a\n");
        assertEquals(1, missing.actualIndex());
        assertNull(missing.actualLine());
        assertEquals("b", missing.expectedLine());
        Mismatch extra = assertDiffers("%expect\na\n", "stdout", "a\nb\n");
        assertNull(extra.expectedLine());
        assertEquals("b", extra.actualLine());
    }

    @Test
    void emptyExpectationMeansNoOutput() {
        assertMatches("%expect -w stdout\n%expect stderr\n", "stdout", "\n  \n");
        assertDiffers("%expect -w stdout\n%expect stderr\n", "stdout", "something\n");
    }

    @Test
    void regexesInBracesAndComments() {
        assertMatches("%expect\nA: 1{{.*}}\nx {{? the count}}\n", "stdout", "A: 1 and more\nx\n");
        Mismatch mismatch = assertDiffers("%expect\nA: 1{{.*}}\nx {{? the count}}\n", "stdout", "A: 1\ny\n");
        assertEquals("the count", mismatch.comment());
        assertEquals(new Location("c.clicktest", 4), mismatch.expectationStart());
        assertEquals(1, mismatch.expectedIndex());
        assertTrue(mismatch.describe().contains("c.clicktest:5"), mismatch.describe());
    }

    @Test
    void invalidRegexIsADifference() {
        Mismatch mismatch = assertDiffers("%expect\n{{(}}\n", "stdout", "(\n");
        assertTrue(mismatch.comment().contains("invalid regular expression"), mismatch.comment());
    }

    @Test
    void whitespaceFlagIgnoresAllWhitespace() {
        assertMatches("%expect -w stderr\nA.click:1: While configuring 'm :: Message':\n  test\n", "stderr",
                "A.click:1:  While configuring 'm ::Message':\n\ttest\n");
        assertMatches("%expect -w\na {{b+}} c\n", "stdout", "a  bb\tc");
        // Whitespace inside a regex is kept while the actual line loses its own: it cannot match.
        assertDiffers("%expect -w\na {{b c}}\n", "stdout", "a b c");
    }

    @Test
    void caseFlagAppliesToRegexesOnly() {
        assertMatches("%expect -i\nError: {{bad}}\n", "stdout", "Error: BAD\n");
        assertDiffers("%expect -i\nError: {{bad}}\n", "stdout", "ERROR: bad\n");
        assertMatches("%expectx -i\nerror: .*\n", "stdout", "ERROR: bad\n");
    }

    @Test
    void alternativesMatchIfAnyDoes() {
        String sections = "%expect -a\none\n%expect -a\ntwo\n%expectx -a\nthree+\n";
        assertMatches(sections, "stdout", "one\n");
        assertMatches(sections, "stdout", "two\n");
        assertMatches(sections, "stdout", "threeee\n");
        assertDiffers(sections, "stdout", "four\n");
    }

    @Test
    void theAlternativeThatGotFurthestIsReported() {
        Mismatch mismatch = assertDiffers("%expect -a\nx\n%expect -a\na\nb\nc\n", "stdout", "a\nb\nd\n");
        assertEquals(2, mismatch.actualIndex());
        assertEquals("c", mismatch.expectedLine());
    }

    @Test
    void verbatimIsExactAndHasNoRegexes() {
        assertMatches("%expectv\na  {{.*}}\n\nb\n", "stdout", "a  {{.*}}\n\nb\n");
        assertDiffers("%expectv\na\n\nb\n", "stdout", "a\nb\n");
        assertDiffers("%expectv\na\n", "stdout", "a \n");
        assertDiffers("%expectv\n{{.*}}\n", "stdout", "x\n");
    }

    @Test
    void verbatimIgnoresNoLines() {
        assertDiffers("%expectv\na\n%ignorex\nnoise\n", "stdout", "noise\na\n");
    }

    @Test
    void expectxTreatsEveryLineAsRegex() {
        assertMatches("%expectx\n\\d+ packets\n[a-z]+{{ \\d}}\n", "stdout", "42 packets\nabc 7\n");
        assertDiffers("%expectx\n\\d+ packets\n", "stdout", "many packets\n");
    }

    @Test
    void ignoreDropsMatchingActualLines() {
        assertMatches("%expect stderr\nA\n%ignore stderr\nRouter could not be initialized!\n", "stderr",
                "Router could not be initialized!\nA\n");
        assertMatches("%expect\nA\n%ignore\n#{{.*}}\n", "stdout", "# comment\nA\n#\n");
        assertDiffers("%expect\nA\n%ignore\n#{{.*}}\n", "stdout", "x#\nA\n");
    }

    @Test
    void ignorexUsesWholeLineRegexes() {
        assertMatches("%expect\n1\n%ignorex\n!.*\n", "stdout", "!data ts\n1\n");
        assertMatches("%expect\n1\n%ignorex stdout\n#.*\n", "stdout", "# x\n1\n");
        assertDiffers("%expect\n1\n%ignorex stderr\n#.*\n", "stdout", "# x\n1\n");
        assertDiffers("%expect\n1\n%ignorex\nab|cd\n", "stdout", "abX\n1\n");
    }

    @Test
    void ignorevIsLiteral() {
        assertMatches("%expect\n1\n%ignorev\na.*\n", "stdout", "a.*\n1\n");
        assertDiffers("%expect\n1\n%ignorev\na.*\n", "stdout", "abc\n1\n");
    }

    @Test
    void ignoreWithWhitespaceFlagComparesWithoutWhitespace() {
        assertMatches("%expect\n1\n%ignore -w\nsome noise\n", "stdout", "  some   noise \n1\n");
    }

    @Test
    void ignoreWithCaseFlag() {
        assertMatches("%expect\n1\n%ignorex -i\nwarning.*\n", "stdout", "WARNING: x\n1\n");
    }

    @Test
    void stderrDropsClickMarkers() {
        assertMatches("%expect stderr\nA\n", "stderr", "clicktest_lineno:t:3\nA\nclicktest_error:x\n");
        assertDiffers("%expect\nA\n", "stdout", "clicktest_error:x\nA\n");
    }

    @Test
    void subtestLinesNameTheSubtest() {
        assertMatches("%expect\na\nb\n", "stdout", "clicktest_subtest one\na\nclicktest_subtest two\nb\n");
        Mismatch mismatch = assertDiffers("%expect\na\nb\n", "stdout",
                "clicktest_subtest one\na\nclicktest_subtest two\nc\n");
        assertEquals("two", mismatch.subtest());
        assertTrue(mismatch.describe().contains("subtest two"));
    }

    @Test
    void deleteFirstFlagOnExpectations() {
        assertMatches("%expect -d\n %not a section\n", "stdout", "%not a section\n");
    }

    @Test
    void summaryAndListingAreReadable() {
        Mismatch mismatch = assertDiffers("%expect OUT\nx\ny\n", "OUT", "x\nz\u0001\n");
        assertEquals("OUT line 2: expected 'y' but got 'z\\x01'", mismatch.summary());
        String described = mismatch.describe();
        assertTrue(described.contains("--- expected OUT (2 lines) ---"), described);
        assertTrue(described.contains(">   2  z\\x01"), described);
    }
}
