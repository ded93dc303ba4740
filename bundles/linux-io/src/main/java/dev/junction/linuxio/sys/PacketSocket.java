package dev.junction.linuxio.sys;

import dev.junction.element.ConfigurationException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.junction.linuxio.sys.Libc.SOCKADDR_LL;
import static dev.junction.linuxio.sys.Libc.offset;

/**
 * An AF_PACKET socket bound to one interface, opened inside a named network namespace when one is given (the
 * calling thread enters {@code /var/run/netns/NAME} with setns, opens the socket and goes back: a socket keeps
 * the namespace it was created in). Every failure becomes a ConfigurationException with a message a user can
 * act on: no such interface, no such namespace, not permitted.
 */
public final class PacketSocket {
    private final int fd;
    private final int ifindex;

    private PacketSocket(int fd, int ifindex) {
        this.fd = fd;
        this.ifindex = ifindex;
    }

    public int fd() {
        return fd;
    }

    public int ifindex() {
        return ifindex;
    }

    /** Checks that {@code device} exists (in {@code netns} if not null) and returns its index. */
    public static int interfaceIndex(String device, String netns) throws ConfigurationException {
        try (Arena arena = Arena.ofConfined(); NetworkNamespace ignored = NetworkNamespace.enter(netns)) {
            return lookup(device, netns, arena);
        }
    }

    /**
     * Opens a raw packet socket for {@code protocol} (host order; 0 receives nothing) bound to {@code device}.
     */
    public static PacketSocket open(String device, String netns, int protocol) throws ConfigurationException {
        try (Arena arena = Arena.ofConfined(); NetworkNamespace ignored = NetworkNamespace.enter(netns)) {
            int ifindex = lookup(device, netns, arena);
            MemorySegment errno = Libc.newErrno(arena);
            int fd = Libc.socket(errno, Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.htons(protocol));
            if (fd < 0) {
                throw failure("cannot open a packet socket for '" + device + "'", Libc.errno(errno));
            }
            int error = bind(fd, ifindex, protocol);
            if (error != 0) {
                Libc.close(errno, fd);
                throw failure("cannot bind a packet socket to '" + device + "'", error);
            }
            return new PacketSocket(fd, ifindex);
        }
    }

    /** Binds (or binds again) packet socket {@code fd} to interface {@code ifindex} and {@code protocol}; the errno or 0. */
    public static int bind(int fd, int ifindex, int protocol) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.newErrno(arena);
            MemorySegment address = arena.allocate(SOCKADDR_LL);
            address.set(ValueLayout.JAVA_SHORT, offset(SOCKADDR_LL, "sll_family"), (short) Libc.AF_PACKET);
            address.set(ValueLayout.JAVA_SHORT, offset(SOCKADDR_LL, "sll_protocol"), Libc.htons(protocol));
            address.set(ValueLayout.JAVA_INT, offset(SOCKADDR_LL, "sll_ifindex"), ifindex);
            return Libc.bind(errno, fd, address, (int) SOCKADDR_LL.byteSize()) < 0 ? Libc.errno(errno) : 0;
        }
    }

    /** Sets the SOL_PACKET option {@code option} of socket {@code fd} to {@code value}; {@code what} names it. */
    public static void setOption(int fd, int option, int value, String what) throws ConfigurationException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.newErrno(arena);
            MemorySegment word = arena.allocate(ValueLayout.JAVA_INT);
            word.set(ValueLayout.JAVA_INT, 0, value);
            if (Libc.setsockopt(errno, fd, Libc.SOL_PACKET, option, word, 4) < 0) {
                throw failure(what, Libc.errno(errno));
            }
        }
    }

    /**
     * Asks the kernel for the ring {@code request} describes ({@code option} PACKET_RX_RING or PACKET_TX_RING) and
     * maps its {@code bytes} into this process; {@code what} names the ring in errors. Unmap it with munmap.
     */
    public static MemorySegment mapRing(int fd, int option, MemorySegment request, long bytes, String what)
            throws ConfigurationException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.newErrno(arena);
            if (Libc.setsockopt(errno, fd, Libc.SOL_PACKET, option, request, (int) request.byteSize()) < 0) {
                throw failure(what, Libc.errno(errno));
            }
            long address = Libc.mmap(errno, 0, bytes, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
            if (address == -1) {
                throw failure(what + ": mmap", Libc.errno(errno));
            }
            return MemorySegment.ofAddress(address).reinterpret(bytes);
        }
    }

    /**
     * The MTU of {@code device}, asked through any socket {@code fd} of its namespace; a failure is reported as
     * such (it should not happen on a socket just bound to the device).
     */
    public static int mtu(int fd, String device) throws ConfigurationException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.newErrno(arena);
            MemorySegment request = arena.allocate(Libc.IFREQ);
            request.setString(0, device, java.nio.charset.StandardCharsets.US_ASCII);
            if (Libc.ioctl(errno, fd, Libc.SIOCGIFMTU, request) < 0) {
                throw failure("cannot read the MTU of '" + device + "'", Libc.errno(errno));
            }
            return request.get(ValueLayout.JAVA_INT, offset(Libc.IFREQ, "ifr_ifru"));
        }
    }

    /** Closes the socket; errors are ignored (there is nothing left to do about them). */
    public void close() {
        try (Arena arena = Arena.ofConfined()) {
            Libc.close(Libc.newErrno(arena), fd);
        }
    }

    /** A ConfigurationException for a failed call, with a hint when the cause is missing privileges. */
    public static ConfigurationException failure(String what, int errno) {
        String message = what + ": " + Libc.strerror(errno);
        if (errno == Libc.EPERM || errno == Libc.EACCES) {
            message += " (packet sockets need root or CAP_NET_RAW)";
        }
        return new ConfigurationException(message);
    }

    private static int lookup(String device, String netns, Arena arena) throws ConfigurationException {
        if (device.isEmpty() || device.length() >= Libc.IFNAMSIZ || device.indexOf('/') >= 0) {
            throw new ConfigurationException("bad interface name '" + device + "'");
        }
        int index = Libc.ifNameToIndex(Libc.newErrno(arena), arena, device);
        if (index == 0) {
            throw new ConfigurationException("no such interface '" + device + "'"
                    + (netns == null ? "" : " in network namespace '" + netns + "'"));
        }
        return index;
    }
}
