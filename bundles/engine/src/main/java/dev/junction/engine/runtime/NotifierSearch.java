package dev.junction.engine.runtime;

import dev.junction.element.Element;
import dev.junction.engine.check.CheckedRouter;
import dev.junction.engine.check.FlowCode;
import dev.junction.engine.check.Processing;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the notifiers a task should listen to, as Click's {@code Notifier::upstream_empty_signal} and
 * {@code downstream_full_signal} do.
 *
 * <p>Upstream of a pull input, the search walks against the flow: to the output feeding the port; if that
 * element has an {@link NotifierKind#EMPTY} notifier, it is taken and the search stops there; otherwise it
 * goes on through the element's inputs that its flow code connects to that output. Reaching a push output
 * means packets arrive by push with no notifier in between (a push-to-pull boundary without a queue), and
 * then the signal is "always active": the listener keeps polling. Downstream of a push output it is the
 * mirror image with {@link NotifierKind#FULL} notifiers, stopping with "always active" at a pull input. A
 * search that finds no notifier at all is "always active" too. The task is registered with every notifier
 * found.
 */
final class NotifierSearch {
    private record Port(int element, int port) {
    }

    private final Graph graph;
    private final CheckedRouter checked;

    NotifierSearch(Graph graph) {
        this.graph = graph;
        this.checked = graph.checked();
    }

    /** The empty signal upstream of input {@code port} of element {@code element}, with {@code listener} added. */
    NotifierSignal upstreamEmpty(int element, int port, Task listener) {
        return search(element, port, false, NotifierKind.EMPTY, listener);
    }

    /** The full signal downstream of output {@code port} of element {@code element}, with {@code listener} added. */
    NotifierSignal downstreamFull(int element, int port, Task listener) {
        return search(element, port, true, NotifierKind.FULL, listener);
    }

    private NotifierSignal search(int start, int startPort, boolean downstream, NotifierKind kind, Task listener) {
        List<Notifier> found = new ArrayList<>();
        Set<Port> seen = new HashSet<>();
        ArrayDeque<Port> frontier = new ArrayDeque<>();
        frontier.add(new Port(start, startPort));
        while (!frontier.isEmpty()) {
            Port from = frontier.poll();
            for (Port reached : neighbours(from, downstream)) {
                if (!seen.add(reached)) {
                    continue;
                }
                Element element = graph.element(reached.element());
                Notifier notifier = element.notifier(kind);
                if (notifier != null) {
                    if (!found.contains(notifier)) {
                        found.add(notifier);
                    }
                    continue;
                }
                if (crossesBoundary(reached, downstream)) {
                    return NotifierSignal.alwaysActive();
                }
                frontier.addAll(throughElement(reached, downstream));
            }
        }
        if (listener != null) {
            found.forEach(notifier -> notifier.addListener(listener));
        }
        return NotifierSignal.anyOf(found);
    }

    /** The ports connected to {@code from}: outputs feeding input {@code from}, or inputs fed by output {@code from}. */
    private List<Port> neighbours(Port from, boolean downstream) {
        List<Port> ports = new ArrayList<>();
        for (FlatConnection c : checked.connections()) {
            if (downstream && c.from() == from.element() && c.fromPort() == from.port()) {
                ports.add(new Port(c.to(), c.toPort()));
            } else if (!downstream && c.to() == from.element() && c.toPort() == from.port()) {
                ports.add(new Port(c.from(), c.fromPort()));
            }
        }
        return ports;
    }

    /** Whether arriving at this port leaves the pull (upstream) or push (downstream) part of the path. */
    private boolean crossesBoundary(Port reached, boolean downstream) {
        return downstream ? checked.input(reached.element(), reached.port()) == Processing.PULL
                : checked.output(reached.element(), reached.port()) == Processing.PUSH;
    }

    /** The ports on the far side of an element that its flow code links to {@code reached}. */
    private List<Port> throughElement(Port reached, boolean downstream) {
        int element = reached.element();
        FlowCode flow = graph.flowCode(element);
        List<Port> ports = new ArrayList<>();
        if (downstream) {
            for (int out = 0; out < checked.outputCount(element); out++) {
                if (flow.reaches(reached.port(), out)) {
                    ports.add(new Port(element, out));
                }
            }
        } else {
            for (int in = 0; in < checked.inputCount(element); in++) {
                if (flow.reaches(in, reached.port())) {
                    ports.add(new Port(element, in));
                }
            }
        }
        return ports;
    }
}
