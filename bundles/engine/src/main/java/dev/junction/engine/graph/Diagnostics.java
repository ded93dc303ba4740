package dev.junction.engine.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors and warnings of one parse or check, in the order they were found, each printed as Click prints
 * it: {@code file:line: message}, or the bare message when there is no landmark. Click goes on after an
 * error and reports everything at once; so does everything that reports here.
 */
public final class Diagnostics {
    private final List<String> messages = new ArrayList<>();
    private int errors;

    /** Records an error at {@code where} (which may be {@link Landmark#NONE}). */
    public void error(Landmark where, String message) {
        messages.add(format(where, message));
        errors++;
    }

    /** Records a warning at {@code where}; warnings are printed but do not stop a router. */
    public void warning(Landmark where, String message) {
        messages.add(format(where, "warning: " + message));
    }

    /**
     * Records an informational message at {@code where} that is not an error (Click's context lines, such
     * as the {@code candidates are:} list after {@code no match for ...}).
     */
    public void note(Landmark where, String message) {
        messages.add(format(where, message));
    }

    /**
     * Records a continuation line of the message before it (Click's indented context lines, such as the
     * errors of one element's configuration after {@code While configuring 'x :: C':}).
     */
    public void detail(String text) {
        messages.add("  " + text);
    }

    private static String format(Landmark where, String message) {
        String prefix = where == null ? "" : where.toString();
        return prefix.isEmpty() ? message : prefix + ": " + message;
    }

    /** Every message, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Number of errors (not warnings) recorded. */
    public int errorCount() {
        return errors;
    }

    /** Whether any error was recorded. */
    public boolean hasErrors() {
        return errors > 0;
    }
}
