package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** StaticIPLookup: LinearIPLookup whose routes are fixed by the configuration. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("StaticIPLookup")
@ElementDoc(
        synopsis = "StaticIPLookup(ADDR1/MASK1 [GW1] OUT1, ADDR2/MASK2 [GW2] OUT2, ...)",
        category = "iproute",
        summary = "IP routing table fixed at configuration, searched linearly",
        description = """
                Routes packets exactly as LinearIPLookup does (most specific route for the destination IP \
                annotation, gateway copied into the annotation, packets without a route dropped), but its \
                routes are the configured ones: it has no handlers to add or remove routes. A hot swap gives \
                the new element its own configured routes.""",
        arguments = @ElementDoc.Argument(name = "ADDR/MASK [GW] OUT", description = """
                A route: destination (a bare address means /32), optional gateway (- for none), output port."""),
        handlers = {
            @ElementDoc.Handler(name = "table", description = """
                    The routes, one per line: destination, gateway (- for none) and output, separated by tabs."""),
            @ElementDoc.Handler(name = "lookup", mode = "read with parameters", description = """
                    Takes an IP address and returns the output port (and gateway, if any) of its route; -1 \
                    when no route covers it.""")
        },
        example = "rt :: StaticIPLookup(10.0.0.1/32 0, 10.0.0.0/8 1, 0/0 10.0.0.254 2);",
        seeAlso = {"LinearIPLookup", "RadixIPLookup", "DirectIPLookup"})
public final class StaticIPLookup extends LinearIPLookup {
    @Override
    protected boolean dynamic() {
        return false;
    }

    @Override
    public void saveState(ElementState state) {
        // Nothing changes at run time, so nothing is handed over.
    }
}
