package dev.junction.clicktest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Perl regular expressions, as clicktest files write them, for {@link java.util.regex}. The common
 * syntax is the same; only POSIX bracket classes ({@code [[:digit:]]}) need rewriting.
 */
public final class PerlRegex {

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "\\p{XDigit}"),
            Map.entry("word", "\\w"));
    private static final Pattern POSIX_CLASS = Pattern.compile("\\[:(\\w+):]");

    private PerlRegex() {
    }

    /**
     * Rewrites the Perl-only parts of a regular expression.
     *
     * @param perl a Perl regular expression
     * @return the same expression in Java syntax
     */
    public static String toJava(String perl) {
        Matcher matcher = POSIX_CLASS.matcher(perl);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(
                POSIX_CLASSES.getOrDefault(match.group(1), match.group())));
    }

    /**
     * Compiles a regular expression that must match a whole line.
     *
     * @param javaRegex a regex already in Java syntax
     * @param caseInsensitive true to ignore (ASCII) case
     * @return the pattern
     * @throws PatternSyntaxException if the expression is invalid
     */
    public static Pattern compile(String javaRegex, boolean caseInsensitive) {
        return Pattern.compile(javaRegex, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
    }
}
