package dev.junction.engine.check;

import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatRouter;
import java.util.List;
import java.util.Objects;

/**
 * A flat router after {@link RouterChecks}: how many inputs and outputs each element has (the ports its
 * connections use, moved into the range its class allows) and whether each port is push or pull.
 *
 * <p>Only a router that {@link #passed()} is fit to run. When the checks stopped early, the counts and the
 * processing show how far they got: every count is 0 if they stopped before counting ports, every port is
 * agnostic if they stopped before resolving push and pull, and a port that push/pull resolution could not
 * decide is push, as in Click.
 */
public final class CheckedRouter {
    private final FlatRouter router;
    private final List<FlatConnection> connections;
    private final PortLayout layout;
    private final Processing[] inputs;
    private final Processing[] outputs;
    private final boolean passed;

    CheckedRouter(FlatRouter router, List<FlatConnection> connections, PortLayout layout, Processing[] inputs,
            Processing[] outputs, boolean passed) {
        this.router = router;
        this.connections = List.copyOf(connections);
        this.layout = layout;
        this.inputs = inputs;
        this.outputs = outputs;
        this.passed = passed;
    }

    /** The router that was checked. */
    public FlatRouter router() {
        return router;
    }

    /** Whether the checks found no error. */
    public boolean passed() {
        return passed;
    }

    /**
     * The router's connections in the order they were written, each once: Click ignores a connection written
     * twice. All of them, as written, if the checks stopped before reading connections.
     */
    public List<FlatConnection> connections() {
        return connections;
    }

    /** Number of inputs of element {@code element} (an index into {@link FlatRouter#elements()}). */
    public int inputCount(int element) {
        Objects.checkIndex(element, router.elements().size());
        return layout.inputCount(element);
    }

    /** Number of outputs of element {@code element}. */
    public int outputCount(int element) {
        Objects.checkIndex(element, router.elements().size());
        return layout.outputCount(element);
    }

    /** Whether input {@code port} of element {@code element} is push or pull. */
    public Processing input(int element, int port) {
        Objects.checkIndex(port, inputCount(element));
        return inputs[layout.input(element, port)];
    }

    /** Whether output {@code port} of element {@code element} is push or pull. */
    public Processing output(int element, int port) {
        Objects.checkIndex(port, outputCount(element));
        return outputs[layout.output(element, port)];
    }
}
