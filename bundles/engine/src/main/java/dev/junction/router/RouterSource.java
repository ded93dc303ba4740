package dev.junction.router;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A configuration to deploy: its text, the name it is reported under ({@code file:line} in errors), the
 * folder {@code require(library ...)} looks in, and {@code NAME=value} overrides of its {@code define}s.
 */
public record RouterSource(String text, String fileName, Path includeDirectory, Map<String, String> definitions) {
    /** Copies the definitions, so that a source never changes. */
    public RouterSource {
        definitions = Map.copyOf(definitions);
    }

    /** A configuration given as text, named {@code config} as Click names {@code -e} expressions. */
    public static RouterSource ofText(String text) {
        return new RouterSource(text, "config", Path.of("."), Map.of());
    }

    /** The configuration in {@code file} (bytes read as ISO-8859-1, as Click reads them). */
    public static RouterSource ofFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        return new RouterSource(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString(),
                parent == null ? Path.of(".") : parent, Map.of());
    }

    /** The name a router deployed from {@code file} gets by default: the file name without its extension. */
    public static String defaultRouterName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** This source with {@code overrides} added to its definitions. */
    public RouterSource withDefinitions(Map<String, String> overrides) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(definitions);
        merged.putAll(overrides);
        return new RouterSource(text, fileName, includeDirectory, merged);
    }
}
