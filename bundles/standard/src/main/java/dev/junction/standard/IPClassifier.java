package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.standard.classify.ClassifyingElement;
import dev.junction.standard.classify.DecisionTree;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** IPClassifier: sends IP packets to the output of the first tcpdump-like pattern they match. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPClassifier")
@ElementDoc(
        synopsis = "IPClassifier(PATTERN_1, ..., PATTERN_N)",
        category = "ip",
        summary = "classifies IP packets by contents",
        description = """
                Has one push input and N push outputs, one per pattern; each packet goes to the output of the \
                first pattern it matches, and a packet that matches none is dropped. It is IPFilter with the \
                actions 0, 1, ..., N-1.

                Primitives: 'ip proto PROTO'; '[SRCORDST] host ADDR'; '[SRCORDST] net NET' (ADDR/LEN or ADDR \
                mask MASK); '[SRCORDST] [tcp|udp] port PORT'; 'ip vers', 'ip hl', 'ip id', 'ip len', 'ip tos', \
                'ip dscp', 'ip ttl' followed by a value; 'ip ect'; 'ip ce'; 'ip frag'; 'ip unfrag'; 'tcp opt \
                OPT' (syn, fin, ack, rst, psh, urg); 'tcp win WIN'; 'icmp type TYPE'; 'ip[POS:LEN] VALUE' and \
                'transp[POS:LEN] VALUE' (also tcp[...], udp[...], icmp[...]); '[SRCORDST] ether host ETH'; \
                'true'; 'false'. SRCORDST is src, dst, 'src or dst' (the default) or 'src and dst'.

                Primitives may be followed by a mask ('& MASK') and a relation before the value: ==, !=, and for \
                numeric fields <, >, <=, >=. 'port != 5' and 'icmp type != 4' only match TCP/UDP or ICMP \
                packets, unlike 'not port 5'. Connectives: and, or, not (&&, ||, !), 'C ? A : B', parentheses; \
                juxtaposition means and. Much can be left out: 'tcp' means 'ip proto tcp', 'www' means 'port \
                www', 'syn' means 'tcp opt syn', '10.0.0.0/8' means 'net 10.0.0.0/8', and 'src port 80 or 81' \
                repeats the qualifiers. '-', 'any' or 'all' match everything. Port, icmp type, tcp opt, tcp win \
                and transport fields only match first fragments.

                Offsets count from the network header annotation (the data start if it is not set); transport \
                fields from the transport header annotation, or the IP header length if that is not set. A \
                packet too short for a field fails tests of that field. Named addresses from AddressInfo are not \
                supported yet.

                The patterns are compiled once, at configuration time, into one decision tree of 32-bit masked \
                compares; the program handler shows it.""",
        arguments = @ElementDoc.Argument(name = "PATTERN_i", description = "Pattern for output i."),
        handlers = {
            @ElementDoc.Handler(name = "program", description = """
                    The compiled decision tree in Click's format: OFFSET/VALUE%MASK per step, offsets from the \
                    MAC header (0), network header (256) or transport header (512)."""),
            @ElementDoc.Handler(name = "pattern0", mode = "read/write", description = """
                    Pattern 0; there is one such handler per output (pattern0, pattern1, ...). Writing recompiles the \
                    classifier; a bad pattern is refused and the old one kept.""")
        },
        example = """
                IPClassifier(10.0.0.0/24 and syn,
                             dst tcp port 8000 or 8080,
                             udp,
                             -)""",
        seeAlso = {"Classifier", "IPFilter", "CheckIPHeader", "MarkIPHeader"})
public final class IPClassifier extends ClassifyingElement {
    private List<String> patterns = List.of();

    @Override
    public void configure(Args args) throws ConfigurationException {
        List<String> given = args.remainingPositional();
        if (given.size() != outputCount()) {
            args.error("need " + outputCount() + " arguments, one per output port");
            args.complete();
        }
        DecisionTree compiled = compile(given, args);
        args.complete();
        for (int i = 0; i < outputCount(); i++) {
            if (!compiled.reaches(i) && context() != null) {
                context().warning("output " + i + " matches no packets");
            }
        }
        patterns = List.copyOf(given);
        install(compiled);
    }

    private DecisionTree compile(List<String> given, Args args) {
        List<String> conf = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            conf.add(i + " " + Args.unquote(given.get(i)));
        }
        return IPFilter.compile(this, conf, args);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("program", () -> tree().unparse());
        for (int i = 0; i < outputCount(); i++) {
            int slot = i;
            handlers.addReadWrite("pattern" + i, () -> patterns.get(slot), value -> {
                List<String> changed = new ArrayList<>(patterns);
                changed.set(slot, value);
                Args args = Args.parse("");
                DecisionTree compiled = compile(changed, args);
                if (compiled == null) {
                    throw new HandlerException(String.join("\n", args.errors()));
                }
                patterns = List.copyOf(changed);
                install(compiled);
            });
        }
    }
}
