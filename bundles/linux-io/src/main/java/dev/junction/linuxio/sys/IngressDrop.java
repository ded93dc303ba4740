package dev.junction.linuxio.sys;

import dev.junction.element.ConfigurationException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A traffic-control filter that drops every frame arriving on an interface before the Linux stack sees it, while
 * packet sockets still do: the kernel hands a received frame to the packet sockets of all protocols before it runs
 * the ingress filters of the {@code clsact} qdisc, and only then to the protocols. That is FromDevice's
 * {@code SNIFFER false}: the router takes the interface's frames and the host's stack does not answer them too.
 * The filter is a BPF classifier in direct-action mode whose program is two instructions, "return TC_ACT_SHOT"
 * (the bpf classifier is the one kernels build in most often; matchall and the gact action may be missing, as on
 * this project's machines). Set up with the bpf system call and rtnetlink (what {@code tc qdisc add dev D clsact}
 * and {@code tc filter add dev D ingress prio P bpf da obj ...} do), inside the interface's namespace. Removal takes the filter away, and the
 * qdisc too if it was made here. The elements of one interface share its filter by reference count (the receive
 * queues of one interface, a successor in a hot swap): the first installs it, the last removes it.
 */
public final class IngressDrop {
    private static final int AF_NETLINK = 16;
    private static final int NETLINK_ROUTE = 0;
    private static final short RTM_NEWQDISC = 36;
    private static final short RTM_DELQDISC = 37;
    private static final short RTM_NEWTFILTER = 44;
    private static final short RTM_DELTFILTER = 45;
    private static final short NLMSG_ERROR = 2;
    private static final short NLM_F_REQUEST = 0x1;
    private static final short NLM_F_ACK = 0x4;
    private static final short NLM_F_EXCL = 0x200;
    private static final short NLM_F_CREATE = 0x400;
    private static final int TC_H_CLSACT = 0xFFFFFFF1;
    private static final int TC_H_INGRESS_PARENT = 0xFFFFFFF2;
    private static final short TCA_KIND = 1;
    private static final short TCA_OPTIONS = 2;
    private static final short TCA_BPF_FD = 6;
    private static final short TCA_BPF_NAME = 7;
    private static final short TCA_BPF_FLAGS = 8;
    private static final int TCA_BPF_FLAG_ACT_DIRECT = 1;
    private static final short NLA_F_NESTED = (short) 0x8000;
    private static final long SYS_BPF = 321;
    private static final int BPF_PROG_LOAD = 5;
    private static final int BPF_PROG_TYPE_SCHED_CLS = 3;
    /** {@code r0 = 2 (TC_ACT_SHOT); exit}: BPF_ALU64|BPF_MOV|BPF_K to r0, then BPF_JMP|BPF_EXIT. */
    private static final long[] DROP_PROGRAM = {0x0000_0002_0000_00B7L, 0x0000_0000_0000_0095L};
    /** The filter's priority: one a person is unlikely to use by hand. */
    private static final int PRIORITY = 0xC1C;
    private static final int EEXIST = 17;

    private static final java.util.Map<String, IngressDrop> INSTALLED = new java.util.HashMap<>();

    private final String device;
    private final String netns;
    private final int ifindex;
    private final boolean ownQdisc;
    private int references = 1;

    private IngressDrop(String device, String netns, int ifindex, boolean ownQdisc) {
        this.device = device;
        this.netns = netns;
        this.ifindex = ifindex;
        this.ownQdisc = ownQdisc;
    }

    /** The drop filter on {@code device} (index {@code ifindex}) of {@code netns}, installed if not there yet. */
    public static synchronized IngressDrop acquire(String device, String netns, int ifindex)
            throws ConfigurationException {
        String key = netns + "\n" + device;
        IngressDrop installed = INSTALLED.get(key);
        if (installed != null && installed.ifindex == ifindex) {
            installed.references++;
            return installed;
        }
        installed = install(device, netns, ifindex);
        INSTALLED.put(key, installed);
        return installed;
    }

    /** Gives back one reference; the last one removes the filter. */
    public void release() {
        synchronized (IngressDrop.class) {
            if (--references > 0) {
                return;
            }
            INSTALLED.remove(netns + "\n" + device, this);
        }
        remove();
    }

    private static IngressDrop install(String device, String netns, int ifindex) throws ConfigurationException {
        try (NetworkNamespace ignored = NetworkNamespace.enter(netns); Arena arena = Arena.ofConfined()) {
            Channel channel = new Channel(arena, device);
            try {
                int qdisc = channel.request(RTM_NEWQDISC, (short) (NLM_F_CREATE | NLM_F_EXCL), ifindex, 0xFFFF0000,
                        TC_H_CLSACT, 0, message -> message.string(TCA_KIND, "clsact"));
                if (qdisc != 0 && qdisc != EEXIST) {
                    throw channel.failure("cannot add a clsact qdisc", qdisc);
                }
                int program = loadDropProgram(arena, device);
                int filter;
                try {
                    filter = channel.request(RTM_NEWTFILTER, (short) (NLM_F_CREATE | NLM_F_EXCL), ifindex, 0,
                            TC_H_INGRESS_PARENT, (PRIORITY << 16) | Short.toUnsignedInt(Libc.htons(Libc.ETH_P_ALL)),
                            message -> bpfDrop(message, program));
                } finally {
                    // The filter holds its own reference to the program.
                    Libc.close(Libc.newErrno(arena), program);
                }
                if (filter == EEXIST) {
                    throw channel.failure("an ingress filter of priority " + PRIORITY + " is there already (another"
                            + " program's, or a router's that did not clean up: tc filter del dev " + device
                            + " ingress prio " + PRIORITY + ")", filter);
                }
                if (filter != 0) {
                    if (qdisc == 0) {
                        channel.request(RTM_DELQDISC, (short) 0, ifindex, 0xFFFF0000, TC_H_CLSACT, 0,
                                message -> { });
                    }
                    throw channel.failure("cannot add the ingress filter that hides its frames from the kernel",
                            filter);
                }
                return new IngressDrop(device, netns, ifindex, qdisc == 0);
            } finally {
                channel.close();
            }
        }
    }

    /** Removes the filter (and the qdisc if it was made here); failures are ignored, nothing is left to do. */
    private void remove() {
        try (NetworkNamespace ignored = NetworkNamespace.enter(netns); Arena arena = Arena.ofConfined()) {
            Channel channel = new Channel(arena, device);
            try {
                if (ownQdisc) {
                    channel.request(RTM_DELQDISC, (short) 0, ifindex, 0xFFFF0000, TC_H_CLSACT, 0, message -> { });
                } else {
                    channel.request(RTM_DELTFILTER, (short) 0, ifindex, 0, TC_H_INGRESS_PARENT,
                            (PRIORITY << 16) | Short.toUnsignedInt(Libc.htons(Libc.ETH_P_ALL)), message -> { });
                }
            } finally {
                channel.close();
            }
        } catch (ConfigurationException | RuntimeException e) {
            // The namespace or the interface is gone, and the filter with it.
        }
    }

    /** Loads the two-instruction program; returns its descriptor. */
    private static int loadDropProgram(Arena arena, String device) throws ConfigurationException {
        MemorySegment errno = Libc.newErrno(arena);
        MemorySegment instructions = arena.allocate(8L * DROP_PROGRAM.length, 8);
        for (int i = 0; i < DROP_PROGRAM.length; i++) {
            instructions.set(ValueLayout.JAVA_LONG, 8L * i, DROP_PROGRAM[i]);
        }
        MemorySegment license = arena.allocateFrom("GPL");
        // union bpf_attr for BPF_PROG_LOAD: prog_type, insn_cnt, insns, license; the rest zero.
        MemorySegment attr = arena.allocate(128, 8);
        attr.set(ValueLayout.JAVA_INT, 0, BPF_PROG_TYPE_SCHED_CLS);
        attr.set(ValueLayout.JAVA_INT, 4, DROP_PROGRAM.length);
        attr.set(ValueLayout.JAVA_LONG, 8, instructions.address());
        attr.set(ValueLayout.JAVA_LONG, 16, license.address());
        long fd = Libc.syscall(errno, SYS_BPF, BPF_PROG_LOAD, attr, (int) attr.byteSize());
        if (fd < 0) {
            int error = Libc.errno(errno);
            throw new ConfigurationException("'" + device + "': cannot load the BPF program that hides its frames"
                    + " from the kernel: " + Libc.strerror(error)
                    + (error == Libc.EPERM ? " (needs root, or CAP_BPF and CAP_NET_ADMIN)" : ""));
        }
        return (int) fd;
    }

    /** TCA_KIND "bpf", TCA_OPTIONS { TCA_BPF_FD, TCA_BPF_NAME, TCA_BPF_FLAGS direct-action }. */
    private static void bpfDrop(Message message, int program) {
        message.string(TCA_KIND, "bpf");
        int options = message.begin(TCA_OPTIONS);
        message.ints(TCA_BPF_FD, program);
        message.string(TCA_BPF_NAME, "junction-sniffer-false");
        message.ints(TCA_BPF_FLAGS, TCA_BPF_FLAG_ACT_DIRECT);
        message.end(options);
    }

    /** Builds one netlink message: header, tcmsg, then attributes (nested ones with begin/end). */
    private static final class Message {
        private final MemorySegment buffer;
        private int length;

        Message(MemorySegment buffer) {
            this.buffer = buffer;
        }

        private void putShort(int at, int value) {
            buffer.set(ValueLayout.JAVA_SHORT, at, (short) value);
        }

        private void putInt(int at, int value) {
            buffer.set(ValueLayout.JAVA_INT, at, value);
        }

        void header(short type, short flags, int sequence, int ifindex, int handle, int parent, int info) {
            buffer.fill((byte) 0);
            putShort(4, type);
            putShort(6, flags | NLM_F_REQUEST | NLM_F_ACK);
            putInt(8, sequence);
            // struct tcmsg after the 16-byte nlmsghdr: family, pads, ifindex, handle, parent, info.
            buffer.set(ValueLayout.JAVA_BYTE, 16, (byte) 0);
            putInt(20, ifindex);
            putInt(24, handle);
            putInt(28, parent);
            putInt(32, info);
            length = 36;
        }

        int begin(short type) {
            int at = length;
            putShort(at + 2, type | NLA_F_NESTED);
            length += 4;
            return at;
        }

        void end(int at) {
            putShort(at, length - at);
        }

        void string(short type, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            int size = 4 + bytes.length + 1;
            putShort(length, size);
            putShort(length + 2, type);
            MemorySegment.copy(bytes, 0, buffer, ValueLayout.JAVA_BYTE, length + 4, bytes.length);
            length += align(size);
        }

        void ints(short type, int... values) {
            int size = 4 + 4 * values.length;
            putShort(length, size);
            putShort(length + 2, type);
            for (int i = 0; i < values.length; i++) {
                putInt(length + 4 + 4 * i, values[i]);
            }
            length += align(size);
        }

        int finish() {
            putInt(0, length);
            return length;
        }

        private static int align(int size) {
            return (size + 3) & ~3;
        }
    }

    /** An rtnetlink socket of the current namespace: one request at a time, each answered by an ACK or error. */
    private static final class Channel {
        private final MemorySegment errno;
        private final MemorySegment buffer;
        private final MemorySegment reply;
        private final String device;
        private final int fd;
        private int sequence;

        Channel(Arena arena, String device) throws ConfigurationException {
            if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
                throw new ConfigurationException("SNIFFER false: netlink messages are built for little-endian"
                        + " machines only");
            }
            this.device = device;
            errno = Libc.newErrno(arena);
            buffer = arena.allocate(512, 8);
            reply = arena.allocate(4096, 8);
            fd = Libc.socket(errno, AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, NETLINK_ROUTE);
            if (fd < 0) {
                throw failure("cannot open a netlink socket", Libc.errno(errno));
            }
        }

        interface Attributes {
            void add(Message message);
        }

        /** Sends one request; returns 0 for success or the errno the kernel answered. */
        int request(short type, short flags, int ifindex, int handle, int parent, int info, Attributes attributes)
                throws ConfigurationException {
            Message message = new Message(buffer);
            message.header(type, flags, ++sequence, ifindex, handle, parent, info);
            attributes.add(message);
            int length = message.finish();
            if (Libc.sendto(errno, fd, buffer.address(), length, 0, 0, 0) != length) {
                throw failure("cannot talk to the kernel over netlink", Libc.errno(errno));
            }
            long read = Libc.read(errno, fd, reply.address(), reply.byteSize());
            if (read < 20 || reply.get(ValueLayout.JAVA_SHORT, 4) != NLMSG_ERROR) {
                throw failure("unexpected netlink answer", read < 0 ? Libc.errno(errno) : Libc.EIO);
            }
            // struct nlmsgerr: a negative errno, or 0 for an acknowledgement.
            return -reply.get(ValueLayout.JAVA_INT, 16);
        }

        ConfigurationException failure(String what, int error) {
            return new ConfigurationException("'" + device + "': " + what + ": " + Libc.strerror(error)
                    + (error == Libc.EPERM ? " (needs root or CAP_NET_ADMIN)" : ""));
        }

        void close() {
            Libc.close(errno, fd);
        }
    }
}
