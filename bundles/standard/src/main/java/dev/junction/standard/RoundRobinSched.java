package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** RoundRobinSched: answers pulls with packets from its inputs in turn. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RoundRobinSched")
@ElementDoc(
        synopsis = "RoundRobinSched",
        category = "scheduling",
        summary = "pulls from round-robin inputs",
        description = """
                Answers each pull on its output with a packet from one of its inputs, taking the inputs in \
                turn: it starts with the input after the one that gave the previous packet and tries each \
                input once until one has a packet. Inputs whose upstream empty notifiers (a Queue's, say) say \
                they have nothing are skipped without being pulled. Pull; any number of inputs, one output.

                A pull for a batch of N packets gives exactly the packets, in the order, that N pulls of \
                Click's RoundRobinSched would give: one packet per input per turn.""",
        example = "q0 :: Queue -> [0] rr :: RoundRobinSched -> ToDevice(eth0);  q1 :: Queue -> [1] rr;",
        seeAlso = {"PrioSched", "StrideSched", "RoundRobinSwitch", "Queue"})
public final class RoundRobinSched extends Element {
    private NotifierSignal[] signals = new NotifierSignal[0];
    private int next;

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
        next = 0;
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int inputs = signals.length;
        if (inputs == 1) {
            return signals[0].isActive() ? input(0).pull(into, max) : 0;
        }
        int got = 0;
        int turn = next;
        while (got < max) {
            boolean found = false;
            for (int tried = 0; tried < inputs; tried++) {
                int candidate = turn;
                if (++turn == inputs) {
                    turn = 0;
                }
                if (signals[candidate].isActive() && input(candidate).pull(into, 1) > 0) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                break; // every input was tried once: the turn is back where it started
            }
            got++;
        }
        next = turn;
        return got;
    }
}
