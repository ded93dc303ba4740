package dev.junction.engine.graph;

/**
 * Where something was written: a file name and a line, printed {@code file:line} as Click prints landmarks.
 * Configurations given with {@code -e} are called {@code config}, as in Click.
 */
public record Landmark(String file, int line) {
    /** A landmark for things that come from no file (built in, or made by the engine). */
    public static final Landmark NONE = new Landmark("", 0);

    @Override
    public String toString() {
        return file.isEmpty() ? "" : file + ":" + line;
    }
}
