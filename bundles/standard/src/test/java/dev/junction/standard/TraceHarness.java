package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementState;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketPool;
import dev.junction.sched.ManualClock;
import java.util.ArrayList;
import java.util.List;

/** A source-to-sink test bench for the trace elements: elements on StandaloneContexts, a recording sink. */
final class TraceHarness implements AutoCloseable {
    final PacketPool pool = PacketPool.create("trace", 256, 2048, 128);
    final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    final List<StandaloneContext> contexts = new ArrayList<>();

    <E extends Element> E add(E element, String name, int inputs, int outputs, String config)
            throws ConfigurationException {
        StandaloneContext context = new StandaloneContext(name, pool, clock);
        contexts.add(context);
        element.attach(context, inputs, outputs);
        element.configure(Args.parse(config));
        return element;
    }

    /** Runs every task until none does work (at most {@code rounds} rounds). */
    void run(int rounds) {
        for (int i = 0; i < rounds; i++) {
            boolean worked = false;
            for (StandaloneContext context : contexts) {
                worked |= context.runTasks();
            }
            if (!worked) {
                return;
            }
        }
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>();
        contexts.forEach(c -> all.addAll(c.warnings()));
        return all;
    }

    List<String> handlerWrites() {
        List<String> all = new ArrayList<>();
        contexts.forEach(c -> all.addAll(c.handlerWrites()));
        return all;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** {@code element} on a context of its own whose output 0 is pull, configured and initialized. */
    <E extends Element> E pulled(E element, String name, String config) throws ConfigurationException {
        StandaloneContext context = new StandaloneContext(name, pool, clock);
        context.setPull(false, 0);
        element.attach(context, 0, 1);
        element.configure(Args.parse(config));
        element.initialize();
        return element;
    }

    /** Hands {@code old}'s state to {@code replacement} as a hot swap does, cleaning {@code old} up between. */
    static void swap(Element old, Element replacement) {
        ElementState state = new ElementState();
        old.saveState(state);
        old.cleanup();
        replacement.takeState(state);
    }
}
