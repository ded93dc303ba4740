package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** RoundRobinSwitch: deals the packets out to its outputs in turn. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RoundRobinSwitch")
@ElementDoc(
        synopsis = "RoundRobinSwitch",
        category = "classification",
        summary = "sends packets to round-robin outputs",
        description = """
                Pushes each packet to the output after the one that received the previous packet, wrapping \
                around after the last, so that N outputs each get every Nth packet. Push; one input, one or \
                more outputs.

                The packets of a batch are gathered per output and each output receives one push per \
                incoming batch; the turn carries over from one batch to the next.""",
        example = "src -> rr :: RoundRobinSwitch;  rr[0] -> q0 :: Queue;  rr[1] -> q1 :: Queue;",
        seeAlso = {"Switch", "HashSwitch", "RandomSwitch", "RoundRobinSched"})
public final class RoundRobinSwitch extends Element {
    private OutputBatches batches;
    private int next;

    @Override
    public String portCount() {
        return "1/1-";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void initialize() {
        batches = new OutputBatches(this);
        next = 0;
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int outputs = outputCount();
        if (outputs == 1) {
            output(0).push(batch);
            return;
        }
        Packet[] packets = batch.array();
        int turn = next;
        for (int i = 0, size = batch.size(); i < size; i++) {
            batches.add(turn, packets[i]);
            if (++turn == outputs) {
                turn = 0;
            }
        }
        next = turn;
        batches.flush();
    }
}
