package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * PullSwitch: answers pulls from the input chosen by its {@code switch} handler, with an empty notifier of its
 * own that follows that input, as Click's PullSwitch does.
 *
 * <p>Click wakes the notifier from a callback of the upstream notifiers; here the upstream notifiers wake a
 * small relay task, which wakes the notifier if the input that woke is the one selected.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("PullSwitch")
@ElementDoc(
        synopsis = "PullSwitch([INPUT])",
        category = "scheduling",
        summary = "forwards pull requests to settable input",
        description = """
                Answers every pull on its output with packets pulled from input INPUT, which the switch \
                handler can change while the router runs. A negative INPUT, or one with no such input port, \
                answers every pull with nothing. Pull; any number of inputs, one output.

                PullSwitch is an empty notifier: it is active while the selected input may have packets, so \
                the element pulling from it (an Unqueue, say) sleeps while the selected input is dry, even if \
                other inputs have packets, and wakes when the selected input gets packets or the switch \
                handler selects an input that has some.

                In a hot swap that leaves INPUT as it was (a live edit elsewhere in the graph), the input \
                selected through the handler is kept.""",
        arguments = @ElementDoc.Argument(name = "INPUT", description = "Integer. The input to pull from. Default 0."),
        handlers = {
            @ElementDoc.Handler(name = "switch", mode = "read/write", description = """
                    The input in use (-1 for none). Writing a negative number, or one at or past the number \
                    of inputs, selects -1."""),
            @ElementDoc.Handler(name = "config", description = "The input in use, as the switch handler reads it.")
        },
        example = "a :: Queue -> [0] ps :: PullSwitch -> Unqueue -> out;  b :: Queue -> [1] ps;",
        seeAlso = {"Switch", "PrioSched", "RoundRobinSched", "StrideSched"})
public final class PullSwitch extends Element {
    private final Notifier notifier = new Notifier(NotifierKind.EMPTY, true);
    private int input;
    /** The input the configuration chose, to tell in a hot swap whether the handler changed it since. */
    private int configuredInput;
    private NotifierSignal[] signals = new NotifierSignal[0];
    private Task relay;

    @Override
    public String portCount() {
        return "-/1";
    }

    @Override
    public String processing() {
        return "l/l";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        int configured = args.readPositional("INPUT", ArgTypes.INTEGER, 0);
        args.complete();
        input = validInput(configured);
        configuredInput = input;
        if (input < 0) {
            notifier.sleep();
        } else {
            notifier.wake();
        }
    }

    private int validInput(int requested) {
        return requested < 0 || requested >= inputCount() ? -1 : requested;
    }

    @Override
    public void initialize() {
        relay = context().createTask(this::upstreamWoke);
        signals = Tasks.upstreamSignals(context(), inputCount(), relay);
    }

    /** The relay task: an upstream notifier woke; wakes this one if the selected input may have packets. */
    private boolean upstreamWoke() {
        relay.unschedule();
        int selected = input;
        if (selected >= 0 && !notifier.isActive() && signals[selected].isActive()) {
            notifier.wake();
        }
        return false;
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int selected = input;
        if (selected < 0) {
            notifier.sleep();
            return 0;
        }
        int pulled = input(selected).pull(into, max);
        if (pulled > 0) {
            notifier.wake();
        } else if (!signals[selected].isActive()) {
            notifier.sleep();
        }
        return pulled;
    }

    @Override
    public Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY ? notifier : null;
    }

    /** The input in use; -1 when pulls get nothing. */
    public int selected() {
        return input;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("switch", () -> Integer.toString(input), this::writeSwitch);
        handlers.addRead("config", () -> Integer.toString(input));
    }

    /** Carries the input chosen through the switch handler across a hot swap that leaves INPUT as it was. */
    @Override
    public void saveState(ElementState state) {
        state.put("input", new long[] {configuredInput, input});
    }

    @Override
    public void takeState(ElementState state) {
        long[] saved = state.get("input", long[].class);
        if (saved != null && saved.length == 2 && saved[0] == configuredInput) {
            select(validInput((int) saved[1]));
        }
    }

    private void writeSwitch(String value) throws HandlerException {
        select(validInput(HandlerValues.parseInt(value, "syntax error")));
    }

    /** Selects {@code selected} (valid, or -1) and sets the notifier as Click's set_input does. */
    private void select(int selected) {
        input = selected;
        if (input < 0) {
            notifier.sleep();
        } else if (signals.length > input && signals[input].isActive()) {
            notifier.wake();
        }
    }
}
