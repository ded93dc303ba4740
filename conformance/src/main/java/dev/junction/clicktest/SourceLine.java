package dev.junction.clicktest;

/**
 * One line of a clicktest file as read, with its line terminator.
 *
 * @param text the line, ending in {@code \n} unless it is the file's unterminated last line
 * @param location where it was read
 */
record SourceLine(String text, Location location) {

    /** Tells whether this line starts a section ({@code %name args}), the only thing a body stops at. */
    boolean startsSection() {
        return text.startsWith("%");
    }

    /** Returns the text without its line terminator. */
    String withoutTerminator() {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
