package dev.junction.engine.lang;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.Landmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Click configuration text into a {@link CompoundClass} for the router, following Click's tools
 * parser statement by statement, with its error messages and its recovery: after an error parsing goes on,
 * so that every error is reported, in order.
 */
final class Parser {
    /** Click's userlevel parser refuses compounds and groups nested this deep. */
    static final int MAX_NESTING_DEPTH = 50;

    private final Diagnostics diagnostics;
    private final Path includeDirectory;
    private final Map<String, ElementClass> baseTypes = new HashMap<>();
    private final List<String> libraries = new ArrayList<>();
    private Lexer lexer;
    private CompoundClass router = new CompoundClass();
    private int anonymousOffset;
    private int anonymousClassCount;
    private int groupDepth;
    private int nestingDepth;
    private boolean lastConnectionEndsOutput = true;

    /**
     * @param includeDirectory where {@code require(library FILE)} looks when the including file's name has
     *                         no directory part
     */
    Parser(Diagnostics diagnostics, Path includeDirectory) {
        this.diagnostics = diagnostics;
        this.includeDirectory = includeDirectory;
    }

    /** Parses the whole of {@code text} (file {@code fileName}) and returns the router scope. */
    CompoundClass parse(String text, String fileName) {
        lexer = new Lexer(text, fileName, diagnostics);
        while (statement(0)) {
            // one statement at a time
        }
        return router;
    }

    // ----- element classes

    private ElementClass elementType(Lexeme t) {
        ElementClass type = router.declaredType(t.text());
        return type != null ? type : baseTypes.get(t.text());
    }

    private ElementClass forceElementType(Lexeme t) {
        ElementClass type = elementType(t);
        if (type == null) {
            if (router.body().node(t.text()) != null) {
                lexer.error("'" + t.text() + "' was previously used as an element name");
            }
            type = new ElementClass.Primitive(t.text());
            baseTypes.put(t.text(), type);
        }
        return type;
    }

    // ----- elements

    private String anonymousName(String className) {
        return ";" + className + "@" + (router.body().size() - anonymousOffset + 1);
    }

    private int makeElement(String name, Lexeme location, ElementClass type, String config) {
        for (String component : name.split("/", -1)) {
            if (!component.isEmpty() && component.chars().allMatch(c -> c >= '0' && c <= '9')) {
                lexer.error("element name '" + name + "' has all-digit component");
                break;
            }
        }
        return router.body().getOrAdd(name, type, config, location.landmark()).index;
    }

    private void connect(int from, int fromPort, int toPort, int to, Landmark landmark) {
        List<RouterGraph.Node> nodes = router.body().nodes();
        router.body().connect(nodes.get(from), Math.max(fromPort, 0), nodes.get(to), Math.max(toPort, 0), landmark);
    }

    /** Reads {@code [p, q-r, ...]} into {@code ports}; {@code [N,]}-style trailing -1 marks expandable. */
    private boolean port(IntList ports) {
        Lexeme open = lexer.lex();
        if (!open.is('[')) {
            lexer.unlex(open);
            return false;
        }
        int before = ports.size();
        int last = -1;
        boolean dash = false;
        while (true) {
            Lexeme t = lexer.lex();
            if (t.is(Lexeme.IDENT)) {
                int port = parsePort(t.text());
                if (dash) {
                    for (++last; last <= port; ++last) {
                        ports.add(last);
                    }
                } else {
                    ports.add(port);
                    last = port;
                }
            } else if (t.is(']')) {
                if (before == ports.size()) {
                    ports.add(0);
                }
                ports.add(-1);
                return true;
            } else {
                lexer.error("syntax error: expected port number");
                lexer.unlex(t);
                return ports.size() != before;
            }
            t = lexer.lex();
            if (t.is(']')) {
                return true;
            } else if (t.is('-') && !dash) {
                dash = true;
            } else if (t.is(',')) {
                dash = false;
            } else {
                lexer.error("syntax error: expected ','");
                lexer.unlex(t);
            }
        }
    }

    /** A port number as C's strtol reads it (decimal, 0x hex, 0 octal), or 0 with an error. */
    private int parsePort(String p) {
        int i = 0;
        boolean negative = false;
        if (p.startsWith("-")) {
            negative = true;
            i = 1;
        }
        int radix = 10;
        if (p.startsWith("0x", i) || p.startsWith("0X", i)) {
            if (p.length() > i + 2 && Character.digit(p.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (p.startsWith("0", i)) {
            radix = 8;
        }
        long value = 0;
        int start = i;
        for (; i < p.length() && Character.digit(p.charAt(i), radix) >= 0; i++) {
            value = Math.min(value * radix + Character.digit(p.charAt(i), radix), Integer.MAX_VALUE);
        }
        boolean numeric = Character.isDigit(p.charAt(0)) || p.charAt(0) == '-';
        if (!numeric || i != p.length() || (i == start && radix != 8)) {
            lexer.error("syntax error: port number should be integer");
            return 0;
        }
        // Ports are small; huge numbers are clamped so that ranges stay bounded
        return (int) Math.min(negative ? -value : value, 0xFFFF);
    }

    /** What one comma-separated item of a connection declares, before it becomes an element. */
    private static final class ElementState {
        String name;
        ElementClass type;
        ElementClass declType;
        boolean bare;
        String configuration = "";
        final Lexeme declLexeme;

        ElementState(String name, ElementClass type, boolean bare, Lexeme declLexeme) {
            this.name = name;
            this.type = type;
            this.bare = bare;
            this.declLexeme = declLexeme;
        }
    }

    /**
     * Reads a comma-separated list of elements with their ports into {@code result}: for each, element index,
     * input port count, output port count, input ports, output ports. {@code inAllowed} is true after an
     * arrow (the list is on the input side of a connection).
     */
    private boolean elements(IntList result, boolean inAllowed) {
        List<ElementState> states = new ArrayList<>();
        IntList res = new IntList();
        boolean anyImplicit = false;
        boolean anyPorts = false;
        Lexeme t;
        while (true) {
            int esize = res.size();
            res.add(-1);
            res.add(0);
            res.add(0);
            boolean implicit = false;
            port(res);
            res.set(esize + 1, res.size() - (esize + 3));

            String name;
            ElementClass type;
            t = lexer.lex();
            if (t.is(Lexeme.IDENT)) {
                name = t.text();
                type = elementType(t);
            } else if (t.is('{')) {
                type = compound("", t, t);
                name = type.name();
            } else if (t.is('(')) {
                name = anonymousName("");
                type = null;
                int[] groupPorts = group(name, t);
                // an anonymous group has implied, overridable ports on both sides for all its ports
                for (int k = 0; k < 2; ++k) {
                    if (res.get(esize + 1 + k) == 0) {
                        res.set(esize + 1 + k, groupPorts[k]);
                        for (int i = 0; i < groupPorts[k]; ++i) {
                            res.add(i);
                        }
                    }
                }
            } else {
                boolean nested = router.depth() > 0 || groupDepth > 0;
                if (nested && (t.is(Lexeme.ARROW) || t.is(Lexeme.DOUBLE_ARROW))) {
                    implicit = !inAllowed && (res.get(esize + 1) != 0 || esize == 0);
                    if (implicit && res.get(esize + 1) == 0 && !lastConnectionEndsOutput) {
                        lexer.warning("suggest 'input " + t.text() + "' or '[0] " + t.text() + "' to start connection");
                    }
                } else if (nested && t.is(',')) {
                    implicit = res.get(esize + 1) != 0;
                } else if (nested && !t.is(Lexeme.DOUBLE_COLON)) {
                    implicit = inAllowed && (res.get(esize + 1) != 0 || esize == 0);
                }
                if (implicit) {
                    anyImplicit = true;
                    name = inAllowed ? "output" : "input";
                    type = null;
                    if (!inAllowed) {
                        res.swap(esize + 1, esize + 2);
                    }
                    lexer.unlex(t);
                } else {
                    if (res.get(esize + 1) != 0) {
                        lexer.error("stranded port ignored");
                    }
                    res.truncate(esize);
                    if (esize == 0) {
                        if (inAllowed) {
                            lexer.unlex(t);
                        } else {
                            lexer.error("syntax error near '" + ConfigStrings.printable(t.text()) + "'");
                        }
                        return false;
                    }
                    break;
                }
            }

            ElementState e = new ElementState(name, type, t.is(Lexeme.IDENT), t);
            states.add(e);

            t = lexer.lex();
            if (t.is(Lexeme.DOUBLE_COLON) && !implicit) {
                t = lexer.lex();
                if (t.is(Lexeme.IDENT)) {
                    e.declType = forceElementType(t);
                } else if (t.is('{')) {
                    e.declType = compound("", t, t);
                } else {
                    lexer.error("missing element type in declaration");
                    e.declType = forceElementType(e.declLexeme.is(Lexeme.IDENT) ? e.declLexeme
                        : new Lexeme(Lexeme.IDENT, e.name, e.declLexeme.landmark(), e.declLexeme.offset()));
                    lexer.unlex(t);
                }
                e.bare = false;
                t = lexer.lex();
            }

            if (t.is('(') && !implicit) {
                if (router.body().node(e.name) != null) {
                    lexer.error("configuration string ignored on element reference");
                }
                e.configuration = lexer.lexConfig().text();
                lexer.expect(')', false);
                e.bare = false;
                t = lexer.lex();
            }

            if (t.is('[') && !implicit) {
                lexer.unlex(t);
                if (res.get(esize + 2) != 0) {
                    res.truncate(esize + 3 + res.get(esize + 1)); // explicit ports replace implied ones
                }
                port(res);
                res.set(esize + 2, res.size() - (esize + 3 + res.get(esize + 1)));
                t = lexer.lex();
            }
            anyPorts = anyPorts || res.get(esize + 1) != 0 || res.get(esize + 2) != 0;

            if (!t.is(',')) {
                break;
            }
        }
        lexer.unlex(t);

        boolean arrowNext = t.is(Lexeme.ARROW) || t.is(Lexeme.DOUBLE_ARROW);
        if (anyImplicit && inAllowed && arrowNext) {
            lexer.error("implicit ports used in the middle of a chain");
        }
        spreadDeclaration(states, inAllowed, arrowNext, anyPorts, anyImplicit);
        addElements(states, res);
        result.replaceWith(res);
        return true;
    }

    /** {@code a, b, c :: C(x)} alone on a statement declares all three as {@code C(x)}. */
    private static void spreadDeclaration(List<ElementState> states, boolean inAllowed, boolean arrowNext,
                                          boolean anyPorts, boolean anyImplicit) {
        if (states.size() < 2 || inAllowed || arrowNext || anyPorts || anyImplicit) {
            return;
        }
        int lastIndex = 0;
        while (lastIndex < states.size() - 1 && states.get(lastIndex).bare) {
            lastIndex++;
        }
        ElementState last = states.get(lastIndex);
        if (lastIndex == states.size() - 1 && last.declType != null) {
            for (int i = 0; i < states.size() - 1; i++) {
                states.get(i).declType = last.declType;
                states.get(i).configuration = last.configuration;
            }
        }
    }

    private void addElements(List<ElementState> states, IntList res) {
        int resp = 0;
        for (ElementState e : states) {
            RouterGraph.Node existing = e.type == null ? router.body().node(e.name) : null;
            if (e.type != null || existing == null) {
                if (e.declType != null && (e.type != null || e.name.equals(e.declType.name()))) {
                    lexer.error("class '" + e.name + "' used as element name");
                } else if (e.declType == null && e.type == null) {
                    e.type = forceElementType(e.declLexeme.is(Lexeme.IDENT) ? e.declLexeme
                        : new Lexeme(Lexeme.IDENT, e.name, e.declLexeme.landmark(), e.declLexeme.offset()));
                }
                if (e.type != null) {
                    e.name = anonymousName(e.type.name());
                }
                res.set(resp, makeElement(e.name, e.declLexeme, e.type != null ? e.type : e.declType, e.configuration));
            } else {
                res.set(resp, existing.index);
                if (e.declType != null) {
                    RouterGraph.redeclaration(diagnostics, "element", e.name, lexer.here(), existing.landmark);
                }
            }
            resp += 3 + res.get(resp + 1) + res.get(resp + 2);
        }
    }

    // ----- connections

    private void checkUseless(IntList x, boolean isOutput, boolean done) {
        for (int i = 0; i < x.size(); i += 3 + x.get(i + 1) + x.get(i + 2)) {
            if (x.get(i + (isOutput ? 2 : 1)) > 0) {
                lexer.error(isOutput ? "output ports ignored at end of chain" : "input ports ignored at start of chain");
                break;
            }
        }
        if (done) {
            RouterGraph.Node output = router.body().node("output");
            lastConnectionEndsOutput = x.size() > 0 && x.size() == 3 + x.get(1) + x.get(2)
                && output != null && x.get(0) == output.index;
        }
    }

    /** [minimum port count, number of expandable port lists] of one side of a connection. */
    private static int[] analyzePorts(IntList x, boolean isOutput) {
        int minPorts = 0;
        int expandable = 0;
        for (int i = 0; i < x.size(); i += 3 + x.get(i + 1) + x.get(i + 2)) {
            int n = x.get(i + (isOutput ? 2 : 1));
            if (n <= 1) {
                minPorts += 1;
            } else if (x.get(i + 3 + (isOutput ? x.get(i + 1) : 0) + n - 1) == -1) {
                minPorts += n - 1;
                ++expandable;
            } else {
                minPorts += n;
            }
        }
        return new int[] {minPorts, expandable};
    }

    /** Connects every output of {@code outputs} to the matching input of {@code inputs} (k: 0 in, 1 out). */
    private void connectAll(IntList outputs, IntList inputs, int connector, Landmark landmark) {
        int[] in = analyzePorts(inputs, false);
        int[] out = analyzePorts(outputs, true);
        int[] minp = {in[0], out[0]};
        int[] expandable = {in[1], out[1]};
        if (expandable[0] + expandable[1] > 1) {
            lexer.error("at most one expandable port allowed per connection");
            expandable[minp[0] < minp[1] ? 1 : 0] = 0;
        }
        IntList[] vec = {inputs, outputs};
        if (connector == Lexeme.DOUBLE_ARROW) {
            // '=>' reads a missing port list as an expandable one
            for (int k = 0; k < 2; ++k) {
                if (minp[k] == 1 && minp[1 - k] > 1 && vec[k].get(1 + k) == 0) {
                    expandable[k] = 1;
                }
            }
        }
        boolean[] step = new boolean[2];
        int[] nexpandable = new int[2];
        for (int k = 0; k < 2; ++k) {
            step[k] = minp[k] > 1 || expandable[k] != 0;
            nexpandable[k] = expandable[k] != 0 ? minp[1 - k] - minp[k] : 0;
        }
        if (step[0] && step[1]) {
            if (connector != Lexeme.DOUBLE_ARROW) {
                lexer.error("syntax error: many-to-many connections require '=>'");
            }
            if (expandable[0] == 0 && expandable[1] == 0 && minp[0] != minp[1]) {
                lexer.error("connection mismatch: " + minp[1] + " outputs connected to " + minp[0] + " inputs");
            } else if (expandable[0] == 0 && minp[0] < minp[1]) {
                lexer.error("connection mismatch: " + minp[1] + " or more outputs connected to " + minp[0] + " inputs");
            } else if (expandable[1] == 0 && minp[1] < minp[0]) {
                lexer.error("connection mismatch: " + minp[1] + " outputs connected to " + minp[0] + " or more inputs");
            }
        } else if (!step[0] && !step[1]) {
            step[0] = true;
        }
        int[] it = {0, 0};
        int[] ppos = {0, 0};
        int[] port = {-1, -1};
        while (it[0] < inputs.size() && it[1] < outputs.size()) {
            for (int k = 0; k < 2; ++k) {
                if (port[k] < 0) {
                    IntList v = vec[k];
                    int np = v.get(it[k] + 1 + k);
                    port[k] = np != 0 ? v.get(it[k] + 3 + (k == 1 ? v.get(it[k] + 1) : 0)) : 0;
                }
            }
            connect(outputs.get(it[1]), port[1], port[0], inputs.get(it[0]), landmark);
            for (int k = 0; k < 2; ++k) {
                if (!step[k]) {
                    continue;
                }
                IntList v = vec[k];
                int np = v.get(it[k] + 1 + k);
                int pvec = it[k] + 3 + (k == 1 ? v.get(it[k] + 1) : 0);
                ++ppos[k];
                if (ppos[k] < np && v.get(pvec + ppos[k]) >= 0) {
                    port[k] = v.get(pvec + ppos[k]); // next in the port list
                } else if (np != 0 && v.get(pvec + np - 1) == -1 && nexpandable[k] > 0) {
                    port[k] = v.get(pvec + np - 2) + ppos[k] - (np - 2); // expandable port list
                    --nexpandable[k];
                } else if (np == 0 && minp[k] == 1 && nexpandable[k] > 0) {
                    port[k] = ppos[k]; // missing port list read as expandable
                    --nexpandable[k];
                } else {
                    port[k] = -1; // next element of the comma-separated list
                    ppos[k] = 0;
                    it[k] += 3 + v.get(it[k] + 1) + v.get(it[k] + 2);
                }
            }
        }
    }

    private boolean connection() {
        IntList elements1 = new IntList();
        IntList elements2 = new IntList();
        int connector = 0;
        Landmark landmark = lexer.nextLandmark();
        while (true) {
            elements2.clear();
            if (!elements(elements2, !elements1.isEmpty())) {
                checkUseless(elements1, true, true);
                return !elements1.isEmpty();
            }
            if (elements1.isEmpty()) {
                checkUseless(elements2, false, false);
            } else {
                connectAll(elements1, elements2, connector, landmark);
            }
            Lexeme t;
            while (true) {
                t = lexer.lex();
                if (t.is(',') || t.is(Lexeme.DOUBLE_COLON)) {
                    lexer.error("syntax error before '" + t.text() + "'");
                    continue;
                }
                break;
            }
            switch (t.kind()) {
                case Lexeme.ARROW, Lexeme.DOUBLE_ARROW -> connector = t.kind();
                case Lexeme.IDENT, '{', '}', '[', ')', Lexeme.DOUBLE_BAR, Lexeme.ELEMENTCLASS, Lexeme.REQUIRE,
                     Lexeme.PROVIDE, Lexeme.DEFINE -> {
                    lexer.unlex(t);
                    checkUseless(elements2, true, true);
                    return true;
                }
                case ';', Lexeme.EOF -> {
                    checkUseless(elements2, true, true);
                    return true;
                }
                default -> {
                    lexer.error("syntax error near '" + ConfigStrings.printable(t.text()) + "'");
                    if (t.kind() >= Lexeme.IDENT) {
                        lexer.unlex(t); // keep meaningful tokens
                    }
                    return true;
                }
            }
            IntList swap = elements1;
            elements1 = elements2;
            elements2 = swap;
        }
    }

    // ----- element classes and groups

    private void elementclass() {
        Lexeme name = lexer.lex();
        String className = "";
        if (!name.is(Lexeme.IDENT)) {
            lexer.unlex(name);
            lexer.error("expected element type name");
        } else if (router.body().node(name.text()) != null) {
            lexer.error("'" + name.text() + "' already used as an element name");
        } else {
            className = name.text();
        }
        Lexeme next = lexer.lex();
        if (next.is('{')) {
            compound(className, name, next);
        } else if (next.is(Lexeme.IDENT)) {
            ElementClass target = forceElementType(next);
            if (!className.isEmpty()) {
                router.declareType(new ElementClass.Synonym(className, target));
            }
        } else {
            lexer.error("syntax error near '" + ConfigStrings.printable(next.text()) + "'");
        }
    }

    private void define(CompoundClass c, String name, String type, Lexeme at, boolean[] orderError) {
        if (!c.addFormal(name, type)) {
            lexer.error("parameter '$" + name + "' multiply defined");
            return;
        }
        List<String> types = c.formalTypes();
        int n = types.size();
        if (!type.isEmpty() && types.subList(0, n - 1).contains(type)) {
            lexer.error("repeated keyword parameter '" + type + "' in compound element");
        }
        if (!orderError[0] && n > 1
            && ((type.isEmpty() && !types.get(n - 2).isEmpty()) || types.get(n - 2).equals("__REST__"))) {
            lexer.error("compound element parameters out of order");
            diagnostics.detail("(The correct order is '[positional], [keywords], [__REST__]'.)");
            orderError[0] = true;
        }
    }

    private void compoundArguments(CompoundClass c) {
        boolean[] orderError = {false};
        while (true) {
            String type = "";
            String name;
            Lexeme t1 = lexer.lex();
            if (t1.is(Lexeme.IDENT)) {
                Lexeme t2 = lexer.lex();
                if (t2.is(Lexeme.VARIABLE)) {
                    type = t1.text();
                    name = t2.text();
                } else {
                    if (!c.formals().isEmpty()) {
                        lexer.error("expected variable");
                    }
                    lexer.unlex(t2);
                    lexer.unlex(t1);
                    return;
                }
            } else if (t1.is(Lexeme.VARIABLE)) {
                name = t1.text();
            } else if (t1.is('|')) {
                return;
            } else {
                if (!c.formals().isEmpty()) {
                    lexer.error("expected variable");
                }
                lexer.unlex(t1);
                return;
            }
            define(c, name, type, t1, orderError);
            Lexeme sep = lexer.lex();
            if (sep.is('|')) {
                return;
            } else if (!sep.is(',')) {
                lexer.error("expected ',' or '|'");
                lexer.unlex(sep);
                return;
            }
        }
    }

    /**
     * Parses a compound class body after its {@code '{'}, with {@code ||} overloads and a final
     * {@code ...} extension; declares it in the current scope and returns the first overload.
     */
    private ElementClass compound(String name, Lexeme nameLexeme, Lexeme open) {
        boolean anonymous = name.isEmpty();
        String printableName = anonymous ? "<anonymous" + (++anonymousClassCount) + ">" : name;
        CompoundClass outer = router;
        int oldOffset = anonymousOffset;
        CompoundClass first = null;
        CompoundClass last = null;
        ElementClass extension = null;
        Landmark classLandmark = anonymous ? open.landmark() : nameLexeme.landmark();
        boolean tooDeep = ++nestingDepth >= MAX_NESTING_DEPTH;
        if (tooDeep) {
            lexer.error("maximum compound element nesting depth exceeded");
        }
        while (true) {
            Lexeme dots = lexer.lex();
            if (dots.is(Lexeme.ELLIPSIS)) {
                if (anonymous) {
                    lexer.error("cannot extend anonymous compound element class");
                    extension = new ElementClass.Primitive("Error");
                } else {
                    extension = forceElementType(new Lexeme(Lexeme.IDENT, name, nameLexeme.landmark(), nameLexeme.offset()));
                }
                dots = lexer.lex();
                if (first == null || !dots.is('}')) {
                    lexer.error("'...' should occur last, after one or more compounds");
                }
                if (dots.is('}') && first != null) {
                    break;
                }
            }
            lexer.unlex(dots);

            CompoundClass c = new CompoundClass(name, printableName, classLandmark, outer);
            router = c;
            anonymousOffset = 2;
            lastConnectionEndsOutput = true;
            if (tooDeep) {
                skipNested('}');
            } else {
                compoundArguments(c);
                while (statement('}')) {
                    // body statements
                }
            }
            finishType(c);
            router = outer;
            if (last != null) {
                last.setOverload(c);
            } else {
                first = c;
            }
            last = c;

            Lexeme t = lexer.lex();
            c.setLandmark(classLandmark);
            classLandmark = t.landmark();
            if (!t.is(Lexeme.DOUBLE_BAR)) {
                break;
            }
        }
        nestingDepth--;
        anonymousOffset = oldOffset;
        if (extension != null) {
            last.setOverload(extension);
        }
        outer.declareType(first);
        return first;
    }

    /** Counts a compound's ports from its pseudo-elements and names its anonymous elements. */
    private void finishType(CompoundClass c) {
        RouterGraph body = c.body();
        int inputs = checkPseudoElement(body, body.node("input"), false, c.printableName(), c.landmark());
        int outputs = checkPseudoElement(body, body.node("output"), true, c.printableName(), c.landmark());
        c.setPorts(inputs, outputs);
        body.assignNames();
    }

    private int checkPseudoElement(RouterGraph body, RouterGraph.Node e, boolean isOutput, String name, Landmark at) {
        if (e == null) {
            return 0;
        }
        String[] names = {"input", "output"};
        int side = isOutput ? 1 : 0;
        if ((isOutput ? e.outputs : e.inputs) > 0) {
            diagnostics.error(at, "'" + name + "' pseudoelement '" + names[side] + "' may only be used as " + names[1 - side]);
        }
        boolean[] used = body.usedPorts(e, !isOutput);
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                diagnostics.error(at, "'" + name + "' " + names[side] + " " + i + " missing");
            }
        }
        return isOutput ? e.inputs : e.outputs;
    }

    /** Parses {@code ( ... )} after its parenthesis; returns the group's [input, output] counts. */
    private int[] group(String name, Lexeme open) {
        RouterGraph body = router.body();
        Landmark at = open.landmark();
        body.addTunnel(name, name + "/input", at, diagnostics);
        body.addTunnel(name + "/output", name, at, diagnostics);
        RouterGraph.Node newInput = body.node(name + "/input");
        RouterGraph.Node newOutput = body.node(name + "/output");
        RouterGraph.Node oldInput = body.mapName("input", newInput);
        RouterGraph.Node oldOutput = body.mapName("output", newOutput);
        ++groupDepth;
        lastConnectionEndsOutput = true;
        if (++nestingDepth >= MAX_NESTING_DEPTH) {
            lexer.error("maximum element group nesting depth exceeded");
            skipNested(')');
        } else {
            while (statement(')')) {
                // group statements
            }
        }
        nestingDepth--;
        lexer.expect(')', false);
        String printable = name.startsWith(";") ? "<anonymous group>" : name;
        int[] ports = {checkPseudoElement(body, newInput, false, printable, at),
            checkPseudoElement(body, newOutput, true, printable, at)};
        --groupDepth;
        body.mapName("input", oldInput);
        body.mapName("output", oldOutput);
        return ports;
    }

    /** Skips what is nested too deep, up to (not including) the {@code close} that ends it. */
    private void skipNested(int close) {
        int braces = 0;
        while (true) {
            Lexeme t = lexer.lex();
            if (t.is(Lexeme.EOF)) {
                lexer.unlex(t);
                return;
            } else if (t.is('(')) {
                lexer.lexConfig();
                lexer.expect(')', true);
            } else if (t.is('{')) {
                braces++;
            } else if (t.is('}') && braces > 0) {
                braces--;
            } else if (t.is(close) && braces == 0) {
                lexer.unlex(t);
                return;
            }
        }
    }

    // ----- require and define

    private void require() {
        if (!lexer.expect('(', false)) {
            return;
        }
        Lexeme requirement = lexer.lexConfig();
        lexer.expect(')', false);
        lexer.expect(';', true); // read ahead, as Click does
        for (String arg : ConfigStrings.argvec(requirement.text())) {
            List<String> words = new ArrayList<>(ConfigStrings.spacevec(arg));
            if (words.isEmpty()) {
                continue;
            }
            String type = ConfigStrings.word(words.get(0));
            type = type == null ? "" : type;
            if (!type.isEmpty() && !type.equals("compact_config") && !type.equals("package") && words.size() == 1) {
                words.add(type); // require(NAME) means require(package NAME)
                type = "package";
            }
            String value = words.size() == 2 ? ConfigStrings.string(words.get(1)) : null;
            if (type.equals("compact_config") && words.size() == 1) {
                router.body().addRequirement(type, "");
            } else if (type.equals("package") && value != null) {
                router.body().addRequirement(type, value);
            } else if (type.equals("library") && value != null) {
                requireLibrary(value);
            } else {
                lexer.error("syntax error at requirement");
            }
        }
    }

    private void requireLibrary(String value) {
        if (router.depth() > 0) {
            lexer.error("'require library' must be used at file scope");
            return;
        }
        String including = lexer.fileName();
        int slash = including.lastIndexOf('/');
        Path directory = slash > 0 ? Path.of(including.substring(0, slash)) : includeDirectory;
        Path file;
        try {
            file = directory.resolve(value).normalize();
        } catch (RuntimeException invalidPath) {
            lexer.error("library '" + value + "' not found in CLICKPATH/conf");
            return;
        }
        if (!Files.isRegularFile(file)) {
            lexer.error("library '" + value + "' not found in CLICKPATH/conf");
            return;
        }
        String fileName = file.toString();
        if (libraries.contains(fileName)) {
            return;
        }
        libraries.add(fileName);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            lexer.error(fileName + ": " + e.getMessage());
            return;
        }
        Lexer including_ = lexer;
        lexer = new Lexer(text, fileName, diagnostics);
        while (statement(0)) {
            // library statements
        }
        lexer = including_;
    }

    private void defineStatement() {
        if (!lexer.expect('(', false)) {
            return;
        }
        Lexeme vars = lexer.lexConfig();
        lexer.expect(')', false);
        for (String arg : ConfigStrings.argvec(vars.text())) {
            if (arg.isEmpty()) {
                continue;
            }
            String[] shifted = ConfigStrings.shiftSpacevec(arg);
            String var = shifted[0];
            if (!isVariableName(var)) {
                lexer.error("bad 'define' declaration: not a variable");
            } else if (!router.define(var.substring(1), shifted[1])) {
                lexer.error("parameter '" + var.substring(1) + "' multiply defined");
            }
        }
    }

    private static boolean isVariableName(String var) {
        if (var.length() < 2 || var.charAt(0) != '$') {
            return false;
        }
        for (int i = 1; i < var.length(); i++) {
            char c = var.charAt(i);
            if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    // ----- statements

    /** Parses one statement; false at the end of the file or of the enclosing {@code nested} bracket. */
    private boolean statement(int nested) {
        Lexeme t = lexer.lex();
        switch (t.kind()) {
            case Lexeme.IDENT, '[', '{', '(', Lexeme.ARROW, Lexeme.DOUBLE_ARROW -> {
                lexer.unlex(t);
                connection();
                return true;
            }
            case Lexeme.ELEMENTCLASS -> {
                elementclass();
                return true;
            }
            case Lexeme.REQUIRE -> {
                require();
                return true;
            }
            case Lexeme.DEFINE -> {
                defineStatement();
                return true;
            }
            case ';' -> {
                return true;
            }
            case '}', Lexeme.DOUBLE_BAR -> {
                if (nested == '}') {
                    lexer.unlex(t);
                    return false;
                }
            }
            case ')' -> {
                if (nested == ')') {
                    lexer.unlex(t);
                    return false;
                }
            }
            case Lexeme.EOF -> {
                if (nested != 0) {
                    lexer.error("expected '" + (char) nested + "'");
                }
                return false;
            }
            default -> {
            }
        }
        lexer.error("syntax error near '" + ConfigStrings.printable(t.text()) + "'");
        return true;
    }

    /** A growable list of ints: the element/port vectors of the connection parser. */
    private static final class IntList {
        private int[] data = new int[16];
        private int size;

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int get(int i) {
            if (i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            return data[i];
        }

        void set(int i, int v) {
            data[i] = v;
        }

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        void swap(int i, int j) {
            int t = data[i];
            data[i] = data[j];
            data[j] = t;
        }

        void truncate(int n) {
            size = Math.min(size, n);
        }

        void clear() {
            size = 0;
        }

        void replaceWith(IntList other) {
            data = other.data;
            size = other.size;
        }
    }
}
