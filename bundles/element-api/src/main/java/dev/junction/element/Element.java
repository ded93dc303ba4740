package dev.junction.element;

import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The base class of every element, in Click's model.
 *
 * <p><b>Declared in code</b>, as Click declares them: the port counts ({@link #portCount()}, for example
 * {@code "1/1-2"}), the processing of each port ({@link #processing()}: {@code h} push, {@code l} pull,
 * {@code a} agnostic, for example {@code "a/ah"}), the flow code ({@link #flowCode()}) and the class name
 * ({@link ElementClass}). The engine checks a configuration against them before anything runs.
 *
 * <p><b>Life cycle.</b> The engine creates the element (a prototype-scope DS component), {@linkplain #attach
 * attaches} it to the router, then calls {@link #configure(Args)} on every element, connects the ports, calls
 * {@link #initialize()} on every element, and in a hot swap {@link #takeState(ElementState)} with what the
 * old element {@linkplain #saveState saved}. Then packets flow; at the end comes {@link #cleanup()}. An error
 * in configure or initialize stops the whole router from being installed; nothing half-runs.
 *
 * <p><b>Packets</b> move in batches. A push port receives {@link #push(int, PacketBatch)}; a pull port is asked
 * through {@link #pull(int, PacketBatch, int)}. Elements that transform one packet at a time extend
 * {@link SimpleAction} instead of implementing these.
 *
 * <p>An element is used by one router thread at a time; handlers run on that thread between batches.
 */
@ConsumerType
public abstract class Element {
    private static final Input[] NO_INPUTS = {};
    private static final Output[] NO_OUTPUTS = {};

    private final String className;
    private ElementContext context;
    private Input[] inputs = NO_INPUTS;
    private Output[] outputs = NO_OUTPUTS;

    /** Creates an element; elements have a public no-argument constructor so that DS can create them. */
    protected Element() {
        ElementClass name = getClass().getAnnotation(ElementClass.class);
        className = name != null ? name.value() : getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- declared in code

    /** The Click class name, from {@link ElementClass} (the Java class's simple name if it has none). */
    public final String className() {
        return className;
    }

    /**
     * Click's port count: {@code "in/out"} where each side is a number, a range {@code "1-2"}, an open range
     * {@code "1-"} or {@code "-"}, and {@code "="} on the output side means "as many as inputs". Default
     * {@code "0/0"}, as in Click.
     */
    public String portCount() {
        return "0/0";
    }

    /**
     * Click's processing code: one letter per port, {@code h} push, {@code l} pull, {@code a} agnostic; the
     * last letter of each side applies to the remaining ports. Default {@code "a/a"}.
     */
    public String processing() {
        return "a/a";
    }

    /**
     * Click's flow code: which inputs may reach which outputs, used to find notifiers and to resolve agnostic
     * ports. Default {@code "x/x"}: every input reaches every output.
     */
    public String flowCode() {
        return "x/x";
    }

    /** Click's {@code CONFIGURE_PHASE_FIRST}: configured before everything else (AddressInfo, PortInfo). */
    public static final int CONFIGURE_PHASE_FIRST = 0;
    /** Click's {@code CONFIGURE_PHASE_INFO}: information elements (ScheduleInfo, StaticThreadSched). */
    public static final int CONFIGURE_PHASE_INFO = 20;
    /** Click's {@code CONFIGURE_PHASE_PRIVILEGED}. */
    public static final int CONFIGURE_PHASE_PRIVILEGED = 90;
    /** Click's {@code CONFIGURE_PHASE_DEFAULT}: most elements. */
    public static final int CONFIGURE_PHASE_DEFAULT = 100;
    /** Click's {@code CONFIGURE_PHASE_LAST}. */
    public static final int CONFIGURE_PHASE_LAST = 2000;

    /**
     * Click's {@code configure_phase()}: the engine configures elements in increasing phase, and in
     * configuration order within a phase, so that elements defining names (AddressInfo, PortInfo) or
     * scheduling information are configured before the elements that use them. Default
     * {@link #CONFIGURE_PHASE_DEFAULT}.
     */
    public int configurePhase() {
        return CONFIGURE_PHASE_DEFAULT;
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * Called once by the engine before {@link #configure(Args)}: gives the element its router context and its
     * ports. Calling it twice raises IllegalStateException.
     */
    public final void attach(ElementContext elementContext, int inputCount, int outputCount) {
        if (context != null) {
            throw new IllegalStateException("element " + context.name() + " is already attached");
        }
        context = elementContext;
        inputs = new Input[inputCount];
        for (int i = 0; i < inputCount; i++) {
            inputs[i] = new Input(this, i);
        }
        outputs = new Output[outputCount];
        for (int i = 0; i < outputCount; i++) {
            outputs[i] = new Output(this, i);
        }
    }

    /**
     * Parses the configuration arguments. The default accepts none. Read every argument, then call
     * {@link Args#complete()}, which throws a ConfigurationException naming every problem.
     */
    public void configure(Args args) throws ConfigurationException {
        args.complete();
    }

    /** Prepares to run: creates tasks and timers, finds notifiers. Ports are connected by now. */
    public void initialize() throws ConfigurationException {
    }

    /** In a hot swap, called on the old element at a safe point: store what the replacement should inherit. */
    public void saveState(ElementState state) {
    }

    /** In a hot swap, called on the new element after {@link #initialize()} with what its predecessor saved. */
    public void takeState(ElementState state) {
    }

    /** Releases what the element holds: packets in queues go back to their pools, tasks stop. */
    public void cleanup() {
    }

    /** Declares the element's own handlers; see {@link HandlerRegistry}. */
    public void addHandlers(HandlerRegistry handlers) {
    }

    // ---------------------------------------------------------------- packets

    /**
     * Receives a batch on push input {@code port}. The packets become this element's; the batch object is lent
     * for the duration of the call (the element may filter it in place and push it on). An element with push
     * inputs overrides this.
     */
    public void push(int port, PacketBatch batch) {
        throw new UnsupportedOperationException(className + " does not implement push (input " + port + ")");
    }

    /**
     * Supplies up to {@code max} packets from pull output {@code port}, appended to {@code into}; returns how
     * many were added. {@code max} never exceeds the room left in {@code into}. An element with pull outputs
     * overrides this.
     */
    public int pull(int port, PacketBatch into, int max) {
        throw new UnsupportedOperationException(className + " does not implement pull (output " + port + ")");
    }

    /**
     * The element's notifier of {@code kind}, or {@code null} (the default). A queue returns its empty and full
     * notifiers, so that the engine can hand them to the tasks that pull from or push into it.
     */
    public Notifier notifier(NotifierKind kind) {
        return null;
    }

    // ---------------------------------------------------------------- ports and context

    /** The router context, or {@code null} before {@link #attach}. */
    public final ElementContext context() {
        return context;
    }

    /** The element's name in its router, or its class name before it is attached. */
    public final String name() {
        return context == null ? className : context.name();
    }

    /** Number of input ports in use. */
    public final int inputCount() {
        return inputs.length;
    }

    /** Number of output ports in use. */
    public final int outputCount() {
        return outputs.length;
    }

    /** Input port {@code port}. */
    public final Input input(int port) {
        return inputs[port];
    }

    /** Output port {@code port}. */
    public final Output output(int port) {
        return outputs[port];
    }

    @Override
    public String toString() {
        return name() + " :: " + className;
    }
}
