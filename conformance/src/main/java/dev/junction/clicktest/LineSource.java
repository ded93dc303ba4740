package dev.junction.clicktest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The lines of a clicktest file, read one at a time, with push-back for lookahead and {@code %include}. */
final class LineSource {

    private final Deque<SourceLine> lines = new ArrayDeque<>();

    /**
     * Creates a source over a file's text.
     *
     * @param text the whole file, one char per byte (ISO-8859-1)
     * @param displayName the name locations carry
     */
    LineSource(String text, String displayName) {
        lines.addAll(split(text, displayName));
    }

    /** Reads a file as bytes, one char per byte, so byte lengths (+LEN) and binary data survive. */
    static String readBytes(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    /** Splits text into lines that keep their terminators. */
    static List<SourceLine> split(String text, String displayName) {
        List<SourceLine> result = new ArrayList<>();
        int start = 0;
        int lineNumber = 1;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            result.add(new SourceLine(text.substring(start, end), new Location(displayName, lineNumber++)));
            start = end;
        }
        return result;
    }

    /** Returns the next line, or null at the end. */
    SourceLine next() {
        return lines.pollFirst();
    }

    /** Returns the next line without consuming it, or null at the end. */
    SourceLine peek() {
        return lines.peekFirst();
    }

    /** Puts a line back so that {@link #next()} returns it again. */
    void unread(SourceLine line) {
        if (line != null && !line.text().isEmpty()) {
            lines.addFirst(line);
        }
    }

    /** Inserts lines (an included file) before the rest. */
    void insert(List<SourceLine> included) {
        for (int i = included.size() - 1; i >= 0; i--) {
            lines.addFirst(included.get(i));
        }
    }

    /** Drops every remaining line ({@code %eof}). */
    void skipAll() {
        lines.clear();
    }

    /** Tells whether lines remain. */
    boolean hasMore() {
        return !lines.isEmpty();
    }
}
