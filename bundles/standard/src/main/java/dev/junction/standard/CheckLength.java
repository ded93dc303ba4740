package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** CheckLength: packets longer than LENGTH go to output 1 (or are dropped). */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("CheckLength")
@ElementDoc(
        synopsis = "CheckLength(LENGTH)",
        category = "classification",
        summary = "drops large packets",
        description = """
                Compares every packet's length with LENGTH. Packets no longer than LENGTH go to output 0; longer \
                ones go to output 1, or are dropped if there is no output 1. Input and output 0 are agnostic; \
                output 1 is push.""",
        arguments = @ElementDoc.Argument(name = "LENGTH", description = "Unsigned. The largest length sent to output 0."),
        handlers = @ElementDoc.Handler(name = "length", mode = "read/write", description = """
                LENGTH, an unsigned integer. Writing it applies from the next packet on."""),
        example = "... -> cl :: CheckLength(1500) -> ToDevice(eth0);  cl[1] -> Print(toolong) -> Discard;",
        seeAlso = {"Truncate", "Classifier"})
public final class CheckLength extends SimpleAction {
    private long max;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configured = args.requirePositional("LENGTH", ArgTypes.UNSIGNED);
        args.complete();
        max = configured;
    }

    @Override
    protected Packet action(Packet packet) {
        if (packet.length() > max) {
            divert(1, packet);
            return null;
        }
        return packet;
    }

    /** The largest length sent to output 0. */
    public long length() {
        return max;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("length", () -> Long.toString(max),
                value -> max = HandlerValues.parse(ArgTypes.UNSIGNED, value, "expected integer"));
    }
}
