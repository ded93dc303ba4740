package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** PrioSched: answers pulls from its first input that has packets. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PrioSched")
@ElementDoc(
        synopsis = "PrioSched",
        category = "scheduling",
        summary = "pulls from priority-scheduled inputs",
        description = """
                Answers each pull on its output with a packet from the lowest-numbered input that has one: \
                strict priority, input 0 first. Inputs whose upstream empty notifiers (a Queue's, say) say \
                they have nothing are skipped without being pulled. Pull; any number of inputs, one output.

                A pull for a batch of N packets takes as many as it can from input 0, then the rest from \
                input 1, and so on: the packets N pulls of Click's PrioSched would give, as long as an input \
                that runs dry stays dry for the rest of the batch.""",
        example = "high :: Queue -> [0] p :: PrioSched -> ToDevice(eth0);  low :: Queue -> [1] p;",
        seeAlso = {"RoundRobinSched", "StrideSched", "Queue"})
public final class PrioSched extends Element {
    private NotifierSignal[] signals = new NotifierSignal[0];

    @Override
    public String portCount() {
        return "-/1";
    }

    @Override
    public String processing() {
        return "l/l";
    }

    @Override
    public void initialize() {
        signals = Tasks.upstreamSignals(context(), inputCount(), null);
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int got = 0;
        for (int i = 0; i < signals.length && got < max; i++) {
            if (signals[i].isActive()) {
                got += input(i).pull(into, max - got);
            }
        }
        return got;
    }
}
