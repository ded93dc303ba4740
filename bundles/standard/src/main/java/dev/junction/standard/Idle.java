package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Idle: never emits a packet; frees whatever is pushed into it. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Idle")
@ElementDoc(
        synopsis = "Idle",
        category = "basicsources",
        summary = "never moves a packet",
        description = """
                Never pushes a packet to an output and never pulls one from an input; answers every pull with \
                nothing, and frees any packet pushed into it. Any number of inputs and outputs, all agnostic; \
                no input reaches an output (flow code x/y). It fills ports that must be connected but carry no \
                traffic.

                Its empty notifier is never active: a pulling task whose search for upstream notifiers reaches \
                Idle (directly, or through elements without notifiers of their own) learns that nothing will \
                come from there and may sleep.""",
        example = "Idle -> [1] rr :: RoundRobinSched;",
        seeAlso = {"Discard"})
public final class Idle extends Element {
    /** Never woken: whoever listens downstream may sleep for good. */
    private final Notifier dormant = new Notifier(NotifierKind.EMPTY, false);

    @Override
    public String portCount() {
        return "-/-";
    }

    @Override
    public String flowCode() {
        return "x/y";
    }

    @Override
    public void push(int port, PacketBatch batch) {
        batch.killAll();
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        return 0;
    }

    @Override
    public Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY ? dormant : null;
    }
}
