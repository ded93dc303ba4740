package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** PullTee: what output 0 pulls, the push outputs get copies of, in batches gathered per output. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PullTee")
@ElementDoc(
        synopsis = "PullTee([N])",
        category = "basictransfer",
        summary = "duplicates pulled packets to push outputs",
        description = """
                Its input and output 0 are pull; its other outputs are push. Each packet that output 0 pulls \
                through it is also copied to every push output (Junction's clones are copies of the data, from \
                the same pool; a copy the pool cannot supply is skipped).

                PullTee has as many outputs as the configuration connects. N, if given, states how many that \
                should be, and a different number is an error.""",
        arguments = @ElementDoc.Argument(name = "N", description = """
                Unsigned integer. The number of outputs expected. Default: however many are used."""),
        example = "q :: Queue -> t :: PullTee(2) -> ToDevice(eth0);  t[1] -> Counter -> Discard;",
        seeAlso = {"Tee", "Hub"})
public final class PullTee extends Element {
    private OutputBatches copies;

    @Override
    public String portCount() {
        return "1/1-";
    }

    @Override
    public String processing() {
        return "l/lh";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Tee.checkArms(this, args);
    }

    @Override
    public void initialize() {
        copies = new OutputBatches(this);
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int start = into.size();
        int pulled = input(0).pull(into, max);
        if (pulled > 0) {
            for (int out = 1; out < outputCount(); out++) {
                copies.addCopies(out, into, start);
                copies.flush(out);
            }
        }
        return pulled;
    }
}
