package dev.junction.clicktest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compares an output file with its expectations, by Click's rules: the output must match one of the
 * alternatives; except for {@link ExpectMode#VERBATIM}, blank lines, trailing whitespace and lines
 * matching an ignore rule do not count; a {@code clicktest_subtest NAME} line only names the subtest
 * that follows; trailing empty lines never count.
 */
public final class OutputComparator {

    /** The prefix of the lines a script's {@code clicktest_subtest} writes to stdout and stderr. */
    public static final String SUBTEST_PREFIX = ClickTest.SUBTEST_COMMAND + " ";

    /** Lines Click drops from stderr: its own markers and {@code clicktest_error:} messages. */
    private static final List<IgnoreRule> STDERR_RULES = List.of(
            new IgnoreRule("stderr", Pattern.compile("clicktest_lineno:.*"), false),
            new IgnoreRule("stderr", Pattern.compile("clicktest_error:.*"), false));

    private OutputComparator() {
    }

    /**
     * Compares one output file.
     *
     * @param fileName the file's name ({@code stdout}, {@code stderr} or a file name)
     * @param actual its content, one char per byte
     * @param alternatives its expectations, tried in order
     * @param ignores the ignore rules that apply to it
     * @return empty if some alternative matches, else the difference that came latest in the output
     */
    public static Optional<Mismatch> compare(String fileName, String actual, List<Expectation> alternatives,
                                             List<IgnoreRule> ignores) {
        List<IgnoreRule> rules = new ArrayList<>(ignores);
        if (fileName.equals("stderr")) {
            rules.addAll(STDERR_RULES);
        }
        Mismatch latest = null;
        for (Expectation expectation : alternatives) {
            Optional<Mismatch> mismatch = compareOne(fileName, actual, expectation, rules);
            if (mismatch.isEmpty()) {
                return Optional.empty();
            }
            if (latest == null || mismatch.get().actualIndex() > latest.actualIndex()) {
                latest = mismatch.get();
            }
        }
        return Optional.ofNullable(latest);
    }

    private static Optional<Mismatch> compareOne(String fileName, String actual, Expectation expectation,
                                                 List<IgnoreRule> rules) {
        if (actual.equals(expectation.content())) {
            return Optional.empty();
        }
        boolean loose = expectation.mode() != ExpectMode.VERBATIM;
        List<String> actualLines = lines(actual);
        List<String> expectedLines = lines(expectation.content());
        List<String> text = loose ? stripTrailing(actualLines) : actualLines;
        List<String> expected = loose ? stripTrailing(expectedLines) : expectedLines;
        boolean[] ignored = loose ? ignoredLines(text, rules) : new boolean[text.size()];

        int t = 0;
        int e = 0;
        String subtest = null;
        while (true) {
            while (e < expected.size() && loose && expected.get(e).isEmpty()) {
                e++;
            }
            while (t < text.size() && (loose && text.get(t).isEmpty() || ignored[t])) {
                t++;
            }
            if (t < text.size() && text.get(t).startsWith(SUBTEST_PREFIX)
                    && text.get(t).length() > SUBTEST_PREFIX.length()) {
                subtest = text.get(t).substring(SUBTEST_PREFIX.length());
                t++;
                continue;
            }
            boolean textEnded = t >= text.size();
            boolean expectedEnded = e >= expected.size();
            if (textEnded && expectedEnded) {
                return Optional.empty();
            }
            LineMatch match = textEnded || expectedEnded ? LineMatch.NO
                    : matchLine(text.get(t), expected.get(e), expectation);
            if (!match.matches()) {
                return Optional.of(new Mismatch(fileName, t, e, actualLines, expectedLines,
                        expectation.firstLine(), match.comment(), subtest));
            }
            t++;
            e++;
        }
    }

    /** The result of matching one line: whether it matched, and the expected line's comment. */
    private record LineMatch(boolean matches, String comment) {
        static final LineMatch NO = new LineMatch(false, null);
    }

    private static LineMatch matchLine(String actual, String expected, Expectation expectation) {
        if (expectation.ignoreWhitespace()) {
            actual = BraceTemplate.removeWhitespace(actual);
            expected = BraceTemplate.removeWhitespaceOutsideBraces(expected);
        }
        ExpectMode mode = expectation.mode();
        if (mode == ExpectMode.VERBATIM || mode == ExpectMode.PLAIN && !BraceTemplate.hasBraces(expected)) {
            return new LineMatch(actual.equals(expected), null);
        }
        boolean plain = mode == ExpectMode.PLAIN;
        BraceTemplate.Converted converted = BraceTemplate.hasBraces(expected)
                ? BraceTemplate.toRegex(expected, plain, expectation.caseInsensitive())
                : new BraceTemplate.Converted(PerlRegex.toJava(expected), null);
        try {
            // In %expectx -i applies to the whole line; in %expect only to the braced parts (done above).
            Pattern pattern = PerlRegex.compile(converted.regex(), !plain && expectation.caseInsensitive());
            return new LineMatch(pattern.matcher(actual).matches(), converted.comment());
        } catch (PatternSyntaxException e) {
            String problem = "invalid regular expression: " + e.getDescription();
            return new LineMatch(false, converted.comment() == null ? problem : converted.comment() + "; " + problem);
        }
    }

    private static boolean[] ignoredLines(List<String> lines, List<IgnoreRule> rules) {
        boolean[] ignored = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String compact = BraceTemplate.removeWhitespace(line);
            for (IgnoreRule rule : rules) {
                String candidate = rule.ignoreWhitespace() ? compact : line;
                if (rule.pattern().matcher(candidate).matches()) {
                    ignored[i] = true;
                    break;
                }
            }
        }
        return ignored;
    }

    /**
     * Splits text into lines the way Click does: on newlines, with trailing empty lines dropped.
     *
     * @param text any text
     * @return its lines, without terminators
     */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private static List<String> stripTrailing(List<String> lines) {
        return lines.stream().map(OutputComparator::stripTrailingWhitespace).toList();
    }

    private static String stripTrailingWhitespace(String line) {
        int end = line.length();
        while (end > 0 && BraceTemplate.WHITESPACE.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(0, end);
    }
}
