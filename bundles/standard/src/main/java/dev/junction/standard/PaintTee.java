package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** PaintTee: passes every packet on, and a copy of those painted COLOR to output 1. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PaintTee")
@ElementDoc(
        synopsis = "PaintTee(COLOR [, ANNO])",
        category = "paint",
        summary = "duplicates packets with given paint annotation",
        description = """
                Passes every packet through output 0; for each packet whose paint annotation equals COLOR, \
                a copy also goes out on push output 1 (a copy the pool cannot supply is skipped). One input, \
                agnostic output 0. Its classic use is to spot packets that leave a router by the interface \
                they came in on, and answer them with ICMP redirects.

                The copies of a batch are pushed to output 1 in one batch, before the batch goes on through \
                output 0 (as Click pushes each copy before passing the packet on).""",
        arguments = {
            @ElementDoc.Argument(name = "COLOR", description = "Integer 0-255. The paint to copy. Mandatory."),
            @ElementDoc.Argument(name = "ANNO", description = """
                    Annotation. Only PAINT (or 16, Click's paint offset) is supported. Default PAINT.""")
        },
        handlers = @ElementDoc.Handler(name = "color", mode = "read/write", description = """
                The COLOR setting, an integer 0-255."""),
        example = """
                FromDevice(eth7) -> Paint(7) -> ...;  rt[7] -> pt :: PaintTee(7) -> ToDevice(eth7);
                pt[1] -> ICMPError(18.26.4.24, redirect, host) -> rt;""",
        seeAlso = {"Paint", "PaintSwitch", "CheckPaint", "ICMPError"})
public final class PaintTee extends Element {
    private int color;
    private PacketBatch copies;

    @Override
    public String portCount() {
        return "1/2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        color = PaintAnnotation.configureColor(args);
    }

    @Override
    public void initialize() {
        copies = new PacketBatch();
    }

    @Override
    public void push(int port, PacketBatch batch) {
        copyPainted(batch, 0);
        output(0).push(batch);
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int start = into.size();
        int pulled = input(0).pull(into, max);
        copyPainted(into, start);
        return pulled;
    }

    /** Pushes a copy of each packet {@code from..size-1} of {@code batch} painted COLOR to output 1. */
    private void copyPainted(PacketBatch batch, int from) {
        Packet[] packets = batch.array();
        int wanted = color;
        for (int i = from, size = batch.size(); i < size; i++) {
            if (packets[i].paint() == wanted) {
                Packet copy = packets[i].copy();
                if (copy != null) {
                    copies.add(copy);
                    if (copies.isFull()) {
                        pushCopies();
                    }
                }
            }
        }
        if (!copies.isEmpty()) {
            pushCopies();
        }
    }

    private void pushCopies() {
        output(1).push(copies);
        copies.clear();
    }

    /** The color copied. */
    public int color() {
        return color;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("color", () -> Integer.toString(color),
                value -> color = PaintAnnotation.parseColor(value));
    }
}
