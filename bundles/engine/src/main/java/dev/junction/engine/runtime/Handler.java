package dev.junction.engine.runtime;

import dev.junction.element.ParameterizedReadHandler;
import dev.junction.element.ReadHandler;
import dev.junction.element.WriteHandler;

/**
 * One handler: its read and write sides (either may be {@code null}; a read side that takes a parameter is
 * {@code readParameter}, and {@code read} then reads it with none), Click's flag characters for the
 * {@code handlers} listing ({@code .} calm, {@code %} raw), and whether calling it needs the router paused at
 * a safe point (element code does; handlers that read only the engine's own data or swap graphs do not).
 */
record Handler(String name, ReadHandler read, ParameterizedReadHandler readParameter, WriteHandler write,
        String flags, boolean atSafePoint) {
    Handler(String name, ReadHandler read, WriteHandler write, String flags, boolean atSafePoint) {
        this(name, read, null, write, flags, atSafePoint);
    }

    /** This handler with {@code reader} as its read side. */
    Handler withRead(ReadHandler reader) {
        return new Handler(name, reader, null, write, flags, atSafePoint);
    }

    /** This handler with {@code reader}, which takes a parameter, as its read side. */
    Handler withReadParameter(ParameterizedReadHandler reader) {
        return new Handler(name, () -> reader.read(""), reader, write, flags, atSafePoint);
    }

    /** This handler with {@code writer} as its write side. */
    Handler withWrite(WriteHandler writer, boolean writerAtSafePoint) {
        return new Handler(name, read, readParameter, writer, flags, atSafePoint || writerAtSafePoint);
    }

    /** Click's line in a {@code handlers} listing: name, tab, {@code r}, {@code w}, {@code +}, flags. */
    String listing() {
        return name + "\t" + (read != null ? "r" : "") + (write != null ? "w" : "")
                + (readParameter != null ? "+" : "") + flags + "\n";
    }
}
