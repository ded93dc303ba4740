package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** StaticSwitch: sends every packet to the output fixed by its configuration. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("StaticSwitch")
@ElementDoc(
        synopsis = "StaticSwitch(OUTPUT)",
        category = "classification",
        summary = "sends packet stream to fixed output",
        description = """
                Pushes every packet it receives to output OUTPUT. A negative OUTPUT, or one with no such \
                output port, frees the packets instead. Push; one input, any number of outputs.

                Unlike Switch, it has no handler to change OUTPUT while the router runs; reconfigure it to \
                choose another output.""",
        arguments = @ElementDoc.Argument(name = "OUTPUT", description = "Integer. The output to use. Mandatory."),
        example = "s :: StaticSwitch(1);  src -> s;  s[0] -> Discard;  s[1] -> out;",
        seeAlso = {"Switch", "PullSwitch"})
public final class StaticSwitch extends Element {
    private int output;

    @Override
    public String portCount() {
        return "1/-";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer configured = args.requirePositional("OUTPUT", ArgTypes.INTEGER);
        args.complete();
        output = configured >= outputCount() ? -1 : configured;
    }

    @Override
    public void push(int port, PacketBatch batch) {
        if (output >= 0) {
            output(output).push(batch);
        } else {
            batch.killAll();
        }
    }

    /** The output in use; negative when packets are freed. */
    public int selected() {
        return output;
    }
}
