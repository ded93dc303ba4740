package dev.junction.clicktest;

import java.util.regex.Pattern;

/**
 * Expected-output lines with embedded {@code {{regex}}} parts and {@code {{?comment}}} notes.
 * Literal text outside the braces must match exactly; a comment and the blanks around it vanish.
 */
public final class BraceTemplate {

    /** The characters Click treats as intra-line whitespace (not the newline). */
    public static final String WHITESPACE = " \f\r\t\u000B";

    private static final Pattern COMMENT = Pattern.compile("[ \\t]*\\{\\{\\?.*?}}[ \\t]*");
    private static final Pattern BRACED = Pattern.compile("\\{\\{.*?}}");

    private BraceTemplate() {
    }

    /**
     * A line turned into a regular expression.
     *
     * @param regex Java regular expression matching the whole line
     * @param comment the text of the line's {@code {{?comment}}} parts, or null if it has none
     */
    public record Converted(String regex, String comment) {
    }

    /**
     * Tells whether a line has a {@code {{ }}} part (a regex or a comment).
     *
     * @param line an expected line
     * @return true if it contains two opening braces
     */
    public static boolean hasBraces(String line) {
        return line.contains("{{");
    }

    /**
     * Converts a line to a regular expression: braced parts become groups, comments are removed.
     *
     * @param line the expected line
     * @param quoteLiterals true to match the text outside braces literally ({@code %expect}),
     *                      false when it is itself a regex ({@code %expectx})
     * @param caseInsensitive true to make the braced regex parts ignore case
     * @return the regex and the collected comment
     */
    public static Converted toRegex(String line, boolean quoteLiterals, boolean caseInsensitive) {
        StringBuilder regex = new StringBuilder();
        String comment = null;
        String rest = line;
        while (true) {
            int open = rest.indexOf("{{");
            int close = open < 0 ? -1 : rest.indexOf("}}", open + 2);
            if (close < 0) {
                break;
            }
            String before = rest.substring(0, open);
            String middle = rest.substring(open + 2, close);
            String after = rest.substring(close + 2);
            if (middle.startsWith("?")) {
                // A comment joins the text around it; the text is scanned again from its start.
                String note = middle.substring(1).strip();
                comment = comment == null ? note : comment + " " + note;
                rest = before.stripTrailing() + after.stripLeading();
            } else {
                regex.append(literal(before, quoteLiterals))
                        .append(caseInsensitive ? "(?i:" : "(?:")
                        .append(PerlRegex.toJava(middle))
                        .append(')');
                rest = after;
            }
        }
        regex.append(literal(rest, quoteLiterals));
        return new Converted(regex.toString(), comment);
    }

    /**
     * Removes {@code {{?comment}}} parts and the blanks around them ({@code %ignorex} lines).
     *
     * @param line a line
     * @return the line without comments
     */
    public static String stripComments(String line) {
        return COMMENT.matcher(line).replaceAll("");
    }

    /**
     * Removes whitespace outside {@code {{ }}} parts ({@code -w} expectations), keeping regexes intact.
     *
     * @param line an expected line
     * @return the line with literal whitespace removed
     */
    public static String removeWhitespaceOutsideBraces(String line) {
        StringBuilder out = new StringBuilder();
        var matcher = BRACED.matcher(line);
        int last = 0;
        while (matcher.find()) {
            out.append(removeWhitespace(line.substring(last, matcher.start()))).append(matcher.group());
            last = matcher.end();
        }
        return out.append(removeWhitespace(line.substring(last))).toString();
    }

    /**
     * Removes every whitespace character ({@link #WHITESPACE}).
     *
     * @param text any text
     * @return the text without whitespace
     */
    public static String removeWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (WHITESPACE.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String literal(String text, boolean quote) {
        if (text.isEmpty()) {
            return "";
        }
        return quote ? Pattern.quote(text) : PerlRegex.toJava(text);
    }
}
