package dev.junction.linuxio;

import dev.junction.element.ElementContext;
import dev.junction.linuxio.sys.Libc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The sending half of the TUN/TAP elements: writes each packet to the device's descriptor straight from its pool
 * buffer (one write per frame is what the driver takes; the kernel's copy is the only one) and frees it. Nothing
 * waits and nothing throws: a frame over the MTU, or one the kernel refuses (the device is down, its queue is
 * full), is dropped and counted, and the first of each kind of failure is reported once, as is the recovery.
 */
final class HostWriter {
    private final ElementContext context;
    private final String device;
    private final int fd;
    /** The longest frame written: the MTU plus the link header the frames carry (14 for TAP, 0 for TUN). */
    private final int maxFrame;
    private final boolean quietOverflows;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno = Libc.newErrno(arena);

    private long count;
    private long drops;
    private boolean reportedOversize;
    /** The errno of the failure reported last, until a write succeeds again (0: none). */
    private int failing;

    HostWriter(ElementContext context, String device, int fd, int maxFrame, boolean quietOverflows) {
        this.context = context;
        this.device = device;
        this.fd = fd;
        this.maxFrame = maxFrame;
        this.quietOverflows = quietOverflows;
    }

    /** Writes every packet of {@code batch}, then frees them all. */
    void write(PacketBatch batch) {
        int size = batch.size();
        Packet[] packets = batch.array();
        for (int i = 0; i < size; i++) {
            write(packets[i]);
        }
        batch.killAll();
    }

    /** Writes one packet without freeing it. */
    void write(Packet packet) {
        int length = packet.length();
        if (length == 0) {
            drops++;
            return;
        }
        if (length > maxFrame) {
            drops++;
            if (!reportedOversize) {
                reportedOversize = true;
                context.warning("device '" + device + "': dropped a " + length + "-byte frame, longer than the MTU"
                        + " allows (" + maxFrame + " bytes with the link header); further ones are only counted"
                        + " in 'drops'");
            }
            return;
        }
        long address = packet.buffer().address() + packet.dataOffset();
        long written = Libc.write(fd, address, length);
        if (written < 0) {
            // Again, to learn why (nothing was written the first time).
            written = Libc.write(errno, fd, address, length);
        }
        if (written == length) {
            count++;
            if (failing != 0) {
                failing = 0;
                context.warning("device '" + device + "': frames go through again");
            }
            return;
        }
        drops++;
        int error = written < 0 ? Libc.errno(errno) : Libc.EIO;
        if (error != failing && !(quietOverflows && (error == Libc.ENOBUFS || error == Libc.EAGAIN))) {
            failing = error;
            context.warning("device '" + device + "': cannot send: " + Libc.strerror(error)
                    + (error == Libc.EIO ? " (is the device down?)" : "")
                    + "; dropping frames until it works again");
        }
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

    void close() {
        arena.close();
    }
}
