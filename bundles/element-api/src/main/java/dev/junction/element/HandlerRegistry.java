package dev.junction.element;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an element declares its handlers, in {@link Element#addHandlers(HandlerRegistry)}. The engine adds
 * Click's default handlers ({@code name}, {@code class}, {@code config}, {@code ports}, {@code handlers}) itself.
 * Handlers run on a router thread between batches, so they may read and change the element's fields freely.
 */
@ProviderType
public interface HandlerRegistry {
    /** Adds (or replaces the read side of) handler {@code name}. */
    void addRead(String name, ReadHandler handler);

    /** Adds (or replaces the write side of) handler {@code name}. */
    void addWrite(String name, WriteHandler handler);

    /**
     * Adds (or replaces the read side of) handler {@code name} as a read handler that takes a parameter (Click's
     * {@code READ_PARAM}, listed with {@code +}). Read without a parameter, it receives the empty string. The
     * default suits a registry that knows no parameters: the handler is added as a plain read handler.
     *
     * @since 1.2
     */
    default void addReadWithParameter(String name, ParameterizedReadHandler handler) {
        addRead(name, () -> handler.read(""));
    }

    /** Adds a handler that can be both read and written. */
    default void addReadWrite(String name, ReadHandler reader, WriteHandler writer) {
        addRead(name, reader);
        addWrite(name, writer);
    }
}
