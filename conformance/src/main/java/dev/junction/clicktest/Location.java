package dev.junction.clicktest;

/**
 * A line in a clicktest file, used to point failure messages at the text that caused them.
 *
 * @param file the clicktest file's display name
 * @param line the 1-based line number
 */
public record Location(String file, int line) {

    /** Returns {@code file:line}, the form compilers and Click use. */
    @Override
    public String toString() {
        return file + ":" + line;
    }

    /**
     * Returns the location {@code count} lines further down the same file.
     *
     * @param count how many lines to move down
     * @return the shifted location
     */
    public Location plus(int count) {
        return new Location(file, line + count);
    }
}
