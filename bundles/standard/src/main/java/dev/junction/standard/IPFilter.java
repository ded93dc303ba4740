package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.standard.classify.ClassifyingElement;
import dev.junction.standard.classify.DecisionTree;
import dev.junction.standard.classify.IPFilterParser;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** IPFilter: applies the action of the first tcpdump-like pattern an IP packet matches. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPFilter")
@ElementDoc(
        synopsis = "IPFilter(ACTION_1 PATTERN_1, ..., ACTION_N PATTERN_N)",
        category = "ip",
        summary = "filters IP packets by contents",
        description = """
                Tests IP packets against rules in order; the first rule whose PATTERN matches decides: ACTION is \
                an output number, 'allow' (output 0), or 'deny' or 'drop' (the packet is dropped). A packet no \
                rule matches is dropped. One push input, any number of push outputs.

                PATTERN uses IPClassifier's tcpdump-like language (host, net, port, proto, ip and transport \
                header fields, tcp opt, icmp type, ip[POS:LEN], transp[POS:LEN], ether host, true, false, masks, \
                relations, and, or, not, ?:, parentheses); '-', 'any' or 'all' match every packet. See \
                IPClassifier for the details.

                Offsets count from the packet's network header annotation (the data start if it is not set); \
                transport fields from its transport header annotation, or from the IP header length when that \
                is not set. A packet too short for a field fails the test of that field (and so passes its \
                negation with 'not'; '!=' and the other relations still fail).

                The rules are compiled once, at configuration time, into one decision tree of 32-bit masked \
                compares; the program handler shows it.""",
        arguments = @ElementDoc.Argument(name = "ACTION_i PATTERN_i", description = """
                An action (output number, allow, deny or drop) followed by a pattern."""),
        handlers = @ElementDoc.Handler(name = "program", description = """
                The compiled decision tree in Click's format: OFFSET/VALUE%MASK per step, with offsets from \
                the MAC header (0), network header (256) or transport header (512), and where each outcome \
                goes."""),
        example = """
                IPFilter(allow src 10.0.0.0/8 && tcp && dst port www,
                         deny all)""",
        seeAlso = {"IPClassifier", "Classifier", "CheckIPHeader", "MarkIPHeader"})
public final class IPFilter extends ClassifyingElement {

    @Override
    public void configure(Args args) throws ConfigurationException {
        List<String> conf = new ArrayList<>();
        for (String argument : args.remainingPositional()) {
            conf.add(Args.unquote(argument));
        }
        DecisionTree compiled = compile(this, conf, args);
        args.complete();
        install(compiled);
    }

    /** Parses {@code conf} as IPFilter rules for {@code element}; errors go to {@code args} (then null). */
    static DecisionTree compile(ClassifyingElement element, List<String> conf, Args args) {
        List<DecisionTree.Rule> rules = IPFilterParser.parse(conf, element.outputCount(),
                new IPFilterParser.Diagnostics() {
                    @Override
                    public void error(String message) {
                        args.error(message);
                    }

                    @Override
                    public void warning(String message) {
                        if (element.context() != null) {
                            element.context().warning(message);
                        }
                    }
                });
        if (!args.ok()) {
            return null;
        }
        return DecisionTree.compile(rules);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("program", () -> tree().unparse());
    }
}
