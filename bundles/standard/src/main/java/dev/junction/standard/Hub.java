package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Hub: a packet from input N goes to every output but N. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Hub")
@ElementDoc(
        synopsis = "Hub()",
        category = "basictransfer",
        summary = "duplicates packets like a hub",
        description = """
                Sends each packet received on input N to every output except output N, like a repeater hub \
                (nothing here is specific to Ethernet). The last of those outputs gets the packet itself, the \
                others copies; a packet with nowhere to go is dropped. As many push inputs as push outputs.""",
        example = "a :: Hub;  FromDevice(eth0) -> [0]a[0] -> ToDevice(eth0);  FromDevice(eth1) -> [1]a[1] -> ToDevice(eth1);",
        seeAlso = {"Tee", "EtherSwitch"})
public final class Hub extends Element {
    private OutputBatches outputs;

    @Override
    public String portCount() {
        return "-/=";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public String flowCode() {
        return "#/[^#]";
    }

    @Override
    public void initialize() {
        outputs = new OutputBatches(this);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        flood(this, outputs, port, batch);
    }

    /**
     * Sends each packet of {@code batch} to every output of {@code element} except {@code source}: copies to
     * all but the highest such output, which gets the packet; kills it if there is no other output.
     */
    static void flood(Element element, OutputBatches outputs, int source, PacketBatch batch) {
        for (int i = 0, size = batch.size(); i < size; i++) {
            flood(element, outputs, source, batch.get(i));
        }
        batch.clear();
        outputs.flush();
    }

    /** Gathers {@code packet} for every output of {@code element} but {@code source} (see above), unflushed. */
    static void flood(Element element, OutputBatches outputs, int source, Packet packet) {
        int last = element.outputCount() - 1;
        if (last == source) {
            last--;
        }
        if (last < 0) {
            packet.kill();
            return;
        }
        for (int out = 0; out < last; out++) {
            if (out != source) {
                Packet copy = packet.copy();
                if (copy != null) {
                    outputs.add(out, copy);
                }
            }
        }
        outputs.add(last, packet);
    }
}
