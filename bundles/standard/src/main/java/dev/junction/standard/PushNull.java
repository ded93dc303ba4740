package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** PushNull: passes pushed packets on unchanged; its ports are push only. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PushNull")
@ElementDoc(
        synopsis = "PushNull",
        category = "basictransfer",
        summary = "passes pushed packets on unchanged",
        description = """
                Pushes every batch pushed into its input out of its output, unchanged. Both ports are push, \
                so placing it in an agnostic path makes that path push.""",
        example = "Unqueue -> PushNull -> Discard;",
        seeAlso = {"Null", "PullNull"})
public final class PushNull extends Element {
    @Override
    public String portCount() {
        return "1/1";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void push(int port, PacketBatch batch) {
        output(0).push(batch);
    }
}
