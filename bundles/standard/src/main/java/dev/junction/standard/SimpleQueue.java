package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * SimpleQueue: Click's plainest queue, a FIFO with no notifiers, so the tasks around it poll. The ring and
 * everything else come from {@link QueueBase}.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("SimpleQueue")
@ElementDoc(
        synopsis = "SimpleQueue([CAPACITY])",
        category = "storage",
        summary = "stores packets in a FIFO queue, without notification",
        description = """
                Stores packets pushed into its input and hands them out, oldest first, to pulls on output 0. \
                When it already holds CAPACITY packets, further packets are dropped and counted; they leave \
                through push output 1 if it is connected, and are freed otherwise.

                Unlike Queue, SimpleQueue has no empty or full notifier: a task pulling from it never sleeps \
                waiting for packets, it keeps polling. Use Queue unless that is what you want.

                One thread may push while another pulls. In a hot swap the replacement (any kind of queue) \
                takes the queued packets (as many as its capacity holds, oldest first; the rest are freed) \
                and the drop and high-water counts.""",
        arguments = @ElementDoc.Argument(name = "CAPACITY", description = """
                Unsigned. The most packets the queue holds. Default 1000."""),
        handlers = {
            @ElementDoc.Handler(name = "length", description = "Packets in the queue now."),
            @ElementDoc.Handler(name = "highwater_length", description = """
                    The most packets the queue has held at once since the last reset_counts."""),
            @ElementDoc.Handler(name = "capacity", mode = "read/write", description = """
                    The capacity. Writing a smaller one than the current length frees the newest packets."""),
            @ElementDoc.Handler(name = "drops", description = "Packets dropped because the queue was full."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = """
                    Sets drops to 0 and highwater_length to the current length."""),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Empties the queue: its packets go out of output 1 if connected, and are freed otherwise.""")
        },
        example = "FromDevice(eth0) -> SimpleQueue(2000) -> ToDevice(eth1);",
        seeAlso = {"Queue", "ThreadSafeQueue", "FrontDropQueue", "MixedQueue"})
public final class SimpleQueue extends QueueBase {
    /** None: Click's SimpleQueue is no notifier queue. */
    @Override
    public Notifier notifier(NotifierKind kind) {
        return null;
    }
}
