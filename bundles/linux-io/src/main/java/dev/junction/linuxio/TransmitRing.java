package dev.junction.linuxio;

import dev.junction.element.ConfigurationException;
import dev.junction.linuxio.sys.Libc;
import dev.junction.linuxio.sys.PacketSocket;
import dev.junction.packet.Packet;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

import static dev.junction.linuxio.sys.Libc.TPACKET2_HDR;
import static dev.junction.linuxio.sys.Libc.offset;

/**
 * A TPACKET_V2 transmit ring on a packet socket: frames are copied into the shared ring (the one copy on the way
 * out: the kernel builds its socket buffers on the ring's pages), marked for sending with a release store, and
 * one {@code sendto} with no data sends every marked frame, so a batch costs one system call. The kernel gives a
 * frame back (status AVAILABLE) when its socket buffer is freed. PACKET_LOSS is set so that a frame the kernel
 * finds malformed is skipped instead of stopping the ring. Only the owner's thread queues and flushes, and the
 * kernel reads a frame's header only inside that thread's {@code sendto}. Frames a flush leaves behind (the link
 * is down, the device queue is full) cannot be taken back (the kernel walks the ring in order from its own
 * position), so they are voided instead: their length is set to 0, which the kernel refuses and, with
 * PACKET_LOSS, skips at the next flush. They are counted as dropped: a link that comes back must not replay
 * stale frames.
 */
final class TransmitRing {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    /** The frame's data follows the aligned header directly (the kernel's default, without PACKET_TX_HAS_OFF). */
    private static final int DATA_OFFSET = (int) TPACKET2_HDR.byteSize();
    private static final long STATUS = offset(TPACKET2_HDR, "tp_status");
    private static final long LENGTH = offset(TPACKET2_HDR, "tp_len");
    private static final int MIN_FRAME_SIZE = 2048;
    private static final int MIN_BLOCK_SIZE = 1 << 16;
    private static final long MAX_RING_BYTES = 4L << 20;
    private static final int FRAMES = 256;

    private final int fd;
    private final MemorySegment errno;
    private final MemorySegment ring;
    private final int frameSize;
    private final int frameCount;
    /** The next frame to fill. */
    private int head;
    /** Frames filled since the last flush, starting at {@link #flushStart}. */
    private int queued;
    private int flushStart;
    /** Voided frames wait in the ring for a flush to skip them. */
    private boolean voided;
    private int lastError;

    /** Sets up the ring on {@code fd} for frames of up to {@code maxFrame} bytes. */
    TransmitRing(int fd, String device, int maxFrame, Arena arena) throws ConfigurationException {
        this.fd = fd;
        this.errno = Libc.newErrno(arena);
        int size = Integer.highestOneBit(Math.max(MIN_FRAME_SIZE, DATA_OFFSET + maxFrame) - 1) << 1;
        frameSize = Math.max(MIN_FRAME_SIZE, size);
        frameCount = (int) Math.max(16, Math.min(FRAMES, MAX_RING_BYTES / frameSize));
        int blockSize = Math.max(frameSize, MIN_BLOCK_SIZE);
        int framesPerBlock = blockSize / frameSize;
        int blocks = (frameCount + framesPerBlock - 1) / framesPerBlock;
        PacketSocket.setOption(fd, Libc.PACKET_VERSION, Libc.TPACKET_V2, device + ": PACKET_VERSION");
        PacketSocket.setOption(fd, Libc.PACKET_LOSS, 1, device + ": PACKET_LOSS");
        MemorySegment request = arena.allocate(Libc.TPACKET_REQ);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ, "tp_block_size"), blockSize);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ, "tp_block_nr"), blocks);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ, "tp_frame_size"), frameSize);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ, "tp_frame_nr"), blocks * framesPerBlock);
        ring = PacketSocket.mapRing(fd, Libc.PACKET_TX_RING, request, (long) blocks * blockSize,
                device + ": the transmit ring (PACKET_TX_RING)");
    }

    /** Frames free to fill right now, up to {@code wanted}. */
    int free(int wanted) {
        int free = 0;
        int frame = head;
        int limit = Math.min(wanted, frameCount - queued);
        while (free < limit && (int) INT.getAcquire(ring, (long) frame * frameSize + STATUS)
                == Libc.TP_STATUS_AVAILABLE) {
            free++;
            frame = frame + 1 == frameCount ? 0 : frame + 1;
        }
        return free;
    }

    /** Copies {@code packet} into the next frame; false if the ring has no free frame (the packet is not sent). */
    boolean queue(Packet packet) {
        long frame = (long) head * frameSize;
        if (queued == frameCount || (int) INT.getAcquire(ring, frame + STATUS) != Libc.TP_STATUS_AVAILABLE) {
            return false;
        }
        int length = packet.length();
        MemorySegment.copy(packet.buffer(), packet.dataOffset(), ring, frame + DATA_OFFSET, length);
        ring.set(ValueLayout.JAVA_INT, frame + LENGTH, length);
        INT.setRelease(ring, frame + STATUS, Libc.TP_STATUS_SEND_REQUEST);
        if (queued == 0) {
            flushStart = head;
        }
        queued++;
        head = head + 1 == frameCount ? 0 : head + 1;
        return true;
    }

    /**
     * Sends every queued frame; returns how many the kernel did not take (taken back and to be counted as drops).
     * {@link #lastError()} then tells why (0 when all went).
     */
    int flush() {
        if (queued == 0 && !voided) {
            return 0;
        }
        long result = Libc.sendto(fd, 0, 0, Libc.MSG_DONTWAIT, 0, 0);
        if (result < 0) {
            // Again, to learn why: the kernel fails the same way (or sends what it could not before).
            result = Libc.sendto(errno, fd, 0, 0, Libc.MSG_DONTWAIT, 0, 0);
        }
        lastError = result < 0 ? Libc.errno(errno) : 0;
        if (result >= 0) {
            voided = false;
        }
        int left = 0;
        int frame = flushStart;
        for (int i = 0; i < queued; i++) {
            long at = (long) frame * frameSize;
            if ((int) INT.getAcquire(ring, at + STATUS) == Libc.TP_STATUS_SEND_REQUEST) {
                ring.set(ValueLayout.JAVA_INT, at + LENGTH, 0);
                left++;
            }
            frame = frame + 1 == frameCount ? 0 : frame + 1;
        }
        if (left > 0) {
            voided = true;
            if (lastError == 0) {
                lastError = Libc.ENOBUFS;
            }
        }
        queued = 0;
        return left;
    }

    /** The errno of the last flush that left frames behind, or 0. */
    int lastError() {
        return lastError;
    }

    int frameCount() {
        return frameCount;
    }

    void unmap() {
        Libc.munmap(errno, ring.address(), ring.byteSize());
    }
}
