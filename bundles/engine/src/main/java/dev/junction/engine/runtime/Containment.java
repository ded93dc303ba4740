package dev.junction.engine.runtime;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * What happens when element code throws on a router thread (in a task, a timer or a push path they start):
 * the router thread catches it at the task level, the element whose code threw is charged with a failure,
 * and the thread goes on with its next task.
 *
 * <p><b>Which element:</b> the deepest frame of the stack trace whose class is the Java class of one of the
 * graph's elements (or a nested class of it). When several elements share that class, the one that owns the
 * task wins if it is of that class, else the first of them reachable from it along connections.
 *
 * <p><b>Packets:</b> the packets of the batch in flight are dropped, but not freed. The engine cannot tell
 * which of them the elements on the path had already passed on, queued or freed; freeing one of those would
 * free it twice or pull it from under a queue, which corrupts the pool. So each failure can leak at most the
 * one batch in flight (the pool shows it as fewer available packets). Elements that fill a batch clear it
 * before each use, so a failed batch is never pushed twice.
 *
 * <p>{@link VirtualMachineError}s other than {@link StackOverflowError} are not contained: the JVM is in trouble.
 */
final class Containment {
    private static final System.Logger LOG = System.getLogger(Containment.class.getName());

    private Containment() {
    }

    /** Contains {@code failure}, thrown while running code of {@code owner}'s task or timer. */
    static void contain(RouterElementContext owner, Throwable failure) {
        if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) {
            throw (VirtualMachineError) failure;
        }
        Graph graph = owner.graph();
        RouterElementContext culprit = graph.context(blame(graph, owner.index(), failure));
        long count = culprit.recordFailure();
        if (count == 1) {
            LOG.log(System.Logger.Level.WARNING, "element " + culprit.name() + " :: " + culprit.className()
                    + " threw; its packets were dropped and the router goes on (further failures are counted)",
                    failure);
        }
    }

    /** Index of the element to blame for {@code failure} in a task of element {@code taskOwner}. */
    static int blame(Graph graph, int taskOwner, Throwable failure) {
        Map<String, List<Integer>> byClass = graph.elementsByJavaClass();
        for (StackTraceElement frame : failure.getStackTrace()) {
            String name = frame.getClassName();
            List<Integer> candidates = byClass.get(name);
            int dollar = name.indexOf('$');
            if (candidates == null && dollar > 0) {
                candidates = byClass.get(name.substring(0, dollar));
            }
            if (candidates != null) {
                return choose(graph, taskOwner, candidates);
            }
        }
        return taskOwner;
    }

    private static int choose(Graph graph, int taskOwner, List<Integer> candidates) {
        if (candidates.size() == 1 || candidates.contains(taskOwner)) {
            return candidates.contains(taskOwner) ? taskOwner : candidates.get(0);
        }
        BitSet seen = new BitSet();
        ArrayDeque<Integer> frontier = new ArrayDeque<>(List.of(taskOwner));
        seen.set(taskOwner);
        while (!frontier.isEmpty()) {
            int element = frontier.poll();
            if (candidates.contains(element)) {
                return element;
            }
            for (int neighbour : graph.neighbours(element)) {
                if (!seen.get(neighbour)) {
                    seen.set(neighbour);
                    frontier.add(neighbour);
                }
            }
        }
        return candidates.get(0);
    }
}
