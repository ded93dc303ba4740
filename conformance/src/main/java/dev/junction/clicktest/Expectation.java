package dev.junction.clicktest;

/**
 * One {@code %expect}, {@code %expectv} or {@code %expectx} section for one output file. Several
 * expectations for the same file are alternatives: the output must match one of them.
 *
 * @param fileName the output file ({@code stdout}, {@code stderr} or a file the script writes)
 * @param mode how lines are matched
 * @param content the expected text, one char per byte (ISO-8859-1), flags -d and -e already applied
 * @param ignoreWhitespace {@code -w}: whitespace inside lines is not compared
 * @param caseInsensitive {@code -i}: regular expressions ignore case
 * @param firstLine where the expected text starts in the clicktest file
 */
public record Expectation(String fileName, ExpectMode mode, String content, boolean ignoreWhitespace,
                          boolean caseInsensitive, Location firstLine) {
}
