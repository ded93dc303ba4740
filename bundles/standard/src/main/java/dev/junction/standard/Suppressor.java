package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Suppressor: input N to output N, unless port N is suppressed. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Suppressor")
@ElementDoc(
        synopsis = "Suppressor",
        category = "classification",
        summary = "passes packets unchanged, optionally dropping some input ports",
        description = """
                Has as many outputs as inputs and passes packets from each input to the output of the same \
                number, unchanged. Any port can be suppressed through its activeN handler: packets pushed to \
                a suppressed input are dropped, and pulls from a suppressed output get nothing. Every port \
                starts active. Each port pair is agnostic.""",
        handlers = {
            @ElementDoc.Handler(name = "active0", mode = "read/write", description = """
                    Whether port 0 is active (true) or suppressed (false). Each port N has its own activeN."""),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = "Makes every port active.")
        },
        example = "s :: Suppressor;  src -> [0]s[0] -> Discard;   // write s.active0 false to drop",
        seeAlso = {"Switch", "Discard"})
public final class Suppressor extends Element {
    private boolean[] suppressed = new boolean[0];

    @Override
    public String portCount() {
        return "-/=";
    }

    @Override
    public String flowCode() {
        return "#/#";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        args.complete();
        suppressed = new boolean[inputCount()];
    }

    /** Whether port {@code port} is suppressed. */
    public boolean suppressed(int port) {
        return suppressed[port];
    }

    /** Suppresses port {@code port}, or makes it active again. */
    public void setSuppressed(int port, boolean value) {
        suppressed[port] = value;
    }

    @Override
    public void push(int port, PacketBatch batch) {
        if (suppressed[port]) {
            batch.killAll();
        } else {
            output(port).push(batch);
        }
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        return suppressed[port] ? 0 : input(port).pull(into, max);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        for (int i = 0; i < inputCount(); i++) {
            int port = i;
            handlers.addReadWrite("active" + port, () -> Boolean.toString(!suppressed[port]),
                    value -> suppressed[port] = !HandlerValues.parseBoolean(value, "type mismatch"));
        }
        handlers.addWrite("reset", value -> Arrays.fill(suppressed, false));
    }
}
