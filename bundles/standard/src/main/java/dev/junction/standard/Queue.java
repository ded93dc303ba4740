package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Queue: a FIFO of packets between a push path and a pull path, with Click's empty and full notifiers
 * (Click's {@code Queue}, also known as FullNoteQueue).
 *
 * <p>Everything is in {@link QueueBase}, which Click's other queues share.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Queue")
@ElementDoc(
        synopsis = "Queue([CAPACITY])",
        category = "storage",
        summary = "stores packets in a FIFO queue",
        description = """
                Stores packets pushed into its input and hands them out, oldest first, to pulls on output 0. \
                When it already holds CAPACITY packets, further packets are dropped and counted; they leave \
                through push output 1 if it is connected, and are freed otherwise.

                Queue has an empty notifier, active while packets may be pulled: it activates when a packet \
                arrives, and goes inactive only after several pulls in a row found the queue empty, so that a \
                queue hovering around one packet does not make its puller sleep and wake constantly. It also \
                has a full notifier, active while there is room, inactive when the queue is full, and active \
                again as soon as a packet leaves. Pulling tasks downstream and pushing tasks upstream sleep \
                on them.

                One thread may push while another pulls. In a hot swap the replacement takes the queued \
                packets (as many as its capacity holds; the rest are freed) and the drop and high-water \
                counts.""",
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
        example = "FromDevice(eth0) -> Queue(2000) -> ToDevice(eth1);",
        seeAlso = {"Unqueue", "Discard", "SimpleQueue", "ThreadSafeQueue", "FrontDropQueue"})
public final class Queue extends QueueBase {
}
