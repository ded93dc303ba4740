package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** StaticThreadSched: places elements' tasks on router threads. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("StaticThreadSched")
@ElementDoc(
        synopsis = "StaticThreadSched(ELEMENT THREAD, ...)",
        category = "threads",
        summary = "places tasks on threads",
        description = """
                Runs the tasks and timers of ELEMENT on router thread THREAD (0 to the thread count minus one; \
                click -j sets the count). ELEMENT is named relative to StaticThreadSched's compound; naming a \
                compound element places every element inside it. A THREAD out of range gets a warning and \
                becomes thread 0 (or -1, which Junction treats as 0, for a negative one). Placement applies to \
                tasks created at initialization; StaticThreadSched is configured before ordinary elements.""",
        arguments = {
            @ElementDoc.Argument(name = "ELEMENT THREAD", description = "An element name and a thread number.")
        },
        example = "StaticThreadSched(src0 0, src1 1)",
        seeAlso = {"ScheduleInfo"})
public final class StaticThreadSched extends Element {
    @Override
    public int configurePhase() {
        return CONFIGURE_PHASE_INFO;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        StandardArgs.eachPositional(args, (argument, problems) -> readPlacement(args, argument, problems));
    }

    private void readPlacement(Args args, String argument, List<String> problems) throws ConfigurationException {
        Args pair = Args.parse(String.join(",", Args.words(argument)), args.resolver());
        String element = pair.requirePositional("ELEMENT", ArgTypes.STRING);
        Integer thread = pair.requirePositional("THREAD", ArgTypes.INTEGER);
        try {
            pair.complete();
        } catch (ConfigurationException e) {
            problems.addAll(e.errors());
            return;
        }
        if (thread < -1 || thread >= context().threadCount()) {
            context().warning("thread preference " + thread + " out of range");
            thread = thread < 0 ? -1 : 0;
        }
        if (!context().placeOnThread(element, Math.max(thread, 0))) {
            problems.add("'" + element + "' does not name an element");
        }
    }
}
