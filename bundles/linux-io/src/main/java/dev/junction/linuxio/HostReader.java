package dev.junction.linuxio;

import dev.junction.element.ElementContext;
import dev.junction.linuxio.sys.Libc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.sched.Task;

/**
 * The receiving half of the TUN/TAP elements: a task that reads up to BURST frames from the device's non-blocking
 * descriptor, each straight into a pool packet's buffer (the kernel's copy is the only one), and hands the batch
 * to the element; when the device has nothing, the task sleeps and an {@link IdlePoller} wakes it.
 */
final class HostReader {
    /** What the element does with the frames read. */
    interface Receiver {
        void received(PacketBatch batch);
    }

    private final int fd;
    private final int burst;
    private final int headroom;
    private final PacketPool pool;
    private final PacketBatch batch;
    private final Receiver receiver;
    private final Task task;
    private final IdlePoller poller;

    private long count;
    private long drops;

    HostReader(ElementContext context, String threadName, int fd, int burst, int headroom, Receiver receiver) {
        this.fd = fd;
        this.burst = burst;
        this.headroom = headroom;
        this.pool = context.packetPool();
        this.receiver = receiver;
        batch = new PacketBatch(Math.min(burst, PacketBatch.DEFAULT_CAPACITY * 64));
        task = context.createTask(this::receive);
        poller = new IdlePoller(threadName, fd, task, false);
    }

    private boolean receive() {
        int room = pool.bufferSize() - headroom;
        int wanted = Math.min(burst, batch.capacity());
        boolean empty = false;
        while (batch.size() < wanted) {
            Packet packet = pool.allocate();
            if (packet == null) {
                // No packet to read into: leave the frame in the device's queue and come back.
                break;
            }
            // -1 is EAGAIN (nothing queued) or the device going away: either way, wait in poll().
            long read = Libc.read(fd, packet.buffer().address() + headroom, room);
            if (read <= 0) {
                packet.kill();
                empty = true;
                break;
            }
            if (read > room) {
                // The kernel truncated a frame longer than the buffer: not a frame worth passing on.
                packet.kill();
                drops++;
                continue;
            }
            packet.setWindow(headroom, (int) read);
            batch.add(packet);
        }
        int made = batch.size();
        if (made > 0) {
            count += made;
            receiver.received(batch);
            batch.clear();
        }
        if (empty) {
            task.unschedule();
            poller.sleep();
        }
        return made > 0;
    }

    long count() {
        return count;
    }

    long drops() {
        return drops;
    }

    void setCounts(long count, long drops) {
        this.count = count;
        this.drops = drops;
    }

    void stop() {
        task.unschedule();
        poller.stop();
        poller.join();
    }
}
