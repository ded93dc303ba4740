package dev.junction.standard;

import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Paint: sets every packet's paint annotation to COLOR. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Paint")
@ElementDoc(
        synopsis = "Paint(COLOR [, ANNO])",
        category = "paint",
        summary = "sets packet paint annotations",
        description = """
                Sets each packet's paint annotation to COLOR, an integer from 0 to 255, and passes the packet \
                on. One input, one output, agnostic.

                Click's ANNO argument names the annotation byte to set. Junction's packets have named \
                annotations rather than a byte area, so ANNO may only name the paint annotation: PAINT, or \
                16, its offset in Click. Any other value is a configuration error.""",
        arguments = {
            @ElementDoc.Argument(name = "COLOR", description = "Integer 0-255. The paint color."),
            @ElementDoc.Argument(name = "ANNO", description = """
                    Annotation. Only PAINT (or 16, Click's paint offset) is supported. Default PAINT.""")
        },
        handlers = @ElementDoc.Handler(name = "color", mode = "read/write", description = """
                The COLOR setting, an integer 0-255."""),
        example = "FromDevice(eth0) -> Paint(1) -> ...;   // later: PaintTee(1), CheckPaint(1)",
        seeAlso = {"PaintTee", "CheckPaint", "PaintSwitch"})
public final class Paint extends SimpleAction {
    private int color;

    @Override
    public void configure(Args args) throws ConfigurationException {
        color = PaintAnnotation.configureColor(args);
    }

    @Override
    protected Packet action(Packet packet) {
        packet.setPaint(color);
        return packet;
    }

    /** The color painted. */
    public int color() {
        return color;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("color", () -> Integer.toString(color),
                value -> color = PaintAnnotation.parseColor(value));
    }
}
