package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Null: passes packets on unchanged, in push or pull context. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Null")
@ElementDoc(
        synopsis = "Null",
        category = "basictransfer",
        summary = "passes packets on unchanged",
        description = """
                Emits every packet it receives, unchanged. One input, one output, agnostic: pushed batches are \
                pushed on, pulls are passed upstream. It touches no packet, so it measures the cost of one \
                element hop in benchmarks, and it serves as a named meeting point in a configuration (an empty \
                compound, {->}, does the same at no cost).""",
        example = "join :: Null;  src0 -> join;  src1 -> join;  join -> Discard;",
        seeAlso = {"PushNull", "PullNull"})
public final class Null extends Element {
    @Override
    public String portCount() {
        return "1/1";
    }

    @Override
    public void push(int port, PacketBatch batch) {
        output(0).push(batch);
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        return input(0).pull(into, max);
    }
}
