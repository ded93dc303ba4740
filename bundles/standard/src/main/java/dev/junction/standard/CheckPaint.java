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

/** CheckPaint: passes packets painted COLOR; sends the others to output 1 or frees them. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("CheckPaint")
@ElementDoc(
        synopsis = "CheckPaint(COLOR [, ANNO])",
        category = "paint",
        summary = "checks packets' paint annotation",
        description = """
                Passes on through output 0 the packets whose paint annotation equals COLOR. The others go \
                out on push output 1 if the element has two outputs, and are freed otherwise. One input, \
                agnostic output 0: in pull context a pull returns only the packets that passed.""",
        arguments = {
            @ElementDoc.Argument(name = "COLOR", description = "Integer 0-255. The paint to pass. Mandatory."),
            @ElementDoc.Argument(name = "ANNO", description = """
                    Annotation. Only PAINT (or 16, Click's paint offset) is supported. Default PAINT.""")
        },
        handlers = @ElementDoc.Handler(name = "color", mode = "read/write", description = """
                The COLOR setting, an integer 0-255."""),
        example = "... -> cp :: CheckPaint(2) -> ...;  cp[1] -> Print(wrong paint) -> Discard;",
        seeAlso = {"Paint", "PaintTee", "PaintSwitch"})
public final class CheckPaint extends SimpleAction {
    private int color;

    @Override
    public String portCount() {
        return "1/1-2";
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
    protected Packet action(Packet packet) {
        if (packet.paint() == color) {
            return packet;
        }
        divert(1, packet);
        return null;
    }

    /** The color passed. */
    public int color() {
        return color;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("color", () -> Integer.toString(color),
                value -> color = PaintAnnotation.parseColor(value));
    }
}
