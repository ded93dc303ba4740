package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Notifier;
import dev.junction.sched.NotifierKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * FrontDropQueue: a FIFO that, when full, makes room by dropping its oldest packets rather than the arriving
 * ones. Dropping from the front moves the head, which the puller owns, so unlike Queue it is for a single
 * thread (as in Click).
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("FrontDropQueue")
@ElementDoc(
        synopsis = "FrontDropQueue([CAPACITY])",
        category = "storage",
        summary = "stores packets in drop-from-front FIFO queue",
        description = """
                Stores packets pushed into its input and hands them out, oldest first, to pulls on output 0. \
                When a packet arrives and the queue already holds CAPACITY packets, the oldest packet is \
                dropped to make room: it leaves through push output 1 if that is connected, and is freed \
                otherwise. A batch larger than the whole queue keeps only its last CAPACITY packets.

                FrontDropQueue has an empty notifier, like Queue, but no full notifier: it always accepts \
                packets. Pushes and pulls must come from the same thread.

                Writing a smaller capacity, or a hot swap into a smaller queue, keeps the newest packets. \
                In a hot swap the replacement takes the queued packets and the drop and high-water counts.""",
        arguments = @ElementDoc.Argument(name = "CAPACITY", description = """
                Unsigned. The most packets the queue holds. Default 1000."""),
        handlers = {
            @ElementDoc.Handler(name = "length", description = "Packets in the queue now."),
            @ElementDoc.Handler(name = "highwater_length", description = """
                    The most packets the queue has held at once since the last reset_counts."""),
            @ElementDoc.Handler(name = "capacity", mode = "read/write", description = """
                    The capacity. Writing a smaller one than the current length frees the oldest packets."""),
            @ElementDoc.Handler(name = "drops", description = "Packets dropped because the queue was full."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = """
                    Sets drops to 0 and highwater_length to the current length."""),
            @ElementDoc.Handler(name = "reset", mode = "write-only", description = """
                    Empties the queue: its packets go out of output 1 if connected, and are freed otherwise.""")
        },
        example = "... -> FrontDropQueue(100) -> ToDevice(eth1);",
        seeAlso = {"Queue", "SimpleQueue", "MixedQueue", "RED"})
public final class FrontDropQueue extends QueueBase {
    @Override
    public void push(int port, PacketBatch batch) {
        long h = headIndex();
        long t = tailIndex();
        int length = (int) (t - h);
        int arriving = batch.size();
        int overflow = length + arriving - capacity;
        int fromBatch = 0;
        if (overflow > 0) {
            countDrops(overflow);
            int fromRing = Math.min(overflow, length);
            h = dropOldest(h, fromRing);
            fromBatch = overflow - fromRing;
        }
        int accepted = arriving - fromBatch;
        if (accepted > 0) {
            copyIntoRing(batch.array(), fromBatch, t, accepted);
            setTail(t + accepted);
            arrived((int) (t + accepted - h));
        }
        if (fromBatch > 0) {
            // The oldest of the batch did not fit even in an empty queue: they go too, after the queued ones.
            batch.truncate(fromBatch);
            sendOrFree(batch);
        } else {
            batch.clear();
        }
    }

    /** Takes {@code count} packets off the head, oldest first, out of output 1 or freed; the new head. */
    private long dropOldest(long h, int count) {
        PacketBatch dropped = dropBatch;
        Packet[] packets = dropped.array();
        while (count > 0) {
            int chunk = Math.min(count, dropped.capacity());
            copyFromRing(h, packets, 0, chunk);
            dropped.setSize(chunk);
            h += chunk;
            setHead(h);
            count -= chunk;
            sendOrFree(dropped);
        }
        return h;
    }

    @Override
    boolean keepsNewest() {
        return true;
    }

    /** Only the empty notifier, as Click's NotifierQueue: a front-drop queue is never full to a pusher. */
    @Override
    public Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY ? nonEmpty : null;
    }
}
