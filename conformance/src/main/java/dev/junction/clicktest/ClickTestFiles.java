package dev.junction.clicktest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds clicktest files in a folder tree, as Click's driver does for a directory argument. */
public final class ClickTestFiles {

    private ClickTestFiles() {
    }

    /**
     * Lists the test files under a folder: names ending in {@code .clicktest} or {@code .testie}, not
     * starting with {@code .} or {@code #} (editor leftovers).
     *
     * @param root the folder
     * @return their paths relative to it, {@code /}-separated, sorted
     * @throws IOException if the folder cannot be read
     */
    public static List<String> find(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> isTestName(path.getFileName().toString()))
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isTestName(String name) {
        return (name.endsWith(".clicktest") || name.endsWith(".testie"))
                && !name.startsWith(".") && !name.startsWith("#");
    }
}
