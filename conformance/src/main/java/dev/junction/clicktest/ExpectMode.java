package dev.junction.clicktest;

/** How the lines of an expectation are matched against the actual output. */
public enum ExpectMode {
    /** {@code %expectv} (or {@code %expect -e}): literal lines, blank lines and ignores count. */
    VERBATIM,
    /** {@code %expect}: literal lines with {@code {{regex}}} parts; blank lines and ignored lines skipped. */
    PLAIN,
    /** {@code %expectx}: every line is a regular expression; blank lines and ignored lines skipped. */
    REGEX
}
