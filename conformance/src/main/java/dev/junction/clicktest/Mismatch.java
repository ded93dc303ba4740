package dev.junction.clicktest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The first line where an output file differs from its expectation (from the alternative that
 * matched longest, when there are several).
 *
 * @param fileName the output file
 * @param actualIndex 0-based index into {@code actualLines} of the differing line ({@code size()} at the end)
 * @param expectedIndex 0-based index into {@code expectedLines} of the differing line ({@code size()} at the end)
 * @param actualLines the actual output's lines
 * @param expectedLines the expected text's lines
 * @param expectationStart where the expected text starts in the clicktest file
 * @param comment the expected line's {@code {{?comment}}} text, or null
 * @param subtest the subtest the difference is in, or null
 */
public record Mismatch(String fileName, int actualIndex, int expectedIndex, List<String> actualLines,
                       List<String> expectedLines, Location expectationStart, String comment, String subtest) {

    private static final String END = "<end of file>";
    private static final int CONTEXT = 12;

    /** Copies the lists. */
    public Mismatch {
        actualLines = List.copyOf(actualLines);
        expectedLines = List.copyOf(expectedLines);
    }

    /**
     * Returns the differing actual line.
     *
     * @return the line, or null if the output had ended
     */
    public String actualLine() {
        return actualIndex < actualLines.size() ? actualLines.get(actualIndex) : null;
    }

    /**
     * Returns the expected line.
     *
     * @return the line, or null if the expectation had ended
     */
    public String expectedLine() {
        return expectedIndex < expectedLines.size() ? expectedLines.get(expectedIndex) : null;
    }

    /**
     * Returns a one-line summary naming the file, the line and both versions of it.
     *
     * @return e.g. {@code stderr line 2: expected 'x' but got 'y'}
     */
    public String summary() {
        return fileName + " line " + (actualIndex + 1) + ": expected " + quote(expectedLine())
                + " but got " + quote(actualLine());
    }

    /**
     * Returns the details that go with {@link #summary()}: where the expected text is, the line's
     * comment, and both texts around the difference, the differing lines marked with {@code >}.
     *
     * @return several lines of text
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("  expected text at ").append(expectationStart.plus(expectedIndex));
        if (subtest != null) {
            out.append(", in subtest ").append(subtest);
        }
        out.append('\n');
        if (comment != null) {
            out.append("  note: ").append(comment).append('\n');
        }
        appendListing(out, "expected " + fileName, expectedLines, expectedIndex);
        appendListing(out, "actual " + fileName, actualLines, actualIndex);
        return out.toString();
    }

    private static void appendListing(StringBuilder out, String title, List<String> lines, int mark) {
        out.append("  --- ").append(title).append(" (").append(lines.size()).append(" lines) ---\n");
        int from = Math.max(0, mark - CONTEXT);
        int to = Math.min(lines.size(), mark + CONTEXT + 1);
        if (from > 0) {
            out.append("        ...\n");
        }
        for (int i = from; i < to; i++) {
            out.append(i == mark ? "  > " : "    ").append(String.format("%3d  ", i + 1))
                    .append(readable(lines.get(i))).append('\n');
        }
        if (to < lines.size()) {
            out.append("        ...\n");
        }
        if (mark >= lines.size()) {
            out.append("  >      ").append(END).append('\n');
        }
    }

    private static String quote(String line) {
        return line == null ? END : "'" + readable(line) + "'";
    }

    /** Shows bytes as UTF-8 text (how the tools write it) and escapes control characters. */
    static String readable(String latin1) {
        String text = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
