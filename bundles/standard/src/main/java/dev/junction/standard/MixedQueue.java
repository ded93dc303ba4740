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
 * MixedQueue: a FIFO on input 0 and a LIFO on input 1. Packets pushed on input 1 go to the front, ahead of
 * everything, which moves the head the puller owns, so it is for a single thread (as in Click).
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("MixedQueue")
@ElementDoc(
        synopsis = "MixedQueue([CAPACITY])",
        category = "storage",
        summary = "stores packets in a FIFO/LIFO queue",
        description = """
                Stores packets and hands them out from the front to pulls on output 0. Packets pushed on \
                input 0 join at the back, as in Queue; if the queue is full they are dropped. Packets pushed \
                on input 1 join at the front, so they leave next; if the queue is full, the packet at the \
                back (the newest) is dropped to make room. Dropped packets leave through push output 1 if it \
                is connected, and are freed otherwise.

                MixedQueue has an empty notifier but no full notifier. Pushes and pulls must come from the \
                same thread. In a hot swap the replacement takes the queued packets and the drop and \
                high-water counts.""",
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
        example = "src0 -> [0] mq :: MixedQueue(100); urgent -> [1] mq; mq -> ToDevice(eth1);",
        seeAlso = {"Queue", "SimpleQueue", "FrontDropQueue"})
public final class MixedQueue extends QueueBase {
    @Override
    public String portCount() {
        return "2/1-2";
    }

    @Override
    public void push(int port, PacketBatch batch) {
        if (port == 0) {
            super.push(port, batch);
            return;
        }
        PacketBatch dropped = dropBatch;
        Packet[] packets = batch.array();
        for (int i = 0, size = batch.size(); i < size; i++) {
            Packet packet = packets[i];
            if (capacity == 0) {
                countDrops(1);
                dropped.add(packet);
            } else {
                long h = headIndex();
                long t = tailIndex();
                if (t - h == capacity) {
                    countDrops(1);
                    t--;
                    int slot = (int) (t % capacity);
                    dropped.add(ring[slot]);
                    ring[slot] = null;
                    setTail(t);
                }
                if (h == 0) { // positions stay non-negative: shift both by a whole turn of the ring
                    h += capacity;
                    t += capacity;
                    setTail(t);
                }
                h--;
                ring[(int) (h % capacity)] = packet;
                setHead(h);
                arrived((int) (t - h));
            }
            if (dropped.isFull()) {
                sendOrFree(dropped);
            }
        }
        batch.clear();
        if (!dropped.isEmpty()) {
            sendOrFree(dropped);
        }
    }

    /** Only the empty notifier, as Click's NotifierQueue. */
    @Override
    public Notifier notifier(NotifierKind kind) {
        return kind == NotifierKind.EMPTY ? nonEmpty : null;
    }
}
