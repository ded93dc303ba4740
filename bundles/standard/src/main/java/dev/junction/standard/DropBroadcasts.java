package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** DropBroadcasts: drops packets that arrived as link-level broadcasts or multicasts. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("DropBroadcasts")
@ElementDoc(
        synopsis = "DropBroadcasts",
        category = "basicmod",
        summary = "drops link-level broadcast and multicast packets",
        description = """
                Drops packets whose packet type annotation says they arrived as a link-level broadcast or \
                multicast (FromDevice sets it), as a router must not forward them (RFC 1812 5.3.4). They go \
                to output 1 if there is one. Other packets pass to output 0. One input, one or two outputs; \
                output 0 agnostic, output 1 push.""",
        handlers = @ElementDoc.Handler(name = "drops", description = "Number of packets dropped."),
        example = "... -> DropBroadcasts -> DecIPTTL -> ...",
        seeAlso = {"FromDevice", "IPOutputCombo"})
public final class DropBroadcasts extends SimpleAction {
    private long drops;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    protected Packet action(Packet packet) {
        if (IPHeaders.isLinkBroadcast(packet)) {
            drops++;
            divert(1, packet);
            return null;
        }
        return packet;
    }

    /** Packets dropped. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
