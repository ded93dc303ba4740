package dev.junction.clicktest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The clicktest files that must pass: relative paths such as {@code tools/lexer-01.clicktest}, one a
 * line; {@code #} starts a comment, blank lines are ignored.
 */
public final class ExpectedToPassList {

    private final Set<String> paths;

    private ExpectedToPassList(Set<String> paths) {
        this.paths = paths;
    }

    /**
     * Reads a list file.
     *
     * @param file the list; a missing file is an empty list
     * @return the list
     * @throws IOException if the file exists but cannot be read
     */
    public static ExpectedToPassList read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readAllLines(file)) : new ExpectedToPassList(Set.of());
    }

    /**
     * Parses the lines of a list file.
     *
     * @param lines the lines
     * @return the list
     */
    public static ExpectedToPassList parse(List<String> lines) {
        Set<String> paths = new LinkedHashSet<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!entry.isEmpty()) {
                paths.add(normalize(entry));
            }
        }
        return new ExpectedToPassList(Set.copyOf(paths));
    }

    /**
     * Tells whether a file is listed.
     *
     * @param relativePath the file's path relative to the test folder, {@code /}-separated
     * @return true if it must pass
     */
    public boolean contains(String relativePath) {
        return paths.contains(normalize(relativePath));
    }

    /**
     * Returns every listed path.
     *
     * @return the paths, normalized
     */
    public Set<String> paths() {
        return paths;
    }

    private static String normalize(String path) {
        String slashed = path.replace('\\', '/');
        return slashed.startsWith("./") ? slashed.substring(2) : slashed;
    }
}
