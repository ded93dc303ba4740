package dev.junction.engine.runtime;

import dev.junction.element.HandlerRegistry;
import dev.junction.element.ParameterizedReadHandler;
import dev.junction.element.ReadHandler;
import dev.junction.element.WriteHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of handlers by name, in the order they were added (a later addition of a name replaces that side in
 * place), as Click lists them. Elements add theirs through {@link #registry()}.
 */
final class HandlerTable {
    private final Map<String, Handler> handlers = new LinkedHashMap<>();

    /** Adds a read side; {@code flags} are Click's flag characters. */
    void addRead(String name, ReadHandler reader, String flags, boolean atSafePoint) {
        Handler existing = handlers.get(name);
        handlers.put(name, existing == null ? new Handler(name, reader, null, flags, atSafePoint)
                : existing.withRead(reader));
    }

    /** Adds a read side that takes a parameter (element code: called at a safe point). */
    void addReadWithParameter(String name, ParameterizedReadHandler reader, String flags) {
        Handler existing = handlers.get(name);
        handlers.put(name, (existing == null ? new Handler(name, null, null, flags, true) : existing)
                .withReadParameter(reader));
    }

    /** Adds a write side. */
    void addWrite(String name, WriteHandler writer, String flags, boolean atSafePoint) {
        Handler existing = handlers.get(name);
        handlers.put(name, existing == null ? new Handler(name, null, writer, flags, atSafePoint)
                : existing.withWrite(writer, atSafePoint));
    }

    /** The handler called {@code name}, or {@code null}. */
    Handler find(String name) {
        return handlers.get(name);
    }

    /** Every handler, in order. */
    List<Handler> all() {
        return new ArrayList<>(handlers.values());
    }

    /** Click's {@code handlers} listing of this table. */
    String listing() {
        StringBuilder text = new StringBuilder();
        handlers.values().forEach(h -> text.append(h.listing()));
        return text.toString();
    }

    /** The registry an element declares its handlers through: element code, so called at a safe point. */
    HandlerRegistry registry() {
        return new HandlerRegistry() {
            @Override
            public void addRead(String name, ReadHandler handler) {
                HandlerTable.this.addRead(name, handler, "", true);
            }

            @Override
            public void addReadWithParameter(String name, ParameterizedReadHandler handler) {
                HandlerTable.this.addReadWithParameter(name, handler, "");
            }

            @Override
            public void addWrite(String name, WriteHandler handler) {
                HandlerTable.this.addWrite(name, handler, "", true);
            }
        };
    }
}
