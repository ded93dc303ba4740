package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** PaintSwitch: sends each packet to the output numbered by its paint annotation. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PaintSwitch")
@ElementDoc(
        synopsis = "PaintSwitch([ANNO])",
        category = "paint",
        summary = "sends packet stream to output chosen per-packet",
        description = """
                Pushes each packet to the output whose number is the packet's paint annotation. Paint 255 is \
                special: the packet goes to every output (copies to all but the last, the packet itself to \
                the last; a copy the pool cannot supply is skipped). A packet whose paint names no output is \
                freed. Push; one input, up to 255 outputs.

                The packets of a batch are gathered per output and each output receives one push per \
                incoming batch; a batch whose packets all go to one output is passed on as it is.""",
        arguments = @ElementDoc.Argument(name = "ANNO", description = """
                Annotation. Click lets it name any one-byte annotation; Junction's packets have named \
                annotations, so only PAINT (or 16, Click's paint offset) is supported. Default PAINT."""),
        example = "... -> ps :: PaintSwitch;  ps[0] -> a;  ps[1] -> b;   // after Paint(0) or Paint(1)",
        seeAlso = {"Paint", "PaintTee", "CheckPaint", "Switch"})
public final class PaintSwitch extends Element {
    /** The paint that means "every output". */
    private static final int ALL_OUTPUTS = 255;

    private OutputBatches batches;

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
        args.readPositional("ANNO", PaintAnnotation.ANNO, "PAINT");
        args.complete();
    }

    @Override
    public void initialize() {
        batches = new OutputBatches(this);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        Packet[] packets = batch.array();
        int size = batch.size();
        if (size == 0) {
            return;
        }
        int outputs = outputCount();
        int first = packets[0].paint();
        int same = 1;
        while (same < size && packets[same].paint() == first) {
            same++;
        }
        if (same == size && first < outputs) {
            output(first).push(batch);
            return;
        }
        for (int i = 0; i < size; i++) {
            route(packets[i], outputs);
        }
        batches.flush();
    }

    private void route(Packet packet, int outputs) {
        int color = packet.paint();
        if (color < outputs) {
            batches.add(color, packet);
        } else if (color == ALL_OUTPUTS && outputs > 0) {
            for (int out = 0; out < outputs - 1; out++) {
                Packet copy = packet.copy();
                if (copy != null) {
                    batches.add(out, copy);
                }
            }
            batches.add(outputs - 1, packet);
        } else {
            packet.kill();
        }
    }
}
