package dev.junction.element;

import dev.junction.packet.PacketPool;
import dev.junction.sched.Clock;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.TaskBody;
import dev.junction.sched.Timer;
import dev.junction.sched.TimerCallback;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An element's view of the router it belongs to, given by the engine when the element is attached. Through it
 * an element learns its name, reads the clock, takes packets from the pool, and creates tasks and timers.
 */
@ProviderType
public interface ElementContext {
    /** The element's name in the flattened configuration, for example {@code "c"} or {@code "comp/Counter@2"}. */
    String name();

    /** Where the element was declared, {@code file:line}, for messages. */
    String landmark();

    /** The router's clock (simulated under {@code --simtime}). */
    Clock clock();

    /** The pool sources take new packets from. */
    PacketPool packetPool();

    /** Creates a task for this element on its home thread; it is not scheduled until rescheduled. */
    Task createTask(TaskBody body);

    /** Creates an unscheduled timer for this element. */
    Timer createTimer(TimerCallback callback);

    /**
     * The signal of the empty notifiers upstream of input {@code port}, with {@code listener} registered to be
     * woken when one activates. Only valid from {@link Element#initialize()} on.
     */
    NotifierSignal upstreamEmptySignal(int port, Task listener);

    /** The signal of the full notifiers downstream of output {@code port}, with {@code listener} registered. */
    NotifierSignal downstreamFullSignal(int port, Task listener);

    /** The element of this router named {@code name} (relative to this element's compound), or {@code null}. */
    Element element(String name);

    /**
     * Reads a handler of this router, named as Click names handlers: {@code element.handler}, or a bare global
     * name (Click's {@code HandlerCall}). Runs between batches like any handler call.
     */
    String readHandler(String handler) throws HandlerException;

    /**
     * Writes {@code value} to a handler of this router; {@code writeHandler("stop", "")} asks the router to
     * stop, as Click's sources do when their LIMIT is reached with STOP set.
     */
    void writeHandler(String handler, String value) throws HandlerException;

    /** Whether input {@code port} of this element is push (true) or pull, as resolved by the checks. */
    boolean isInputPush(int port);

    /** Whether output {@code port} of this element is push (true) or pull, as resolved by the checks. */
    boolean isOutputPush(int port);

    /** Reports a warning about this element (Click's {@code errh->warning}); the router goes on. */
    void warning(String message);

    // ---------------------------------------------------------------- driver, names, placement (API 1.1)

    /**
     * Click's driver script ({@code DriverManager}, {@code Script(TYPE DRIVER)}): from now on a stop request
     * (a write to the router's {@code stop} handler, as sources with {@code STOP true} make) calls
     * {@code onStopRequest} instead of stopping the router; the driver later stops the router with
     * {@link #stopRouter()}. {@code onStopRequest} may be called on any thread and must return quickly.
     * Returns {@code false}, installing nothing, if the router has a driver already. The default (a context
     * without a router, which never makes stop requests) accepts and never calls it.
     */
    default boolean takeStopRequests(Runnable onStopRequest) {
        return true;
    }

    /** Stops the router, whatever driver it has (Click's runcount left at zero by the driver). */
    default void stopRouter() {
        try {
            writeHandler("stop", "");
        } catch (HandlerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Defines {@code name} as {@code value} (as text) for lookups of {@code type} (see {@link NameInfo}) by this
     * element's compound and the compounds inside it, as Click's {@code NameInfo::define} does. Call it from
     * {@link Element#configure}; elements that define names configure in {@link Element#CONFIGURE_PHASE_FIRST}.
     * The default ignores it.
     */
    default void defineName(String type, String name, String value) {
    }

    /** The value of {@code name} of {@code type}, looked up from this element's compound outward, or {@code null}. */
    default String lookupName(String type, String name) {
        return null;
    }

    /**
     * Places the tasks and timers of element {@code elementName} (relative to this element's compound), or of
     * every element inside the compound of that name, on router thread {@code thread}, as Click's
     * StaticThreadSched does; effective for tasks created afterwards, so call it from {@link Element#configure}.
     * Returns whether any element was found. The default finds none.
     */
    default boolean placeOnThread(String elementName, int thread) {
        return false;
    }

    /** The number of router threads (Click's {@code master()->nthreads()}); default 1. */
    default int threadCount() {
        return 1;
    }
}
