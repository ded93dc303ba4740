package dev.junction.standard;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * ThreadSafeQueue: Queue for any number of pushing and pulling threads. Pushers take one lock and pullers
 * another, so one pusher and one puller still run side by side on {@link QueueBase}'s lock-free ring.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ThreadSafeQueue")
@ElementDoc(
        synopsis = "ThreadSafeQueue([CAPACITY])",
        category = "storage",
        summary = "stores packets in a FIFO queue",
        description = """
                Behaves exactly as Queue (same notifiers, drops, handlers and hot swap), but any number of \
                threads may push into it and any number may pull from it at the same time. Queue allows \
                one pushing and one pulling thread.""",
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
        example = "FromDevice(eth0) -> q :: ThreadSafeQueue; FromDevice(eth1) -> q; q -> ToDevice(eth2);",
        seeAlso = {"Queue", "SimpleQueue"})
public final class ThreadSafeQueue extends QueueBase {
    private final Object pushLock = new Object();
    private final Object pullLock = new Object();

    @Override
    public void push(int port, PacketBatch batch) {
        synchronized (pushLock) {
            super.push(port, batch);
        }
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        synchronized (pullLock) {
            return super.pull(port, into, max);
        }
    }

    /** Resizing rebuilds the ring: no push or pull may run meanwhile. */
    @Override
    void writeCapacity(String value) throws HandlerException {
        synchronized (pushLock) {
            synchronized (pullLock) {
                super.writeCapacity(value);
            }
        }
    }

    @Override
    void reset() {
        synchronized (pullLock) {
            super.reset();
        }
    }
}
