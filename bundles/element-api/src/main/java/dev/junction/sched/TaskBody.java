package dev.junction.sched;

/** The work of a {@link Task}: one quantum, run by a router thread. */
@FunctionalInterface
public interface TaskBody {
    /**
     * Does one quantum of work, typically one batch. Returns whether it did useful work; a thread whose tasks
     * keep returning {@code false} backs off (spin, yield, park) so that an idle router does not burn a core.
     */
    boolean run();
}
