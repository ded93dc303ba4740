package dev.junction.clicktest;

import java.util.Set;

/** The sections that carry data for a named file: inputs, expectations and ignore patterns. */
enum DataKind {
    /** {@code %file}: an input file. */
    FILE("file", "stdin", null),
    /** {@code %expect}: expected output with {@code {{regex}}} parts. */
    EXPECT("expect", "stdout", ExpectMode.PLAIN),
    /** {@code %expectv}: expected output, literal. */
    EXPECTV("expectv", "stdout", ExpectMode.VERBATIM),
    /** {@code %expectx}: expected output, every line a regex. */
    EXPECTX("expectx", "stdout", ExpectMode.REGEX),
    /** {@code %ignore}: lines to drop, regexes only inside braces. */
    IGNORE("ignore", IgnoreRule.ALL_FILES, null),
    /** {@code %ignorev}: lines to drop, literal. */
    IGNOREV("ignorev", IgnoreRule.ALL_FILES, null),
    /** {@code %ignorex}: lines to drop, every line a regex. */
    IGNOREX("ignorex", IgnoreRule.ALL_FILES, null);

    private static final Set<String> OUTPUT_STREAMS = Set.of("stdout", "stderr");

    private final String sectionName;
    private final String defaultFile;
    private final ExpectMode mode;

    DataKind(String sectionName, String defaultFile, ExpectMode mode) {
        this.sectionName = sectionName;
        this.defaultFile = defaultFile;
        this.mode = mode;
    }

    /** Returns the section's name as written after {@code %}. */
    String sectionName() {
        return sectionName;
    }

    /** Returns the file a section applies to when its header names none. */
    String defaultFile() {
        return defaultFile;
    }

    /** Returns how expected lines match, or null for inputs and ignores. */
    ExpectMode mode() {
        return mode;
    }

    /** Tells whether this is one of the ignore sections. */
    boolean isIgnore() {
        return this == IGNORE || this == IGNOREV || this == IGNOREX;
    }

    /** Tells whether this is one of the expectation sections. */
    boolean isExpect() {
        return mode != null;
    }

    /** Tells whether {@code -a} may be given (ignores are always alternatives, so not for them). */
    boolean allowsAlternate() {
        return isExpect();
    }

    /** Tells whether {@code -i} and {@code -w} may be given: only where lines are compared loosely. */
    boolean allowsLooseMatching() {
        return this != FILE && this != EXPECTV;
    }

    /** Tells whether {@code -e} (Base64) may be given: only for literal data. */
    boolean allowsBase64() {
        return this == FILE || this == EXPECT || this == EXPECTV;
    }

    /** Tells whether several sections may name the same file without {@code -a}. */
    boolean allowsRepeats() {
        return isIgnore();
    }

    /** Groups kinds whose file names must be unique together (all ignores share one group). */
    String duplicateGroup() {
        return isIgnore() ? "ignore" : sectionName;
    }

    /**
     * Tells whether a file name makes sense for this kind of section.
     *
     * @param fileName the name from the header
     * @return false for {@code stdin} outside {@code %file}, an output stream in {@code %file},
     *         and {@code all} outside the ignore sections
     */
    boolean accepts(String fileName) {
        if (fileName.equals("stdin")) {
            return this == FILE;
        }
        if (OUTPUT_STREAMS.contains(fileName)) {
            return this != FILE;
        }
        return !fileName.equals(IgnoreRule.ALL_FILES) || isIgnore();
    }
}
