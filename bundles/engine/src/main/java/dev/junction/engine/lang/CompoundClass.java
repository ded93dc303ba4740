package dev.junction.engine.lang;

import dev.junction.engine.graph.Landmark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope of the configuration: the whole router, or one compound class ({@code { ... }} with its formals,
 * element classes declared inside, {@code define}s, and its body). A compound's {@code input} and
 * {@code output} pseudo-elements are tunnels in its body. Overloads ({@code ||}) chain through
 * {@link #overload()}.
 */
final class CompoundClass extends ElementClass {
    private final String printableName;
    private final CompoundClass declarationScope;
    private final RouterGraph body = new RouterGraph();
    private final Map<String, ElementClass> declaredTypes = new HashMap<>();
    private final List<String> formals = new ArrayList<>();
    private final List<String> formalTypes = new ArrayList<>();
    private final VariableEnvironment scope;
    private Landmark landmark;
    private ElementClass overload;
    private int inputs;
    private int outputs;

    /** The top-level router: no pseudo-elements, depth 0. */
    CompoundClass() {
        super("");
        this.printableName = "<router>";
        this.declarationScope = null;
        this.scope = new VariableEnvironment(null);
        this.landmark = Landmark.NONE;
    }

    /** A compound class declared inside {@code declarationScope}. */
    CompoundClass(String name, String printableName, Landmark landmark, CompoundClass declarationScope) {
        super(name);
        this.printableName = printableName;
        this.landmark = landmark;
        this.declarationScope = declarationScope;
        this.scope = new VariableEnvironment(declarationScope.scope);
        body.getOrAdd("input", ElementClass.Tunnel.INSTANCE, "", landmark);
        body.getOrAdd("output", ElementClass.Tunnel.INSTANCE, "", landmark);
    }

    String printableName() {
        return printableName;
    }

    RouterGraph body() {
        return body;
    }

    VariableEnvironment scope() {
        return scope;
    }

    /** Nesting depth: 0 for the router, 1 for a class declared in it, and so on. */
    int depth() {
        return scope.depth();
    }

    Landmark landmark() {
        return landmark;
    }

    void setLandmark(Landmark landmark) {
        this.landmark = landmark;
    }

    ElementClass overload() {
        return overload;
    }

    void setOverload(ElementClass overload) {
        this.overload = overload;
    }

    int inputs() {
        return inputs;
    }

    int outputs() {
        return outputs;
    }

    void setPorts(int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    List<String> formals() {
        return formals;
    }

    List<String> formalTypes() {
        return formalTypes;
    }

    /** Whether {@code name} is a formal or a {@code define} of this class. */
    boolean defines(String name) {
        return formals.contains(name) || scope.defines(name);
    }

    /** Adds a formal parameter ({@code type} empty for positional); false if the name is taken. */
    boolean addFormal(String name, String type) {
        if (defines(name)) {
            return false;
        }
        formals.add(name);
        formalTypes.add(type);
        return true;
    }

    /** Adds a {@code define}; false if the name is taken. */
    boolean define(String name, String value) {
        return !defines(name) && scope.define(name, value, false);
    }

    /** Declares a named class here (a redeclaration replaces the name from now on). */
    void declareType(ElementClass type) {
        if (!type.name().isEmpty()) {
            declaredTypes.put(type.name(), type);
        }
    }

    /** The classes declared directly in this scope. */
    java.util.Collection<ElementClass> declaredTypes() {
        return declaredTypes.values();
    }

    /** The class called {@code name} visible here: declared here or in an enclosing scope. */
    ElementClass declaredType(String name) {
        for (CompoundClass c = this; c != null; c = c.declarationScope) {
            ElementClass t = c.declaredTypes.get(name);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * Matches actual arguments to the formals (Click's {@code cp_assign_arguments}): positional ones first,
     * then {@code KEYWORD value} for keyword formals (all required), then {@code __REST__} collects the
     * rest. Returns the value for each formal, or null when the arguments do not fit.
     */
    List<String> assignArguments(List<String> args) {
        int n = formalTypes.size();
        if (n == 0 || formalTypes.get(n - 1).isEmpty()) {
            return args.size() == n ? new ArrayList<>(args) : null;
        }
        return assignWithKeywords(args);
    }

    private List<String> assignWithKeywords(List<String> args) {
        int total = formalTypes.size();
        boolean rest = total > 0 && formalTypes.get(total - 1).equals("__REST__");
        int nvalues = rest ? total - 1 : total;
        int positional = 0;
        while (positional < nvalues && formalTypes.get(positional).isEmpty()) {
            positional++;
        }
        String[] values = new String[total];
        boolean[] supplied = new boolean[total];
        boolean[] used = new boolean[args.size()];
        int positionalSupplied = 0;
        boolean anyKeywords = false;
        boolean keywordError = false;
        for (int i = 0; i < args.size(); i++) {
            if (positionalSupplied >= positional) {
                int k = keywordSlot(args.get(i), positional, nvalues, values, supplied);
                if (k >= 0) {
                    used[i] = true;
                    anyKeywords = true;
                    continue;
                } else if (anyKeywords) {
                    keywordError |= !rest;
                    continue;
                }
            }
            if (positionalSupplied < positional) {
                used[i] = true;
                values[positionalSupplied] = args.get(i);
                supplied[positionalSupplied] = true;
            }
            positionalSupplied++;
        }
        if (keywordError) {
            return null;
        }
        for (int i = 0; i < nvalues; i++) {
            if (!supplied[i]) {
                return null; // every formal, keyword ones too, is mandatory
            }
        }
        if (positionalSupplied > positional && !rest) {
            return null;
        }
        if (rest) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                if (!used[i]) {
                    sb.append(sb.isEmpty() ? "" : ", ").append(args.get(i));
                }
            }
            values[nvalues] = sb.toString();
        }
        List<String> out = new ArrayList<>(total);
        for (String v : values) {
            out.add(v == null ? "" : v);
        }
        return out;
    }

    private int keywordSlot(String arg, int from, int to, String[] values, boolean[] supplied) {
        String[] kw = ConfigStrings.keyword(arg);
        if (kw == null) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (formalTypes.get(i).equals(kw[0])) {
                values[i] = kw[1];
                supplied[i] = true;
                return i;
            }
        }
        return -1;
    }

    /** Click's signature of this class, as listed among candidates: {@code Name[2 inputs, 1 output]}. */
    String signature() {
        // Click passes the class's define values where formal types belong; usually there are none
        return signature(name(), scope.values(), -1, inputs, outputs);
    }

    /**
     * Click's {@code unparse_signature}: the name (or {@code <anonymous>}), formal types in parentheses if
     * any, then argument count (when {@code formalTypes} is null), input and output counts in brackets.
     */
    static String signature(String name, List<String> formalTypes, int nargs, int inputs, int outputs) {
        StringBuilder sb = new StringBuilder(name.isEmpty() ? "<anonymous>" : name);
        if (formalTypes != null && !formalTypes.isEmpty()) {
            sb.append('(');
            for (int i = 0; i < formalTypes.size(); i++) {
                String t = formalTypes.get(i);
                sb.append(i > 0 ? ", " : "").append(t.isEmpty() ? "<arg>" : t.equals("__REST__") ? "..." : t);
            }
            sb.append(')');
        }
        sb.append('[');
        if (formalTypes == null && nargs > 0) {
            sb.append(nargs).append(nargs == 1 ? " argument, " : " arguments, ");
        }
        sb.append(inputs).append(inputs == 1 ? " input, " : " inputs, ");
        sb.append(outputs).append(outputs == 1 ? " output" : " outputs");
        return sb.append(']').toString();
    }
}
