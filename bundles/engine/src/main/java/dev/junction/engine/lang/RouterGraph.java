package dev.junction.engine.lang;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.Landmark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements and connections of one router or compound body, as Click's tools keep them: elements by
 * index and name, connections in the order they were made, port counts that follow the connections, and
 * tunnel pairs (the ports of compounds and groups) that flattening removes.
 *
 * <p>Per-element connection lists are searched newest first, because Click keeps them as lists it adds
 * to at the front, and the order in which tunnels are resolved decides how click-flatten's chains form.
 */
final class RouterGraph {
    /** One element. Anonymous elements carry a leading {@code ;} until names are assigned. */
    static final class Node {
        String name;
        ElementClass type;
        String config;
        final Landmark landmark;
        int index;
        int inputs;
        int outputs;
        Node tunnelInput;
        Node tunnelOutput;
        boolean dead;
        final List<Edge> outEdges = new ArrayList<>();
        final List<Edge> inEdges = new ArrayList<>();

        Node(String name, ElementClass type, String config, Landmark landmark) {
            this.name = name;
            this.type = type;
            this.config = config;
            this.landmark = landmark;
        }

        boolean isTunnel() {
            return type == ElementClass.Tunnel.INSTANCE;
        }

        boolean nameUnassigned() {
            return name.startsWith(";");
        }
    }

    /** One connection from an output port to an input port. */
    static final class Edge {
        final Node from;
        final int fromPort;
        final Node to;
        final int toPort;
        final Landmark landmark;
        boolean dead;

        Edge(Node from, int fromPort, Node to, int toPort, Landmark landmark) {
            this.from = from;
            this.fromPort = fromPort;
            this.to = to;
            this.toPort = toPort;
            this.landmark = landmark;
        }
    }

    /** An end of a connection: an element and a port. */
    record Port(Node node, int port) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new HashMap<>();
    private List<Edge> edges = new ArrayList<>();
    private final List<String[]> requirements = new ArrayList<>();

    List<Node> nodes() {
        return nodes;
    }

    List<Edge> edges() {
        return edges;
    }

    int size() {
        return nodes.size();
    }

    Node node(String name) {
        return byName.get(name);
    }

    /** Makes {@code name} refer to {@code node} (or nothing); returns what it referred to. */
    Node mapName(String name, Node node) {
        return node == null ? byName.remove(name) : byName.put(name, node);
    }

    /** The element called {@code name}, created if there is none. */
    Node getOrAdd(String name, ElementClass type, String config, Landmark landmark) {
        Node n = byName.get(name);
        if (n != null) {
            return n;
        }
        n = new Node(name, type, config, landmark);
        n.index = nodes.size();
        nodes.add(n);
        byName.put(name, n);
        return n;
    }

    List<String[]> requirements() {
        return requirements;
    }

    void addRequirement(String type, String value) {
        requirements.add(new String[] {type, value});
    }

    /** Connects, growing port counts; an exact duplicate of an existing connection is ignored. */
    void connect(Node from, int fromPort, Node to, int toPort, Landmark landmark) {
        if (fromPort < from.outputs && toPort < to.inputs) {
            for (Edge e : from.outEdges) {
                if (!e.dead && e.fromPort == fromPort && e.to == to && e.toPort == toPort) {
                    return;
                }
            }
        } else {
            from.outputs = Math.max(from.outputs, fromPort + 1);
            to.inputs = Math.max(to.inputs, toPort + 1);
        }
        Edge e = new Edge(from, fromPort, to, toPort, landmark);
        edges.add(e);
        from.outEdges.add(e);
        to.inEdges.add(e);
    }

    /** The other ends of live connections at port {@code port} of {@code n}, newest first. */
    List<Port> connectionsTouching(Node n, int port, boolean output) {
        List<Edge> list = output ? n.outEdges : n.inEdges;
        List<Port> result = new ArrayList<>();
        for (int i = list.size() - 1; i >= 0; i--) {
            Edge e = list.get(i);
            if (!e.dead && (output ? e.fromPort : e.toPort) == port) {
                result.add(output ? new Port(e.to, e.toPort) : new Port(e.from, e.fromPort));
            }
        }
        return result;
    }

    /** Which ports of {@code n} have connections, on the output or input side. */
    boolean[] usedPorts(Node n, boolean output) {
        boolean[] used = new boolean[output ? n.outputs : n.inputs];
        for (Edge e : output ? n.outEdges : n.inEdges) {
            if (!e.dead) {
                used[output ? e.fromPort : e.toPort] = true;
            }
        }
        return used;
    }

    /**
     * Pairs tunnel {@code nameIn} (what connects to it from outside) with {@code nameOut} (what continues
     * from it inside), creating them if needed; reports names already used by real elements.
     */
    void addTunnel(String nameIn, String nameOut, Landmark landmark, Diagnostics errors) {
        Node in = getOrAdd(nameIn, ElementClass.Tunnel.INSTANCE, "", landmark);
        Node out = getOrAdd(nameOut, ElementClass.Tunnel.INSTANCE, "", landmark);
        boolean ok = true;
        if (!in.isTunnel()) {
            redeclaration(errors, "element", nameIn, landmark, in.landmark);
            ok = false;
        }
        if (!out.isTunnel()) {
            redeclaration(errors, "element", nameOut, landmark, out.landmark);
            ok = false;
        }
        if (in.tunnelOutput != null) {
            redeclaration(errors, "connection tunnel input", nameIn, landmark, in.landmark);
            ok = false;
        }
        if (out.tunnelInput != null) {
            redeclaration(errors, "connection tunnel output", nameOut, landmark, out.landmark);
            ok = false;
        }
        if (ok) {
            in.tunnelOutput = out;
            out.tunnelInput = in;
        }
    }

    /** Click's two-line redeclaration message. */
    static void redeclaration(Diagnostics errors, String what, String name, Landmark here, Landmark before) {
        if (errors == null) {
            return;
        }
        errors.error(here, "redeclaration of " + what + " '" + name + "'");
        errors.error(before, "'" + name + "' previously declared here");
    }

    /** Gives anonymous elements their final names: {@code Class@N}, counting up past names in use. */
    void assignNames() {
        for (Node n : nodes) {
            if (n.nameUnassigned()) {
                assignName(n);
            }
        }
    }

    private void assignName(Node n) {
        String name = n.name.substring(1);
        if (byName.containsKey(name)) {
            int at = name.lastIndexOf('@');
            String prefix = name.substring(0, at + 1);
            int digitsEnd = at + 1;
            while (digitsEnd < name.length() && Character.isDigit(name.charAt(digitsEnd))) {
                digitsEnd++;
            }
            long number = digitsEnd > at + 1 ? Long.parseLong(name.substring(at + 1, Math.min(digitsEnd, at + 10))) : 0;
            do {
                number++;
                name = prefix + number;
            } while (byName.containsKey(name));
        }
        if (byName.get(n.name) == n) {
            byName.remove(n.name);
        }
        n.name = name;
        byName.put(name, n);
    }

    /**
     * Replaces every connection through tunnels by direct connections between the real elements on both
     * sides, then deletes the paired tunnels (Click's {@code remove_tunnels}).
     */
    void removeTunnels(Diagnostics errors) {
        List<Port> inputs = new ArrayList<>();
        List<Port> outputs = new ArrayList<>();
        Map<Port, Integer> outputIndex = new HashMap<>();
        Map<Port, Integer> inputIndex = new HashMap<>();
        for (Edge c : edges) {
            if (c.dead) {
                continue;
            }
            if (c.from.isTunnel() && c.from.tunnelInput != null) {
                outputIndex.computeIfAbsent(new Port(c.from, c.fromPort), p -> {
                    outputs.add(p);
                    return outputs.size() - 1;
                });
            }
            if (c.to.isTunnel() && c.to.tunnelOutput != null) {
                inputIndex.computeIfAbsent(new Port(c.to, c.toPort), p -> {
                    inputs.add(p);
                    return inputs.size() - 1;
                });
            }
        }
        TunnelExpansion inExpansion = new TunnelExpansion(inputs, inputIndex, false, errors);
        for (int i = 0; i < inputs.size(); i++) {
            inExpansion.expand(i); // only for its errors about unused compound ports
        }
        TunnelExpansion outExpansion = new TunnelExpansion(outputs, outputIndex, true, errors);
        for (int i = 0; i < outputs.size(); i++) {
            outExpansion.expand(i);
        }
        int originalCount = edges.size();
        for (int i = 0; i < originalCount; i++) {
            Edge c = edges.get(i);
            if (c.dead || !c.from.isTunnel() || c.to.isTunnel()) {
                continue;
            }
            Integer x = outputIndex.get(new Port(c.from, c.fromPort));
            if (x == null) {
                continue;
            }
            for (Port source : outExpansion.result(x)) {
                connect(source.node(), source.port(), c.to, c.toPort, c.landmark);
            }
        }
        for (Node n : nodes) {
            if (n.isTunnel() && (n.tunnelOutput != null || n.tunnelInput != null)) {
                n.dead = true;
            }
        }
        removeDeadElements();
    }

    /** The real sources feeding each tunnel output port, found recursively through chained tunnels. */
    private final class TunnelExpansion {
        private final List<Port> ports;
        private final Map<Port, Integer> index;
        private final boolean isOutput;
        private final List<List<Port>> results = new ArrayList<>();
        private final byte[] state; // 0 not expanded, 1 expanding, 2 done
        private final Diagnostics errors;

        TunnelExpansion(List<Port> ports, Map<Port, Integer> index, boolean isOutput, Diagnostics errors) {
            this.errors = errors;
            this.ports = ports;
            this.index = index;
            this.isOutput = isOutput;
            this.state = new byte[ports.size()];
            for (int i = 0; i < ports.size(); i++) {
                results.add(List.of());
            }
        }

        List<Port> result(int i) {
            return results.get(i);
        }

        void expand(int which) {
            if (state[which] != 0) {
                return; // circular or done
            }
            state[which] = 1;
            Port me = ports.get(which);
            Node other = isOutput ? me.node().tunnelInput : me.node().tunnelOutput;
            List<Port> found = connectionsTouching(other, me.port(), !isOutput);
            if (found.isEmpty()) {
                reportUnused(me, other);
            }
            List<Port> store = new ArrayList<>();
            for (Port p : found) {
                if (p.node().isTunnel()) {
                    Integer x = index.get(p);
                    if (x != null) {
                        expand(x);
                        store.addAll(results.get(x));
                        continue;
                    }
                }
                store.add(p);
            }
            results.set(which, store);
            state[which] = 2;
        }

        private void reportUnused(Port me, Node other) {
            Node in = isOutput ? other : me.node();
            Node out = isOutput ? me.node() : other;
            if ((in.name + "/input").equals(out.name)) {
                errors.error(in.landmark, "'" + in.name + "' " + (isOutput ? "input " + me.port() + " unused"
                    : "has no input " + me.port()));
            } else if (in.name.equals(out.name + "/output")) {
                errors.error(out.landmark, "'" + out.name + "' " + (isOutput ? "has no output " + me.port()
                    : "output " + me.port() + " unused"));
            } else {
                errors.error(other.landmark, "tunnel '" + in.name + " -> " + out.name + "' "
                    + (isOutput ? "input" : "output") + " " + me.port() + " unused");
            }
        }
    }

    /** Marks dead the connections touching dead elements, then removes both, keeping order. */
    void removeDeadElements() {
        List<Edge> live = new ArrayList<>(edges.size());
        for (Edge e : edges) {
            if (e.dead || e.from.dead || e.to.dead) {
                e.dead = true;
            } else {
                live.add(e);
            }
        }
        edges = live;
        List<Node> kept = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n.dead) {
                if (byName.get(n.name) == n) {
                    byName.remove(n.name);
                }
            } else {
                n.index = kept.size();
                kept.add(n);
            }
        }
        if (kept.size() != nodes.size()) {
            nodes.clear();
            nodes.addAll(kept);
            for (Node n : nodes) {
                n.outEdges.removeIf(e -> e.dead);
                n.inEdges.removeIf(e -> e.dead);
            }
        }
    }
}
