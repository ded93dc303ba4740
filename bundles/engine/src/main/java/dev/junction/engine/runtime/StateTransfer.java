package dev.junction.engine.runtime;

import dev.junction.element.ElementState;

/**
 * The middle of a hot swap, run while the router is paused: each element of the new graph whose name and class
 * name match an element of the old graph takes that element's state ({@code saveState} on the old one, then
 * {@code takeState} on the new one). State moves: what an old element saved (queued packets, say) is the new
 * element's now, and the old element's cleanup must not free it. A failure in either call is contained: it
 * counts against the element that threw, the new element starts without that state, and the swap goes on.
 */
final class StateTransfer {
    private static final System.Logger LOG = System.getLogger(StateTransfer.class.getName());

    private StateTransfer() {
    }

    /** Moves state from {@code old} to {@code fresh}; returns the number of elements paired. */
    static int transfer(Graph old, Graph fresh) {
        int paired = 0;
        for (int i = 0; i < fresh.size(); i++) {
            RouterElementContext target = fresh.context(i);
            int j = old.indexOf(target.name());
            if (j < 0 || !old.context(j).className().equals(target.className())) {
                continue;
            }
            paired++;
            ElementState state = new ElementState();
            try {
                old.element(j).saveState(state);
                fresh.element(i).takeState(state);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "While hot-swapping state into '" + target + "': " + e, e);
                target.recordFailure();
            }
        }
        return paired;
    }
}
