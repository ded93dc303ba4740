package dev.junction.probe;

import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.element.Element;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Counts the packets that pass, and keeps the count across hot swaps and bundle updates. The in-framework
 * tests install this bundle from the shell, use the class in a live edit, update the bundle and check that
 * the count survived the move to the new bundle revision's class.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Tally")
@ElementDoc(
        synopsis = "Tally",
        category = "test",
        summary = "counts packets, keeping the count across hot swaps",
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Packets counted so far."),
            @ElementDoc.Handler(name = "loader", description = "Identity of the class loader of this element's class.")
        })
public final class Tally extends SimpleAction {
    private long count;

    @Override
    protected Packet action(Packet packet) {
        count++;
        return packet;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addRead("loader", () -> Integer.toHexString(System.identityHashCode(getClass().getClassLoader())));
    }

    @Override
    public void saveState(ElementState state) {
        state.putLong("count", count);
    }

    @Override
    public void takeState(ElementState state) {
        count = state.getLong("count", 0);
    }
}
