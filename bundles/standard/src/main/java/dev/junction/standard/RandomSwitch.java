package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** RandomSwitch: sends each packet to an output chosen at random. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("RandomSwitch")
@ElementDoc(
        synopsis = "RandomSwitch",
        category = "classification",
        summary = "sends packets to random outputs",
        description = """
                Pushes each packet to one of its N outputs, each chosen with probability 1/N independently of \
                the others. Push; one input, one or more outputs.

                The packets of a batch are gathered per output and each output receives one push per \
                incoming batch. The random numbers come from a fast generator of the element's own, seeded \
                when it is created; they are not meant for cryptography.""",
        example = "src -> rs :: RandomSwitch;  rs[0] -> a;  rs[1] -> b;",
        seeAlso = {"Switch", "RoundRobinSwitch", "HashSwitch", "RandomSample"})
public final class RandomSwitch extends Element {
    private final FastRandom random = new FastRandom();
    private OutputBatches batches;

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
    }

    @Override
    public void push(int port, PacketBatch batch) {
        int outputs = outputCount();
        if (outputs == 1) {
            output(0).push(batch);
            return;
        }
        Packet[] packets = batch.array();
        for (int i = 0, size = batch.size(); i < size; i++) {
            batches.add(random.nextInt(outputs), packets[i]);
        }
        batches.flush();
    }
}
