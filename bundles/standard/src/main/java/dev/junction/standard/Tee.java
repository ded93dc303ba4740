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

/**
 * Tee: every output gets every packet. Outputs 0 to n-2 get copies, in batches gathered per output; the last
 * output gets the incoming batch itself, after the copies went out.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Tee")
@ElementDoc(
        synopsis = "Tee([N])",
        category = "basictransfer",
        summary = "duplicates packets",
        description = """
                Sends every packet it receives to each of its outputs: the last output gets the packet \
                itself, the others a copy (Junction's clones are copies of the data, from the same pool; a \
                copy the pool cannot supply is skipped). One push input, one or more push outputs.

                Tee has as many outputs as the configuration connects. N, if given, states how many that \
                should be, and a different number is an error.""",
        arguments = @ElementDoc.Argument(name = "N", description = """
                Unsigned integer. The number of outputs expected. Default: however many are used."""),
        example = "FromDevice(eth0) -> t :: Tee(2);  t[0] -> ToHost;  t[1] -> Discard;",
        seeAlso = {"PullTee", "Hub", "PaintTee"})
public final class Tee extends Element {
    private OutputBatches copies;

    @Override
    public String portCount() {
        return "1/1-";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        checkArms(this, args);
    }

    /** Tee's and PullTee's N: must equal the number of outputs (Click's wording repeats the count). */
    static void checkArms(Element element, Args args) throws ConfigurationException {
        Integer arms = args.readPositional("N", ArgTypes.UNSIGNED_INT, element.outputCount());
        args.complete();
        if (arms != element.outputCount()) {
            throw new ConfigurationException(
                    element.outputCount() + " outputs implies " + element.outputCount() + " arms");
        }
    }

    @Override
    public void initialize() {
        copies = new OutputBatches(this);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int last = outputCount() - 1;
        for (int out = 0; out < last; out++) {
            copies.addCopies(out, batch, 0);
            copies.flush(out);
        }
        output(last).push(batch);
    }
}
