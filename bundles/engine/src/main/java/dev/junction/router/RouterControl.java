package dev.junction.router;

import dev.junction.element.HandlerException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One running router. Handler names follow Click: {@code element.handler} for an element's handler (the
 * element name may contain slashes), a bare {@code handler} for the router's global handlers
 * ({@code version}, {@code config}, {@code flatconfig}, {@code list}, {@code classes}, {@code requirements},
 * {@code handlers}, {@code stop}, {@code hotconfig}).
 *
 * <p>Every change of the graph (a hot swap, a live edit) is checked in full before anything running is
 * touched: on any error a {@link RouterException} lists the errors and the running graph goes on untouched.
 */
@ProviderType
public interface RouterControl {
    /** The router's name, as deployed. */
    String name();

    /** Whether the router's threads are running (false once stopped). */
    boolean isRunning();

    /** Names of the elements, in configuration order. */
    List<String> elementNames();

    /** Reads handler {@code handler} ({@code element.name} or a global name). */
    String read(String handler) throws HandlerException;

    /**
     * Reads handler {@code handler} with {@code parameter}, as Click's read handlers with parameters take them
     * (a route table's {@code lookup ADDRESS}); an empty parameter is a plain read. A handler that takes no
     * parameter refuses a non-empty one. The default knows no parameters.
     *
     * @since 1.1
     */
    default String read(String handler, String parameter) throws HandlerException {
        if (parameter.isEmpty()) {
            return read(handler);
        }
        throw new HandlerException("read handler '" + handler + "' does not take parameters");
    }

    /** Writes {@code value} to handler {@code handler}. */
    void write(String handler, String value) throws HandlerException;

    /** The handlers of {@code element}, or the global handlers if {@code element} is empty. */
    List<HandlerDescription> handlers(String element) throws HandlerException;

    /** The configuration as deployed (or as last swapped in). */
    String configuration();

    /** The configuration flattened, as click-flatten prints it. */
    String flatConfiguration();

    /** Replaces the whole configuration, Click's {@code hotconfig}: state moves to elements of the same name. */
    SwapReport hotswap(RouterSource source) throws RouterException;

    /**
     * Applies {@code edits} in order to the flat configuration and swaps the result in as one hot swap, checked
     * as a whole: either every edit takes effect or none does.
     */
    SwapReport edit(List<GraphEdit> edits) throws RouterException;

    /** Adds element {@code name :: className(configuration)}: alone, only for an element with no ports. */
    default SwapReport addElement(String name, String className, String configuration) throws RouterException {
        return edit(List.of(new GraphEdit.AddElement(name, className, configuration)));
    }

    /** Removes element {@code name} and its connections. */
    default SwapReport removeElement(String name) throws RouterException {
        return edit(List.of(new GraphEdit.RemoveElement(name)));
    }

    /** Connects output {@code fromPort} of {@code from} to input {@code toPort} of {@code to}. */
    default SwapReport connect(String from, int fromPort, String to, int toPort) throws RouterException {
        return edit(List.of(new GraphEdit.Connect(from, fromPort, to, toPort)));
    }

    /** Removes the connection from output {@code fromPort} of {@code from} to input {@code toPort} of {@code to}. */
    default SwapReport disconnect(String from, int fromPort, String to, int toPort) throws RouterException {
        return edit(List.of(new GraphEdit.Disconnect(from, fromPort, to, toPort)));
    }

    /** Gives element {@code name} a new configuration string; it keeps its state. */
    default SwapReport reconfigure(String name, String configuration) throws RouterException {
        return edit(List.of(new GraphEdit.Reconfigure(name, configuration)));
    }

    /** Every element's status, in configuration order. */
    List<ElementStatus> status();

    /** Stops the router at a safe point and releases its elements; idempotent. */
    void stop();
}
