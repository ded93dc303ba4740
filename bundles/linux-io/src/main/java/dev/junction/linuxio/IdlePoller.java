package dev.junction.linuxio;

import dev.junction.linuxio.sys.Libc;
import dev.junction.sched.Task;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static dev.junction.linuxio.sys.Libc.offset;

/**
 * The thread that waits in poll() while a receiving element's task sleeps, then wakes the task: an idle device
 * costs one wake-up of this thread per poll timeout and no router time. An error on a packet socket (the link
 * went down: the kernel reports ENETDOWN and keeps reporting POLLERR until the error is read) is read with
 * SO_ERROR, so that a down link is waited out in poll() rather than spun on; the kernel resumes delivery to the
 * socket when the link comes back up. It has its own stop flag, so that a hot swap can end it while
 * the socket lives on with the successor.
 */
final class IdlePoller implements Runnable {
    /** How long one poll() waits: the longest a stop or a hot swap waits for this thread to notice. */
    private static final int POLL_MILLIS = 100;

    private final int fd;
    private final Task task;
    private final boolean socketErrors;
    private final Thread thread;
    private volatile boolean stopped;
    /** Set by the task when it found the ring empty and went to sleep; cleared here when it is woken. */
    private volatile boolean idle = true;

    IdlePoller(String threadName, int fd, Task task, boolean socketErrors) {
        this.fd = fd;
        this.task = task;
        this.socketErrors = socketErrors;
        thread = Thread.ofPlatform().daemon().name(threadName).start(this);
    }

    /** The task found the ring empty and unscheduled itself. */
    void sleep() {
        idle = true;
        LockSupport.unpark(thread);
    }

    /** The task is about to run without being woken from here. */
    void wake() {
        idle = false;
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    void join() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment pollErrno = Libc.newErrno(local);
            MemorySegment pollfd = local.allocate(Libc.POLLFD);
            MemorySegment error = local.allocate(ValueLayout.JAVA_INT);
            MemorySegment errorLength = local.allocate(ValueLayout.JAVA_INT);
            pollfd.set(ValueLayout.JAVA_INT, offset(Libc.POLLFD, "fd"), fd);
            pollfd.set(ValueLayout.JAVA_SHORT, offset(Libc.POLLFD, "events"), (short) Libc.POLLIN);
            long revents = offset(Libc.POLLFD, "revents");
            long address = pollfd.address();
            while (!stopped) {
                if (!idle) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                    continue;
                }
                int ready = Libc.poll(pollErrno, address, 1, POLL_MILLIS);
                if (ready > 0) {
                    int events = pollfd.get(ValueLayout.JAVA_SHORT, revents);
                    if ((events & Libc.POLLERR) != 0 && socketErrors) {
                        errorLength.set(ValueLayout.JAVA_INT, 0, 4);
                        Libc.getsockopt(pollErrno, fd, Libc.SOL_SOCKET, Libc.SO_ERROR, error, errorLength);
                    }
                    if ((events & Libc.POLLIN) != 0 && !stopped) {
                        idle = false;
                        task.reschedule();
                    } else if ((events & Libc.POLLERR) == 0) {
                        // Neither data nor an error (POLLHUP, POLLNVAL): do not spin on it.
                        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                    }
                } else if (ready < 0 && Libc.errno(pollErrno) != Libc.EINTR) {
                    // Should not happen on a valid socket; do not spin on it.
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                }
            }
        }
    }
}
