package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Switch: sends every packet to the output chosen by its {@code switch} handler. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Switch")
@ElementDoc(
        synopsis = "Switch([OUTPUT])",
        category = "classification",
        summary = "sends packet stream to settable output",
        description = """
                Pushes every packet it receives to output OUTPUT, which the switch handler can change while \
                the router runs. A negative OUTPUT frees the packets instead. Push; one input, any number of \
                outputs. A whole batch goes to the selected output in one push.

                In a hot swap that leaves OUTPUT as it was (a live edit elsewhere in the graph), the output \
                selected through the handler is kept.""",
        arguments = @ElementDoc.Argument(name = "OUTPUT", description = """
                Integer. The output to use; it must be less than the number of outputs. Default 0."""),
        handlers = {
            @ElementDoc.Handler(name = "switch", mode = "read/write", description = """
                    The output in use. Writing a number at or past the number of outputs selects -1: packets \
                    are freed."""),
            @ElementDoc.Handler(name = "config", description = "The output in use, as the switch handler reads it.")
        },
        example = "src -> s :: Switch(0);  s[0] -> a;  s[1] -> b;   // write s.switch 1 to divert",
        seeAlso = {"StaticSwitch", "PullSwitch", "RoundRobinSwitch", "HashSwitch", "RandomSwitch"})
public final class Switch extends Element {
    private int output;
    /** The output the configuration chose, to tell in a hot swap whether the handler changed it since. */
    private int configuredOutput;

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
        int configured = args.readPositional("OUTPUT", ArgTypes.INTEGER, 0);
        args.complete();
        if (configured >= outputCount()) {
            throw new ConfigurationException("output must be < " + outputCount());
        }
        output = configured;
        configuredOutput = configured;
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int selected = output;
        if (selected >= 0) {
            output(selected).push(batch);
        } else {
            batch.killAll();
        }
    }

    /** The output in use; negative when packets are freed. */
    public int selected() {
        return output;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("switch", () -> Integer.toString(output), this::writeSwitch);
        handlers.addRead("config", () -> Integer.toString(output));
    }

    /** Carries the output chosen through the switch handler across a hot swap that leaves OUTPUT as it was. */
    @Override
    public void saveState(ElementState state) {
        state.put("output", new long[] {configuredOutput, output});
    }

    @Override
    public void takeState(ElementState state) {
        long[] saved = state.get("output", long[].class);
        if (saved != null && saved.length == 2 && saved[0] == configuredOutput && saved[1] < outputCount()) {
            output = (int) saved[1];
        }
    }

    private void writeSwitch(String value) throws HandlerException {
        int written = HandlerValues.parseInt(value, "Switch output must be integer");
        output = written >= outputCount() ? -1 : written;
    }
}
