package dev.junction.linuxio.sys;

import dev.junction.element.ConfigurationException;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static dev.junction.linuxio.sys.Libc.IFREQ;
import static dev.junction.linuxio.sys.Libc.RTENTRY;
import static dev.junction.linuxio.sys.Libc.offset;

/**
 * A Linux TUN or TAP device from the universal driver ({@code /dev/net/tun}, IFF_NO_PI: every read and write
 * is exactly one frame, an Ethernet frame for TAP, an IP packet for TUN), opened non-blocking inside a named
 * network namespace when one is given, and set up the way Click's KernelTun does with ifconfig: the kernel's
 * address and mask, the Ethernet address, the MTU, the link up (with ARP for TAP when an address is given), and a
 * default route through a gateway. The device lives as long as its descriptor: closing it removes the device
 * and its routes (unless it was made persistent outside, with {@code ip tuntap add}).
 */
public final class TunTap {
    /** What to set on the device; null or 0 fields are left as they are (and so is everything, for null Settings). */
    public record Settings(IPv4Prefix address, int gateway, long ether, int mtu) {
        public static final long NO_ETHER = -1;
    }

    private final int fd;
    private final String name;
    private final boolean tap;
    /** The device's MTU as last read back from the kernel. */
    private volatile int mtu;

    private TunTap(int fd, String name, boolean tap) {
        this.fd = fd;
        this.name = name;
        this.tap = tap;
    }

    /** The non-blocking descriptor frames are read from and written to. */
    public int fd() {
        return fd;
    }

    /** The device's name (the kernel's choice when none was asked for). */
    public String name() {
        return name;
    }

    public boolean isTap() {
        return tap;
    }

    /** The device's MTU, as the kernel reported it after the last settings were applied. */
    public int mtu() {
        return mtu;
    }

    /**
     * Opens (creating it if needed) the device {@code requestedName}, or a new {@code tapN}/{@code tunN} when it
     * is null, in {@code netns}, and applies {@code settings}. Every failure is a ConfigurationException that
     * names the device and the cause.
     */
    public static TunTap open(String requestedName, boolean tap, String netns, Settings settings)
            throws ConfigurationException {
        if (requestedName != null && (requestedName.isEmpty() || requestedName.length() >= Libc.IFNAMSIZ
                || requestedName.indexOf('/') >= 0 || requestedName.indexOf(' ') >= 0)) {
            throw new ConfigurationException("bad interface name '" + requestedName + "'");
        }
        String kind = tap ? "TAP" : "TUN";
        try (NetworkNamespace ignored = NetworkNamespace.enter(netns); Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.newErrno(arena);
            int fd = Libc.open(errno, arena, "/dev/net/tun", Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (fd < 0) {
                int error = Libc.errno(errno);
                throw new ConfigurationException("cannot open /dev/net/tun: " + Libc.strerror(error)
                        + (error == Libc.ENOENT || error == Libc.ENXIO
                                ? " (the kernel needs the tun module: modprobe tun)"
                                : error == Libc.EPERM || error == Libc.EACCES ? " (needs root or CAP_NET_ADMIN)" : ""));
            }
            try {
                MemorySegment request = arena.allocate(IFREQ);
                if (requestedName != null) {
                    setName(request, requestedName);
                }
                request.set(ValueLayout.JAVA_SHORT, offset(IFREQ, "ifr_ifru"),
                        (short) ((tap ? Libc.IFF_TAP : Libc.IFF_TUN) | Libc.IFF_NO_PI));
                if (Libc.ioctl(errno, fd, Libc.TUNSETIFF, request) < 0) {
                    int error = Libc.errno(errno);
                    String what = requestedName == null ? "a " + kind + " device" : kind + " device '" + requestedName + "'";
                    throw new ConfigurationException("cannot create " + what + ": " + Libc.strerror(error)
                            + (error == Libc.EBUSY ? " (another program has it open)"
                                    : error == Libc.EINVAL ? " (an interface of another kind has that name)"
                                    : error == Libc.EPERM ? " (needs root or CAP_NET_ADMIN)" : ""));
                }
                String name = request.getString(0, StandardCharsets.US_ASCII);
                TunTap device = new TunTap(fd, name, tap);
                device.apply(settings, arena, errno);
                return device;
            } catch (ConfigurationException | RuntimeException e) {
                Libc.close(errno, fd);
                throw e;
            }
        }
    }

    /** Applies {@code settings} again (a successor in a hot swap may have changed them). */
    public void reapply(String netns, Settings settings) throws ConfigurationException {
        try (NetworkNamespace ignored = NetworkNamespace.enter(netns); Arena arena = Arena.ofConfined()) {
            apply(settings, arena, Libc.newErrno(arena));
        }
    }

    private void apply(Settings settings, Arena arena, MemorySegment errno) throws ConfigurationException {
        int socket = Libc.socket(errno, Libc.AF_INET, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        if (socket < 0) {
            throw failure("cannot open a socket to set it up", Libc.errno(errno));
        }
        try {
            MemorySegment request = arena.allocate(IFREQ);
            long union = offset(IFREQ, "ifr_ifru");
            if (settings != null && tap && settings.ether() != Settings.NO_ETHER) {
                clear(request);
                request.set(ValueLayout.JAVA_SHORT, union, Libc.ARPHRD_ETHER);
                for (int i = 0; i < 6; i++) {
                    request.set(ValueLayout.JAVA_BYTE, union + 2 + i, (byte) (settings.ether() >>> (40 - 8 * i)));
                }
                ioctl(socket, Libc.SIOCSIFHWADDR, request, errno, "cannot set its Ethernet address");
            }
            if (settings != null && settings.mtu() > 0) {
                clear(request);
                request.set(ValueLayout.JAVA_INT, union, settings.mtu());
                ioctl(socket, Libc.SIOCSIFMTU, request, errno, "cannot set its MTU to " + settings.mtu());
            }
            if (settings == null) {
                mtu = PacketSocket.mtu(socket, name);
                return;
            }
            IPv4Prefix address = settings.address();
            if (address != null) {
                clear(request);
                setInet(request, union, address.address());
                ioctl(socket, Libc.SIOCSIFADDR, request, errno, "cannot set its address " + IPv4.format(address.address()));
                clear(request);
                setInet(request, union, address.mask());
                ioctl(socket, Libc.SIOCSIFNETMASK, request, errno, "cannot set its netmask " + IPv4.format(address.mask()));
                clear(request);
                ioctl(socket, Libc.SIOCGIFFLAGS, request, errno, "cannot read its flags");
                short flags = request.get(ValueLayout.JAVA_SHORT, union);
                flags |= Libc.IFF_UP;
                if (tap) {
                    flags &= (short) ~Libc.IFF_NOARP;
                }
                request.set(ValueLayout.JAVA_SHORT, union, flags);
                ioctl(socket, Libc.SIOCSIFFLAGS, request, errno, "cannot bring it up");
            }
            if (settings.gateway() != 0) {
                MemorySegment route = arena.allocate(RTENTRY);
                setInet(route, offset(RTENTRY, "rt_dst"), 0);
                setInet(route, offset(RTENTRY, "rt_gateway"), settings.gateway());
                setInet(route, offset(RTENTRY, "rt_genmask"), 0);
                route.set(ValueLayout.JAVA_SHORT, offset(RTENTRY, "rt_flags"),
                        (short) (Libc.RTF_UP | Libc.RTF_GATEWAY));
                // EEXIST: the route is there already (the device is shared, or a hot swap re-applied settings).
                if (Libc.ioctl(errno, socket, Libc.SIOCADDRT, route) < 0 && Libc.errno(errno) != Libc.EEXIST) {
                    throw failure("cannot add a default route through " + IPv4.format(settings.gateway()),
                            Libc.errno(errno));
                }
            }
            mtu = PacketSocket.mtu(socket, name);
        } finally {
            Libc.close(errno, socket);
        }
    }


    private void ioctl(int socket, long request, MemorySegment ifreq, MemorySegment errno, String what)
            throws ConfigurationException {
        setName(ifreq, name);
        if (Libc.ioctl(errno, socket, request, ifreq) < 0) {
            throw failure(what, Libc.errno(errno));
        }
    }

    private ConfigurationException failure(String what, int error) {
        return new ConfigurationException((tap ? "TAP" : "TUN") + " device '" + name + "': " + what + ": "
                + Libc.strerror(error) + (error == Libc.EPERM ? " (needs root or CAP_NET_ADMIN)" : ""));
    }

    private static void clear(MemorySegment request) {
        request.fill((byte) 0);
    }

    private static void setName(MemorySegment request, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(bytes, 0, request, ValueLayout.JAVA_BYTE, 0, bytes.length);
        request.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
    }

    /** A {@code struct sockaddr_in} for {@code address} (most significant byte first) at {@code at}. */
    private static void setInet(MemorySegment memory, long at, int address) {
        memory.set(ValueLayout.JAVA_SHORT, at, (short) Libc.AF_INET);
        memory.set(ValueLayout.JAVA_SHORT, at + 2, (short) 0);
        for (int i = 0; i < 4; i++) {
            memory.set(ValueLayout.JAVA_BYTE, at + 4 + i, (byte) (address >>> (24 - 8 * i)));
        }
    }

    /** Closes the descriptor; a device that is not persistent disappears with it, routes included. */
    public void close() {
        try (Arena arena = Arena.ofConfined()) {
            Libc.close(Libc.newErrno(arena), fd);
        }
    }
}
