package dev.junction.engine.lang;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.Landmark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands every compound element of a parsed router in place, as Click's tools do: each compound instance
 * becomes a tunnel pair around a copy of its body (element names prefixed {@code instance/}, formals
 * substituted into configuration strings), overloads are chosen by argument and port counts, and finally
 * the tunnels are replaced by direct connections.
 */
final class Flattener {
    private final Diagnostics diagnostics;
    private final Set<CompoundClass> expanding = new HashSet<>();

    Flattener(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Flattens {@code router}'s body. With {@code expandVariables} the router's {@code define}s are
     * substituted; without, {@code $name} references to them stay as written (click-flatten's default).
     */
    void flatten(CompoundClass router, boolean expandVariables) {
        VariableEnvironment global = new VariableEnvironment(null);
        VariableEnvironment scope = router.scope();
        for (int i = 0; i < scope.size(); i++) {
            String value = expandVariables ? global.expand(scope.value(i)) : "$" + scope.name(i);
            global.define(scope.name(i), value, true);
        }
        RouterGraph body = router.body();
        int count = body.size();
        for (int i = 0; i < count; i++) {
            RouterGraph.Node n = body.nodes().get(i);
            if (!n.dead) {
                expandElement(n, body, body, "", global);
            }
        }
        body.removeTunnels(diagnostics);
    }

    private RouterGraph.Node expandElement(RouterGraph.Node e, RouterGraph from, RouterGraph to, String prefix,
                                           VariableEnvironment env) {
        ElementClass type = e.type;
        if (type instanceof ElementClass.Primitive || type instanceof ElementClass.Tunnel) {
            return directExpand(e, from, to, prefix, env, type);
        }
        List<String> args = ConfigStrings.argvec(env.expand(e.config));
        Resolution found = resolve(type, e.inputs, e.outputs, args, e.landmark);
        if (found == null) {
            if (from == to) {
                e.dead = true;
            }
            return null;
        }
        if (found.type() instanceof CompoundClass compound) {
            return complexExpand(compound, e, found.arguments(), from, to, prefix, env);
        }
        return directExpand(e, from, to, prefix, env, found.type());
    }

    /** The class an element of class {@code type} really is, with its arguments matched to the formals. */
    private record Resolution(ElementClass type, List<String> arguments) {
    }

    private Resolution resolve(ElementClass type, int inputs, int outputs, List<String> args, Landmark landmark) {
        if (type instanceof ElementClass.Synonym synonym) {
            return resolve(synonym.target(), inputs, outputs, args, landmark);
        } else if (!(type instanceof CompoundClass)) {
            return new Resolution(type, args);
        }
        CompoundClass first = (CompoundClass) type;
        CompoundClass r = first;
        CompoundClass closest = null;
        int tried = 0;
        while (true) {
            tried++;
            List<String> assigned = r.assignArguments(args);
            if (r.inputs() == inputs && r.outputs() == outputs && assigned != null) {
                return new Resolution(r, assigned);
            } else if (assigned != null) {
                closest = r;
            }
            ElementClass overload = r.overload();
            CompoundClass next = asCompound(overload);
            if (overload == null) {
                break;
            } else if (next != null) {
                r = next;
            } else {
                Resolution result = resolve(overload, inputs, outputs, args, landmark);
                if (result != null) {
                    return result;
                }
                break;
            }
        }
        if (tried != 1 || closest == null) {
            diagnostics.error(landmark, "no match for '"
                + CompoundClass.signature(first.name(), null, args.size(), inputs, outputs) + "'");
            boolean contextPrinted = false;
            for (CompoundClass c = first; c != null; c = asCompound(c.overload())) {
                if (!contextPrinted) {
                    diagnostics.note(c.landmark(), "candidates are:");
                    contextPrinted = true;
                }
                diagnostics.note(c.landmark(), "  " + c.signature());
            }
        }
        return closest == null ? null : new Resolution(closest, closest.assignArguments(args));
    }

    private static CompoundClass asCompound(ElementClass type) {
        ElementClass t = type;
        while (t instanceof ElementClass.Synonym s) {
            t = s.target();
        }
        return t instanceof CompoundClass c ? c : null;
    }

    private RouterGraph.Node directExpand(RouterGraph.Node e, RouterGraph from, RouterGraph to, String prefix,
                                          VariableEnvironment env, ElementClass type) {
        String newName = prefix + e.name;
        String newConfig = env.expand(e.config);
        boolean inPlace = from == to && prefix.isEmpty();
        if (e.isTunnel()) {
            if (inPlace) {
                return e;
            } else if (e.tunnelOutput != null) {
                to.addTunnel(newName, prefix + e.tunnelOutput.name, e.landmark, diagnostics);
                return to.node(newName);
            }
            return to.getOrAdd(newName, e.type, newConfig, e.landmark);
        }
        if (inPlace) {
            e.config = newConfig;
            e.type = type;
            return e;
        }
        RouterGraph.Node old = to.node(newName);
        if (old != null) {
            RouterGraph.redeclaration(diagnostics, "element", newName, e.landmark, old.landmark);
        }
        return to.getOrAdd(newName, type, newConfig, e.landmark);
    }

    private RouterGraph.Node complexExpand(CompoundClass c, RouterGraph.Node compound, List<String> args,
                                           RouterGraph from, RouterGraph to, String prefix, VariableEnvironment env) {
        if (!expanding.add(c)) {
            // Lexical scoping makes this impossible in Click; guard against endless expansion all the same
            diagnostics.error(compound.landmark, "circular definition of compound element '" + c.printableName() + "'");
            return null;
        }
        VariableEnvironment newEnv = createScope(c, args, env);
        String newPrefix = prefix + compound.name;
        if (!newPrefix.endsWith("/")) {
            newPrefix += "/";
        }
        if (from == to) {
            compound.type = ElementClass.Tunnel.INSTANCE;
        }
        to.addTunnel(prefix + compound.name, newPrefix + "input", compound.landmark, diagnostics);
        to.addTunnel(newPrefix + "output", prefix + compound.name, compound.landmark, diagnostics);
        RouterGraph.Node result = to.node(prefix + compound.name);
        expandInto(c.body(), to, newPrefix, newEnv);
        expanding.remove(c);
        return result;
    }

    /** The variables inside one instance: formals bound to arguments, then the class's defines. */
    private static VariableEnvironment createScope(CompoundClass c, List<String> args, VariableEnvironment env) {
        VariableEnvironment newEnv = new VariableEnvironment(env.parentOf(c.depth()));
        List<String> formals = c.formals();
        for (int i = 0; i < formals.size(); i++) {
            newEnv.define(formals.get(i), i < args.size() ? args.get(i) : "", true);
        }
        VariableEnvironment own = c.scope();
        for (int i = 0; i < own.size(); i++) {
            newEnv.define(own.name(i), env.expand(own.value(i)), true);
        }
        return newEnv;
    }

    private void expandInto(RouterGraph from, RouterGraph to, String prefix, VariableEnvironment env) {
        List<RouterGraph.Node> nodes = new ArrayList<>(from.nodes());
        RouterGraph.Node[] copies = new RouterGraph.Node[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).dead) {
                copies[i] = expandElement(nodes.get(i), from, to, prefix, env);
            }
        }
        for (RouterGraph.Edge c : from.edges()) {
            RouterGraph.Node a = copies[c.from.index];
            RouterGraph.Node b = copies[c.to.index];
            if (!c.dead && a != null && b != null) {
                to.connect(a, c.fromPort, b, c.toPort, c.landmark);
            }
        }
        for (String[] r : from.requirements()) {
            to.addRequirement(r[0], r[1]);
        }
    }
}
