package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.NameInfo;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** ScheduleInfo: gives elements' tasks their share of a router thread. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ScheduleInfo")
@ElementDoc(
        synopsis = "ScheduleInfo(ELEMENT PARAM, ...)",
        category = "information",
        summary = "sets task shares",
        description = """
                Gives the tasks of ELEMENT a share PARAM of their router thread, relative to the default share 1: \
                'ScheduleInfo(pd 2, td 0.5)' lets pd's task run twice as often as a default task and td's half \
                as often, by stride scheduling (a share of 1 is Click's 1024 tickets; the most is 32). ELEMENT \
                is named relative to ScheduleInfo's compound; naming a compound element multiplies the shares \
                of every element inside it by PARAM. Shares apply to the tasks elements create at \
                initialization; ScheduleInfo is configured before ordinary elements.""",
        arguments = {
            @ElementDoc.Argument(name = "ELEMENT PARAM", description = "An element name and a real share.")
        },
        example = "ScheduleInfo(src 2, slow 0.5)",
        seeAlso = {"StaticThreadSched"})
public final class ScheduleInfo extends Element {
    @Override
    public int configurePhase() {
        return CONFIGURE_PHASE_INFO;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        StandardArgs.eachPositional(args, (argument, problems) -> readShare(args, argument, problems));
    }

    private void readShare(Args args, String argument, List<String> problems) {
        List<String> parts = Args.words(argument);
        if (parts.isEmpty()) {
            return;
        }
        Double share = null;
        if (parts.size() == 2) {
            try {
                share = ArgTypes.REAL.parse(parts.get(1), args);
            } catch (IllegalArgumentException e) {
                share = null;
            }
        }
        if (share == null || share < 0 || share.isNaN() || share.isInfinite()) {
            problems.add("expected 'ELEMENTNAME PARAM'");
        } else {
            context().defineName(NameInfo.SCHEDULE_INFO, parts.get(0), Double.toString(share));
        }
    }
}
