package dev.junction.linuxio.sys;

import dev.junction.element.ConfigurationException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The calling thread inside a named network namespace ({@code /var/run/netns/NAME}, as {@code ip netns add}
 * makes it) until closed, when it goes back to where it was. Sockets and TUN/TAP devices keep the namespace
 * they were created in, so a device element enters its namespace only to open them. A {@code null} name
 * stays where the thread is.
 */
public final class NetworkNamespace implements AutoCloseable {
    private final Arena arena;
    private final MemorySegment errno;
    private final int home;

    private NetworkNamespace(Arena arena, MemorySegment errno, int home) {
        this.arena = arena;
        this.errno = errno;
        this.home = home;
    }

    /** Enters namespace {@code name} (null: none); a missing or unenterable namespace is a clear error. */
    public static NetworkNamespace enter(String name) throws ConfigurationException {
        Arena arena = Arena.ofConfined();
        MemorySegment errno = Libc.newErrno(arena);
        if (name == null) {
            return new NetworkNamespace(arena, errno, -1);
        }
        try {
            check(name);
            String path = "/var/run/netns/" + name;
            int target = Libc.open(errno, arena, path, Libc.O_RDONLY | Libc.O_CLOEXEC);
            if (target < 0) {
                int error = Libc.errno(errno);
                throw error == Libc.ENOENT
                        ? new ConfigurationException("no such network namespace '" + name + "' (" + path + ")")
                        : PacketSocket.failure("cannot open network namespace " + path, error);
            }
            int home = Libc.open(errno, arena, "/proc/thread-self/ns/net", Libc.O_RDONLY | Libc.O_CLOEXEC);
            if (home < 0) {
                int error = Libc.errno(errno);
                Libc.close(errno, target);
                throw PacketSocket.failure("cannot open this thread's network namespace", error);
            }
            if (Libc.setns(errno, target, Libc.CLONE_NEWNET) < 0) {
                int error = Libc.errno(errno);
                Libc.close(errno, target);
                Libc.close(errno, home);
                throw PacketSocket.failure("cannot enter network namespace '" + name + "'", error);
            }
            Libc.close(errno, target);
            return new NetworkNamespace(arena, errno, home);
        } catch (ConfigurationException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Refuses names that are not plain names under /var/run/netns. */
    public static void check(String name) throws ConfigurationException {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
            throw new ConfigurationException("bad network namespace name '" + name + "'");
        }
    }

    @Override
    public void close() {
        try {
            if (home < 0) {
                return;
            }
            int result = Libc.setns(errno, home, Libc.CLONE_NEWNET);
            Libc.close(errno, home);
            if (result < 0) {
                // The thread would go on in the wrong namespace: that must not pass silently.
                throw new IllegalStateException("cannot return to the original network namespace: "
                        + Libc.strerror(Libc.errno(errno)));
            }
        } finally {
            arena.close();
        }
    }
}
