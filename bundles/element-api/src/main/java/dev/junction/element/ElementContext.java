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
}
