package dev.junction.engine.check;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.Landmark;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Click's {@code check_push_and_pull}: decides whether each port is push or pull.
 *
 * <p>Click adds, inside every element, an "agnostic link" from each agnostic output to each agnostic input
 * whose packets may reach it (by the flow code), then sweeps over the real connections (in input order) and
 * the agnostic links, again and again until nothing changes: an agnostic end takes the processing of a
 * resolved other end, and two resolved ends that differ are an error, reported once. Which of two conflicting
 * neighbours wins an agnostic port, and so which errors appear and in what order, depends on that sweep.
 *
 * <p>Repeating the sweep costs a pass per port along a chain, quadratic on long pipelines. This class finds
 * the same outcome in O(E log E): it computes the moment (pass, link) at which the sweep would first resolve
 * each port, as a shortest-path search where a link visited after its resolved end was resolved passes that
 * processing on, and it reports each conflict at the moment the sweep would first see both ends resolved.
 */
final class PushPullResolution {
    private static final long UNRESOLVED = Long.MAX_VALUE;
    private static final long DECLARED = -1;

    private final List<FlatElement> elements;
    private final PortLayout layout;
    private final Processing[] inputs;
    private final Processing[] outputs;
    private final Links links = new Links();

    private PushPullResolution(List<FlatElement> elements, PortLayout layout) {
        this.elements = elements;
        this.layout = layout;
        this.inputs = new Processing[layout.totalInputs()];
        this.outputs = new Processing[layout.totalOutputs()];
    }

    /**
     * The processing of every input and every output, by global port number ({@link PortLayout}).
     *
     * @param inputs processing of each input
     * @param outputs processing of each output
     */
    record Ports(Processing[] inputs, Processing[] outputs) {
    }

    /** Resolves every port and reports conflicts; ports left agnostic are push, as Click treats them. */
    static Ports run(List<FlatElement> elements, ClassCodes[] codes, PortLayout layout,
            ConnectionTable connections, Diagnostics diagnostics) {
        PushPullResolution resolution = new PushPullResolution(elements, layout);
        resolution.declare(codes, diagnostics);
        for (int i = 0; i < connections.size(); i++) {
            FlatConnection c = connections.get(i);
            resolution.links.add(c.from(), c.fromPort(), c.to(), c.toPort());
        }
        int realLinks = resolution.links.size;
        resolution.addAgnosticLinks(codes, diagnostics);
        resolution.spread(realLinks, diagnostics);
        return new Ports(resolution.inputs, resolution.outputs);
    }

    /** Each port's processing as its class declares it. */
    private void declare(ClassCodes[] codes, Diagnostics diagnostics) {
        for (int e = 0; e < elements.size(); e++) {
            ProcessingCode code = codes[e].processing();
            if (code == null) {
                diagnostics.error(Landmark.NONE, Declarations.of(elements.get(e)) + ": bad processing code");
                code = ProcessingCode.AGNOSTIC;
            }
            for (int p = 0; p < layout.inputCount(e); p++) {
                inputs[layout.input(e, p)] = code.input(p);
            }
            for (int p = 0; p < layout.outputCount(e); p++) {
                outputs[layout.output(e, p)] = code.output(p);
            }
        }
    }

    /** Links each agnostic input to the agnostic outputs its packets may reach, as Click's fake connections. */
    private void addAgnosticLinks(ClassCodes[] codes, Diagnostics diagnostics) {
        for (int e = 0; e < elements.size(); e++) {
            FlowCode flow = codes[e].flowCode();
            for (int in = 0; in < layout.inputCount(e); in++) {
                if (inputs[layout.input(e, in)] != Processing.AGNOSTIC) {
                    continue;
                }
                if (flow == null) {
                    // Click reads the flow code only for agnostic inputs, so reports a bad one here
                    diagnostics.error(Landmark.NONE, Declarations.quoted(elements.get(e)) + " flow code: "
                            + codes[e].flowError().reason());
                    break;
                }
                for (int out = 0; out < layout.outputCount(e); out++) {
                    if (outputs[layout.output(e, out)] == Processing.AGNOSTIC && flow.reaches(in, out)) {
                        links.add(e, out, e, in);
                    }
                }
            }
        }
    }

    private void spread(int realLinks, Diagnostics diagnostics) {
        int count = links.size;
        long[] inputTime = new long[inputs.length];
        long[] outputTime = new long[outputs.length];
        for (int g = 0; g < inputs.length; g++) {
            inputTime[g] = inputs[g] == Processing.AGNOSTIC ? UNRESOLVED : DECLARED;
        }
        for (int g = 0; g < outputs.length; g++) {
            outputTime[g] = outputs[g] == Processing.AGNOSTIC ? UNRESOLVED : DECLARED;
        }
        int[] fromGport = new int[count];
        int[] toGport = new int[count];
        for (int i = 0; i < count; i++) {
            fromGport[i] = layout.output(links.fromElement[i], links.fromPort[i]);
            toGport[i] = layout.input(links.toElement[i], links.toPort[i]);
        }
        Adjacency byOutput = new Adjacency(fromGport, outputs.length);
        Adjacency byInput = new Adjacency(toGport, inputs.length);

        PriorityQueue<Long> visits = new PriorityQueue<>();
        for (int i = 0; i < count; i++) {
            if ((inputTime[toGport[i]] == DECLARED) != (outputTime[fromGport[i]] == DECLARED)) {
                visits.add(visitAfter(DECLARED, i, count));
            }
        }
        while (!visits.isEmpty()) {
            long time = visits.poll();
            int i = (int) (time % count);
            int from = fromGport[i];
            int to = toGport[i];
            if (inputTime[to] == UNRESOLVED && outputTime[from] != UNRESOLVED) {
                inputs[to] = outputs[from];
                inputTime[to] = time;
                scheduleNeighbours(byInput, to, time, fromGport, outputTime, visits);
            } else if (outputTime[from] == UNRESOLVED && inputTime[to] != UNRESOLVED) {
                outputs[from] = inputs[to];
                outputTime[from] = time;
                scheduleNeighbours(byOutput, from, time, toGport, inputTime, visits);
            }
        }
        reportConflicts(realLinks, fromGport, toGport, inputTime, outputTime, diagnostics);
        treatAgnosticAsPush(inputs);
        treatAgnosticAsPush(outputs);
    }

    /** Schedules the links at {@code port}, just resolved at {@code time}, whose other end is still open. */
    private void scheduleNeighbours(Adjacency adjacency, int port, long time, int[] otherEnd, long[] otherTime,
            PriorityQueue<Long> visits) {
        for (int k = adjacency.start[port]; k < adjacency.start[port + 1]; k++) {
            int link = adjacency.links[k];
            if (otherTime[otherEnd[link]] == UNRESOLVED) {
                visits.add(visitAfter(time, link, links.size));
            }
        }
    }

    /**
     * The moment the sweep next visits {@code link} after {@code time}. Moments are {@code pass * count + link},
     * so that they order as the sweep does; declared ports are resolved before the first pass.
     */
    private static long visitAfter(long time, int link, int count) {
        if (time == DECLARED) {
            return link;
        }
        long passStart = time - time % count;
        return link > time % count ? passStart + link : passStart + count + link;
    }

    private void reportConflicts(int realLinks, int[] fromGport, int[] toGport, long[] inputTime, long[] outputTime,
            Diagnostics diagnostics) {
        int count = links.size;
        long[] conflicts = new long[count];
        int found = 0;
        for (int i = 0; i < count; i++) {
            Processing from = outputs[fromGport[i]];
            Processing to = inputs[toGport[i]];
            if (from != Processing.AGNOSTIC && to != Processing.AGNOSTIC && from != to) {
                long bothResolved = Math.max(outputTime[fromGport[i]], inputTime[toGport[i]]);
                conflicts[found++] = visitAfter(bothResolved, i, count);
            }
        }
        Arrays.sort(conflicts, 0, found);
        for (int k = 0; k < found; k++) {
            int i = (int) (conflicts[k] % count);
            diagnostics.error(Landmark.NONE, conflictMessage(i, i >= realLinks, outputs[fromGport[i]]));
        }
    }

    private String conflictMessage(int link, boolean agnosticLink, Processing from) {
        FlatElement upstream = elements.get(links.fromElement[link]);
        int fromPort = links.fromPort[link];
        int toPort = links.toPort[link];
        if (agnosticLink) {
            return "agnostic " + Declarations.quoted(upstream) + " in mixed context: " + from.opposite().word()
                    + " input " + toPort + ", " + from.word() + " output " + fromPort;
        }
        FlatElement downstream = elements.get(links.toElement[link]);
        return Declarations.quoted(upstream) + " " + from.word() + " output " + fromPort + " connected to "
                + Declarations.quoted(downstream) + " " + from.opposite().word() + " input " + toPort;
    }

    private static void treatAgnosticAsPush(Processing[] ports) {
        for (int g = 0; g < ports.length; g++) {
            if (ports[g] == Processing.AGNOSTIC) {
                ports[g] = Processing.PUSH;
            }
        }
    }

    /** Real connections and agnostic links, in the order the sweep visits them. */
    private static final class Links {
        int size;
        int[] fromElement = new int[16];
        int[] fromPort = new int[16];
        int[] toElement = new int[16];
        int[] toPort = new int[16];

        void add(int fromE, int fromP, int toE, int toP) {
            if (size == fromElement.length) {
                fromElement = Arrays.copyOf(fromElement, size * 2);
                fromPort = Arrays.copyOf(fromPort, size * 2);
                toElement = Arrays.copyOf(toElement, size * 2);
                toPort = Arrays.copyOf(toPort, size * 2);
            }
            fromElement[size] = fromE;
            fromPort[size] = fromP;
            toElement[size] = toE;
            toPort[size] = toP;
            size++;
        }
    }

    /** The links at each port, as compressed rows: those of port g are {@code links[start[g] .. start[g+1])}. */
    private static final class Adjacency {
        final int[] start;
        final int[] links;

        Adjacency(int[] portOfLink, int portCount) {
            start = new int[portCount + 1];
            for (int port : portOfLink) {
                start[port + 1]++;
            }
            for (int g = 0; g < portCount; g++) {
                start[g + 1] += start[g];
            }
            links = new int[portOfLink.length];
            int[] next = Arrays.copyOf(start, portCount);
            for (int i = 0; i < portOfLink.length; i++) {
                links[next[portOfLink[i]]++] = i;
            }
        }
    }
}
