package dev.junction.linuxio.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The Linux C library calls the device elements need, bound through the FFM API (no JNI). Every call that can
 * fail takes an errno segment from {@link #newErrno(Arena)} as its first argument: the linker stores the call's
 * {@code errno} there ({@code captureCallState}), so that one allocated at set-up time serves every later call
 * without allocating. Calls on the packet path ({@link #sendto}, {@link #poll}) take raw addresses as
 * {@code long}s so that nothing is allocated per packet either.
 *
 * <p>Constants are those of Linux on 64-bit x86 and ARM (the generic ABI); the struct layouts below are
 * {@link MemoryLayout}s of the kernel's UAPI structs.
 */
public final class Libc {
    // ---------------------------------------------------------------- constants
    public static final int AF_PACKET = 17;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int ETH_P_ALL = 0x0003;
    public static final int SOL_PACKET = 263;
    public static final int SOL_SOCKET = 1;
    public static final int SO_ERROR = 4;
    public static final int PACKET_ADD_MEMBERSHIP = 1;
    public static final int PACKET_RX_RING = 5;
    public static final int PACKET_STATISTICS = 6;
    public static final int PACKET_VERSION = 10;
    public static final int PACKET_MR_PROMISC = 1;
    public static final int TPACKET_V3 = 2;
    public static final int PACKET_OUTGOING = 4;
    public static final int TP_STATUS_KERNEL = 0;
    public static final int TP_STATUS_USER = 1;
    public static final int TP_STATUS_VLAN_VALID = 0x10;
    public static final int TP_STATUS_CSUMNOTREADY = 0x8;
    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int MAP_SHARED = 1;
    public static final int POLLIN = 1;
    public static final int POLLERR = 8;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final long SIOCGIFMTU = 0x8921;
    public static final int IFNAMSIZ = 16;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EPERM = 1;
    public static final int EACCES = 13;
    public static final int ENOENT = 2;
    public static final int EIO = 5;
    public static final int EBUSY = 16;
    public static final int ENETDOWN = 100;
    public static final int ENOBUFS = 105;
    public static final int ENXIO = 6;
    public static final int EINVAL = 22;
    public static final int EEXIST = 17;
    // TX ring (TPACKET_V2)
    public static final int PACKET_TX_RING = 13;
    public static final int PACKET_LOSS = 14;
    public static final int TPACKET_V2 = 1;
    public static final int TP_STATUS_AVAILABLE = 0;
    public static final int TP_STATUS_SEND_REQUEST = 1;
    public static final int PACKET_FANOUT = 18;
    public static final int PACKET_FANOUT_HASH = 0;
    public static final int PACKET_FANOUT_FLAG_DEFRAG = 0x8000;
    // TUN/TAP and interface set-up
    public static final int O_RDWR = 2;
    public static final int O_NONBLOCK = 0x800;
    public static final long TUNSETIFF = 0x400454caL;
    public static final short IFF_TUN = 0x0001;
    public static final short IFF_TAP = 0x0002;
    public static final short IFF_NO_PI = 0x1000;
    public static final int AF_INET = 2;
    public static final int SOCK_DGRAM = 2;
    public static final long SIOCGIFFLAGS = 0x8913;
    public static final long SIOCSIFFLAGS = 0x8914;
    public static final long SIOCSIFADDR = 0x8916;
    public static final long SIOCSIFNETMASK = 0x891c;
    public static final long SIOCSIFMTU = 0x8922;
    public static final long SIOCSIFHWADDR = 0x8924;
    public static final long SIOCADDRT = 0x890B;
    public static final short IFF_UP = 0x1;
    public static final short IFF_NOARP = 0x80;
    public static final short ARPHRD_ETHER = 1;
    public static final short RTF_UP = 0x1;
    public static final short RTF_GATEWAY = 0x2;

    // ---------------------------------------------------------------- struct layouts

    /** {@code struct sockaddr_ll}. */
    public static final StructLayout SOCKADDR_LL = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sll_family"),
            JAVA_SHORT.withName("sll_protocol"),
            JAVA_INT.withName("sll_ifindex"),
            JAVA_SHORT.withName("sll_hatype"),
            JAVA_BYTE.withName("sll_pkttype"),
            JAVA_BYTE.withName("sll_halen"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sll_addr"));

    /** {@code struct tpacket_req3}. */
    public static final StructLayout TPACKET_REQ3 = MemoryLayout.structLayout(
            JAVA_INT.withName("tp_block_size"),
            JAVA_INT.withName("tp_block_nr"),
            JAVA_INT.withName("tp_frame_size"),
            JAVA_INT.withName("tp_frame_nr"),
            JAVA_INT.withName("tp_retire_blk_tov"),
            JAVA_INT.withName("tp_sizeof_priv"),
            JAVA_INT.withName("tp_feature_req_word"));

    /** {@code struct packet_mreq}. */
    public static final StructLayout PACKET_MREQ = MemoryLayout.structLayout(
            JAVA_INT.withName("mr_ifindex"),
            JAVA_SHORT.withName("mr_type"),
            JAVA_SHORT.withName("mr_alen"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("mr_address"));

    /** {@code struct tpacket_stats_v3}. */
    public static final StructLayout TPACKET_STATS_V3 = MemoryLayout.structLayout(
            JAVA_INT.withName("tp_packets"),
            JAVA_INT.withName("tp_drops"),
            JAVA_INT.withName("tp_freeze_q_cnt"));

    /** {@code struct pollfd}. */
    public static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"),
            JAVA_SHORT.withName("events"),
            JAVA_SHORT.withName("revents"));

    /** {@code struct tpacket_block_desc} with its {@code tpacket_hdr_v1} (the fields the reader uses). */
    public static final StructLayout TPACKET_BLOCK_DESC = MemoryLayout.structLayout(
            JAVA_INT.withName("version"),
            JAVA_INT.withName("offset_to_priv"),
            JAVA_INT.withName("block_status"),
            JAVA_INT.withName("num_pkts"),
            JAVA_INT.withName("offset_to_first_pkt"),
            JAVA_INT.withName("blk_len"),
            JAVA_LONG.withName("seq_num"));

    /** {@code struct tpacket3_hdr} (48 bytes, TPACKET_ALIGNed), followed in each frame by a sockaddr_ll. */
    public static final StructLayout TPACKET3_HDR = MemoryLayout.structLayout(
            JAVA_INT.withName("tp_next_offset"),
            JAVA_INT.withName("tp_sec"),
            JAVA_INT.withName("tp_nsec"),
            JAVA_INT.withName("tp_snaplen"),
            JAVA_INT.withName("tp_len"),
            JAVA_INT.withName("tp_status"),
            JAVA_SHORT.withName("tp_mac"),
            JAVA_SHORT.withName("tp_net"),
            JAVA_INT.withName("tp_rxhash"),
            JAVA_INT.withName("tp_vlan_tci"),
            JAVA_SHORT.withName("tp_vlan_tpid"),
            JAVA_SHORT.withName("tp_padding"),
            MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("tp_padding2"));

    /** {@code struct tpacket_req}: the TPACKET_V2 ring request. */
    public static final StructLayout TPACKET_REQ = MemoryLayout.structLayout(
            JAVA_INT.withName("tp_block_size"),
            JAVA_INT.withName("tp_block_nr"),
            JAVA_INT.withName("tp_frame_size"),
            JAVA_INT.withName("tp_frame_nr"));

    /** {@code struct tpacket2_hdr} (32 bytes, TPACKET_ALIGNed); a TX frame's data follows it directly. */
    public static final StructLayout TPACKET2_HDR = MemoryLayout.structLayout(
            JAVA_INT.withName("tp_status"),
            JAVA_INT.withName("tp_len"),
            JAVA_INT.withName("tp_snaplen"),
            JAVA_SHORT.withName("tp_mac"),
            JAVA_SHORT.withName("tp_net"),
            JAVA_INT.withName("tp_sec"),
            JAVA_INT.withName("tp_nsec"),
            JAVA_SHORT.withName("tp_vlan_tci"),
            JAVA_SHORT.withName("tp_vlan_tpid"),
            MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("tp_padding"));

    /**
     * {@code struct ifreq} in general: the name, then a 24-byte union. The union holds a flags short, an int (MTU),
     * or a {@code struct sockaddr} (family, then 14 bytes: for AF_INET a port and the address; for ARPHRD_ETHER
     * the MAC address).
     */
    public static final StructLayout IFREQ = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(IFNAMSIZ, JAVA_BYTE).withName("ifr_name"),
            JAVA_SHORT.withName("ifr_ifru"),
            MemoryLayout.sequenceLayout(22, JAVA_BYTE).withName("ifr_ifru_rest"));

    /** {@code struct rtentry} of 64-bit Linux, as SIOCADDRT takes it (the fields a default route needs). */
    public static final StructLayout RTENTRY = MemoryLayout.structLayout(
            JAVA_LONG.withName("rt_pad1"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("rt_dst"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("rt_gateway"),
            MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("rt_genmask"),
            JAVA_SHORT.withName("rt_flags"),
            MemoryLayout.paddingLayout(62));

    public static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    // ---------------------------------------------------------------- binding

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = bind("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = bind("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle MMAP = bind("mmap",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = bind("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle POLL = bind("poll", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle SENDTO = bind("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));
    // The packet path's calls without errno capture: the linker slices the capture segment on every call, which
    // allocates (40 bytes a call, measured). Callers that need the errno of a failure repeat the call with the
    // capturing handle, which the kernel answers the same way.
    private static final MethodHandle SENDTO_PLAIN = plain("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle READ_PLAIN = plain("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle WRITE_PLAIN = plain("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle READ = bind("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle WRITE = bind("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle SYSCALL3 = LINKER.downcallHandle(LIBC.find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPTION,
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle IF_NAMETOINDEX = bind("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle IOCTL = LINKER.downcallHandle(LIBC.find("ioctl").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), ERRNO_OPTION, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle OPEN = bind("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETNS = bind("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LIBC.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("C library function " + name + " not found"));
        return LINKER.downcallHandle(symbol, descriptor, ERRNO_OPTION);
    }

    private static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LIBC.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("C library function " + name + " not found"));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /** A segment that receives the errno of the calls given it. */
    public static MemorySegment newErrno(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** The errno the last call given {@code state} left. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** The C library's message for {@code errno}, for example "Operation not permitted". */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    /** A runtime failure of a system call, thrown only at set-up time. */
    public static final class SysException extends Exception {
        private final int errno;

        public SysException(String call, int errno) {
            super(call + ": " + strerror(errno));
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /** Throws a SysException for {@code call} when {@code result} is negative. */
    public static int check(String call, int result, MemorySegment errno) throws SysException {
        if (result < 0) {
            throw new SysException(call, errno(errno));
        }
        return result;
    }

    // ---------------------------------------------------------------- calls (return the C result; errno in state)

    public static int socket(MemorySegment errno, int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(errno, domain, type, protocol);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int bind(MemorySegment errno, int fd, MemorySegment address, int length) {
        try {
            return (int) BIND.invokeExact(errno, fd, address, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int setsockopt(MemorySegment errno, int fd, int level, int name, MemorySegment value, int length) {
        try {
            return (int) SETSOCKOPT.invokeExact(errno, fd, level, name, value, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int getsockopt(MemorySegment errno, int fd, int level, int name, MemorySegment value,
            MemorySegment length) {
        try {
            return (int) GETSOCKOPT.invokeExact(errno, fd, level, name, value, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** mmap; returns the address, or -1 (MAP_FAILED). */
    public static long mmap(MemorySegment errno, long address, long length, int prot, int flags, int fd, long offset) {
        try {
            return (long) MMAP.invokeExact(errno, address, length, prot, flags, fd, offset);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int munmap(MemorySegment errno, long address, long length) {
        try {
            return (int) MUNMAP.invokeExact(errno, address, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** poll over {@code count} pollfd structs at address {@code fds}. */
    public static int poll(MemorySegment errno, long fds, long count, int timeoutMillis) {
        try {
            return (int) POLL.invokeExact(errno, fds, count, timeoutMillis);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** sendto with raw addresses (0 for no destination address). */
    public static long sendto(MemorySegment errno, int fd, long buffer, long length, int flags, long address,
            int addressLength) {
        try {
            return (long) SENDTO.invokeExact(errno, fd, buffer, length, flags, address, addressLength);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** sendto without errno (nothing allocated); -1 on failure. */
    public static long sendto(int fd, long buffer, long length, int flags, long address, int addressLength) {
        try {
            return (long) SENDTO_PLAIN.invokeExact(fd, buffer, length, flags, address, addressLength);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** read without errno (nothing allocated); -1 on failure. */
    public static long read(int fd, long buffer, long length) {
        try {
            return (long) READ_PLAIN.invokeExact(fd, buffer, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** write without errno (nothing allocated); -1 on failure. */
    public static long write(int fd, long buffer, long length) {
        try {
            return (long) WRITE_PLAIN.invokeExact(fd, buffer, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** read into raw memory; returns the byte count, 0 at end, or -1. */
    public static long read(MemorySegment errno, int fd, long buffer, long length) {
        try {
            return (long) READ.invokeExact(errno, fd, buffer, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** write from raw memory; returns the byte count or -1. */
    public static long write(MemorySegment errno, int fd, long buffer, long length) {
        try {
            return (long) WRITE.invokeExact(errno, fd, buffer, length);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** {@code syscall(number, int, pointer, int)}, for system calls the C library has no wrapper for (bpf). */
    public static long syscall(MemorySegment errno, long number, int first, MemorySegment second, int third) {
        try {
            return (long) SYSCALL3.invokeExact(errno, number, first, second, third);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int close(MemorySegment errno, int fd) {
        try {
            return (int) CLOSE.invokeExact(errno, fd);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The index of interface {@code name}, or 0 (errno set) if there is none. */
    public static int ifNameToIndex(MemorySegment errno, Arena arena, String name) {
        try {
            return (int) IF_NAMETOINDEX.invokeExact(errno, arena.allocateFrom(name));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int ioctl(MemorySegment errno, int fd, long request, MemorySegment argument) {
        try {
            return (int) IOCTL.invokeExact(errno, fd, request, argument);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int open(MemorySegment errno, Arena arena, String path, int flags) {
        try {
            return (int) OPEN.invokeExact(errno, arena.allocateFrom(path), flags);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int setns(MemorySegment errno, int fd, int type) {
        try {
            return (int) SETNS.invokeExact(errno, fd, type);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Network byte order of a 16-bit value, as htons does on a little-endian machine. */
    public static short htons(int value) {
        return java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN
                ? Short.reverseBytes((short) value) : (short) value;
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
