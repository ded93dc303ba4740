package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** PullNull: answers pulls by pulling from its input; its ports are pull only. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PullNull")
@ElementDoc(
        synopsis = "PullNull",
        category = "basictransfer",
        summary = "passes pulled packets on unchanged",
        description = """
                Answers every pull on its output by pulling from its input and returning those packets \
                unchanged. Both ports are pull, so placing it in an agnostic path makes that path pull.""",
        example = "Queue -> PullNull -> Unqueue -> Discard;",
        seeAlso = {"Null", "PushNull"})
public final class PullNull extends Element {
    @Override
    public String portCount() {
        return "1/1";
    }

    @Override
    public String processing() {
        return "l/l";
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        return input(0).pull(into, max);
    }
}
