package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.standard.classify.ClassifierPatterns;
import dev.junction.standard.classify.ClassifyingElement;
import dev.junction.standard.classify.DecisionTree;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Classifier: sends packets to the output of the first byte pattern they match. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Classifier")
@ElementDoc(
        synopsis = "Classifier(PATTERN_1, ..., PATTERN_N)",
        category = "classification",
        summary = "classifies packets by contents",
        description = """
                Has one push input and N push outputs, one per pattern. Each packet goes to the output of the \
                first pattern it matches; a packet that matches none is dropped.

                A pattern is a list of OFFSET/VALUE or OFFSET/VALUE%MASK clauses separated by spaces, all of \
                which must hold. OFFSET is a decimal byte offset from the start of the packet data; VALUE and \
                MASK are an even number of hex digits, and a '?' digit matches anything. A clause holds when the \
                packet bytes at OFFSET, ANDed with MASK, equal VALUE. A clause written !OFFSET/VALUE holds when \
                that one does not. The pattern '-' matches every packet. A packet too short to hold the bytes a \
                clause tests fails that clause (and so passes its negation).

                The patterns are compiled once, at configuration time, into a decision tree of 32-bit masked \
                compares; the program handler shows it.""",
        arguments = @ElementDoc.Argument(name = "PATTERN_i", description = """
                Byte pattern for output i, as described above."""),
        handlers = @ElementDoc.Handler(name = "program", description = """
                The compiled decision tree, one test per line: OFFSET/VALUE%MASK and where packets go if the \
                masked word equals VALUE (yes) or not (no): another step, or an output [N] ([X] drops)."""),
        example = """
                Classifier(12/0806 20/0001,   // ARP requests
                           12/0806 20/0002,   // ARP replies
                           12/0800,           // IP
                           -);                // everything else""",
        seeAlso = {"IPClassifier", "IPFilter"})
public final class Classifier extends ClassifyingElement {

    @Override
    public void configure(Args args) throws ConfigurationException {
        List<String> patterns = args.remainingPositional();
        if (patterns.size() != outputCount()) {
            args.error("need " + outputCount() + " arguments, one per output port");
            args.complete();
        }
        List<String> errors = new ArrayList<>();
        List<DecisionTree.Rule> rules = ClassifierPatterns.parseAll(patterns, errors);
        errors.forEach(args::error);
        args.complete();
        DecisionTree compiled = DecisionTree.compile(rules);
        for (int i = 0; i < outputCount(); i++) {
            if (!compiled.reaches(i) && context() != null) {
                context().warning("output " + i + " matches no packets");
            }
        }
        install(compiled);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("program", () -> tree().unparse());
    }
}
