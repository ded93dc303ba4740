package dev.junction.clicktest;

import java.util.regex.Pattern;

/**
 * One line of an {@code %ignore}, {@code %ignorev} or {@code %ignorex} section: actual output lines
 * that match it are dropped before comparing.
 *
 * @param fileName the output file it applies to, or {@code all}
 * @param pattern the line pattern; it must match the whole line, trailing blanks allowed
 * @param ignoreWhitespace {@code -w}: the pattern is matched against the line without whitespace
 */
public record IgnoreRule(String fileName, Pattern pattern, boolean ignoreWhitespace) {

    /** The file name that makes a rule apply to every output file. */
    public static final String ALL_FILES = "all";

    /**
     * Tells whether this rule applies to an output file.
     *
     * @param outputFile the output file's name
     * @return true for rules naming that file or {@code all}
     */
    public boolean appliesTo(String outputFile) {
        return fileName.equals(outputFile) || fileName.equals(ALL_FILES);
    }
}
