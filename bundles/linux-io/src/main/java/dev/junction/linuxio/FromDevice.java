package dev.junction.linuxio;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.linuxio.sys.IngressDrop;
import dev.junction.linuxio.sys.Libc;
import dev.junction.linuxio.sys.PacketSocket;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import dev.junction.packet.PacketType;
import dev.junction.sched.Task;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import static dev.junction.linuxio.sys.Libc.TPACKET3_HDR;
import static dev.junction.linuxio.sys.Libc.TPACKET_BLOCK_DESC;
import static dev.junction.linuxio.sys.Libc.offset;

/**
 * FromDevice: receives the frames of a Linux interface through an AF_PACKET socket with a TPACKET_V3 receive
 * ring. The ring is shared memory: the kernel fills blocks of frames and hands each block over by setting its
 * status word; the router thread's task copies each frame into a pool packet (one copy: pool packets are the
 * router's currency, the ring's memory goes back to the kernel as soon as a block is read) and gives the block
 * back with a release store. When the ring is empty the task unschedules itself and a small poller thread waits
 * in {@code poll()} (with a timeout, so that it notices cleanup) until the kernel retires a block, then wakes
 * the task: an idle interface costs one wake-up of that thread every timeout and nothing on the router thread.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("FromDevice")
@ElementDoc(
        synopsis = "FromDevice(DEVNAME [, keywords PROMISC, SNAPLEN, BURST, QUEUE, N_QUEUES, SNIFFER, OUTBOUND,"
                + " HEADROOM, NETNS])",
        category = "netdevices",
        summary = "reads packets from a Linux network interface",
        description = """
                Pushes the Ethernet frames that arrive on the Linux interface DEVNAME out of its single output. It \
                opens an AF_PACKET socket bound to the interface with a TPACKET_V3 memory-mapped receive ring; each \
                frame is copied once from the ring into a packet of the router's pool, with its MAC header annotation \
                set, its timestamp from the kernel, its VLAN tag annotation when the kernel stripped a tag, and its \
                packet type (host, broadcast, multicast, other host, outgoing). A TCP or UDP checksum the sending host \
                left to its device's offload (veth does this) is completed, so that the frame can be passed on. When \
                the ring is empty the element sleeps in poll() on a helper thread, so an idle interface costs no \
                router time. The kernel hands frames over in blocks, at the latest 1 ms after the first frame of a \
                block arrived, so light traffic waits up to 1 ms. Frames the pool has no room for, or that do not fit \
                a pool buffer with the requested headroom, are dropped and counted. A link that goes down is waited \
                out; frames resume when it comes back. In a hot swap, a FromDevice of the same name, device and \
                options takes over the socket and the ring, so no frame is lost or seen twice; the counts carry over. \
                Needs root or CAP_NET_RAW; a missing interface, namespace or privilege is a configuration error.""",
        arguments = {
            @ElementDoc.Argument(name = "DEVNAME", description = "String. The name of the interface, such as eth0."),
            @ElementDoc.Argument(name = "PROMISC", description = """
                    Boolean. Whether to put the interface in promiscuous mode (for as long as the socket is \
                    open). Default false."""),
            @ElementDoc.Argument(name = "SNAPLEN", description = """
                    Unsigned. At most this many bytes of each frame are kept. Default 2046."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Unsigned. The most frames pushed each time the task runs, in one batch. Default 1."""),
            @ElementDoc.Argument(name = "QUEUE", description = """
                    Unsigned. This element's receive queue, from 0 to N_QUEUES - 1. Default 0."""),
            @ElementDoc.Argument(name = "N_QUEUES", description = """
                    Unsigned. With more than 1, the N_QUEUES FromDevice elements of one interface share its \
                    frames as a NIC's receive queues do: each frame goes to exactly one of them, chosen by a hash \
                    of its flow (a PACKET_FANOUT group in hash mode, with IP fragments reassembled for hashing so \
                    that a flow stays on one queue). Give each its own QUEUE and, with StaticThreadSched, its \
                    own thread. Default 1: this element receives every frame."""),
            @ElementDoc.Argument(name = "SNIFFER", description = """
                    Boolean. True (the default) lets the Linux stack see the frames too, as a packet capture \
                    does. False hides them from it: the router takes the interface over, and the host's stack \
                    neither answers nor forwards what arrives there. It works with a traffic-control filter \
                    that drops every arriving frame at the interface's ingress (a clsact qdisc with a BPF \
                    program that drops: the kernel gives frames to packet sockets before it runs that filter), \
                    there while the element lives; it needs CAP_NET_ADMIN and CAP_BPF too."""),
            @ElementDoc.Argument(name = "OUTBOUND", description = """
                    Boolean. Whether to also emit the frames the host itself sends on the interface. \
                    Default false."""),
            @ElementDoc.Argument(name = "HEADROOM", description = """
                    Unsigned. Bytes of headroom before each frame's data. Default the pool's headroom."""),
            @ElementDoc.Argument(name = "NETNS", description = """
                    String. The network namespace (a name under /var/run/netns, as ip netns creates) the \
                    interface lives in. The socket is opened inside it, so one router can read interfaces \
                    of several namespaces. Default: the router's own namespace.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Frames pushed out."),
            @ElementDoc.Handler(name = "drops", description = """
                    Frames dropped by the element: no packet left in the pool, or too big for a packet."""),
            @ElementDoc.Handler(name = "kernel_drops", description = """
                    Frames the kernel dropped because the ring was full (PACKET_STATISTICS), since start."""),
            @ElementDoc.Handler(name = "encap", description = "The encapsulation: ETHER."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = """
                    Sets count and drops to 0.""")
        },
        example = "FromDevice(veth0, PROMISC true, BURST 32) -> Queue -> ToDevice(veth1);",
        seeAlso = {"ToDevice"})
public final class FromDevice extends Element {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final int BLOCK_SIZE = 1 << 17;
    private static final int BLOCK_COUNT = 32;
    private static final int FRAME_SIZE = 2048;
    /**
     * The kernel hands a block over when it is full or this long after its first frame: the most a frame waits
     * when traffic is light (1 ms, the smallest setting: a ping through a two-port bridge took 6.4 ms on average
     * with 4 ms, 1.6 ms with 1 ms). The kernel's timer costs a few microseconds per expiry.
     */
    private static final int RETIRE_MILLIS = 1;
    /** Ethernet header plus one VLAN tag on top of the MTU. */
    private static final int LINK_HEADER = 18;
    private static final long BLOCK_STATUS = offset(TPACKET_BLOCK_DESC, "block_status");
    private static final long NUM_PKTS = offset(TPACKET_BLOCK_DESC, "num_pkts");
    private static final long FIRST_PKT = offset(TPACKET_BLOCK_DESC, "offset_to_first_pkt");
    private static final long NEXT_OFFSET = offset(TPACKET3_HDR, "tp_next_offset");
    private static final long SEC = offset(TPACKET3_HDR, "tp_sec");
    private static final long NSEC = offset(TPACKET3_HDR, "tp_nsec");
    private static final long SNAPLEN_FIELD = offset(TPACKET3_HDR, "tp_snaplen");
    private static final long STATUS = offset(TPACKET3_HDR, "tp_status");
    private static final long LENGTH = offset(TPACKET3_HDR, "tp_len");
    private static final long MAC = offset(TPACKET3_HDR, "tp_mac");
    private static final long VLAN_TCI = offset(TPACKET3_HDR, "tp_vlan_tci");
    /** sll_pkttype of the sockaddr_ll that follows the (48-byte, aligned) tpacket3_hdr. */
    private static final long PKTTYPE = TPACKET3_HDR.byteSize() + offset(Libc.SOCKADDR_LL, "sll_pkttype");
    private static final PacketType[] TYPES = {
        PacketType.HOST, PacketType.BROADCAST, PacketType.MULTICAST, PacketType.OTHERHOST, PacketType.OUTGOING,
        PacketType.LOOPBACK
    };

    private String device;
    private String netns;
    private boolean promisc;
    private int snaplen;
    private int burst;
    private boolean outbound;
    private boolean sniffer;
    private int headroom;
    private int queue;
    private int queues;
    private int ifindex;
    /** Whether the socket receives all protocols yet: at initialize, or with N_QUEUES at the task's first run. */
    private boolean bound;
    /** Whether start() ran: the socket receives (and is in its fanout group) and the poller watches it. */
    private boolean started;

    private Arena arena;
    /** With SNIFFER false: the filter that hides the interface's frames from the kernel. */
    private IngressDrop hide;
    /** The socket, or -1; with the ring, it moves to the successor in a hot swap. */
    private int fd = -1;
    private MemorySegment errno;
    private MemorySegment ring;
    private PacketPool pool;
    private PacketBatch batch;
    private Task task;
    private IdlePoller poller;

    private int block;
    private boolean blockOpen;
    private int framesLeft;
    private long frameOffset;

    private long count;
    private long drops;
    private long kernelDrops;

    @Override
    public String portCount() {
        return "0/1";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        device = args.requirePositional("DEVNAME", ArgTypes.STRING);
        promisc = args.read("PROMISC", ArgTypes.BOOLEAN, false);
        snaplen = args.read("SNAPLEN", ArgTypes.UNSIGNED_INT, 2046);
        burst = args.read("BURST", ArgTypes.UNSIGNED_INT, 1);
        sniffer = args.read("SNIFFER", ArgTypes.BOOLEAN, true);
        outbound = args.read("OUTBOUND", ArgTypes.BOOLEAN, false);
        headroom = args.read("HEADROOM", ArgTypes.UNSIGNED_INT, -1);
        queue = args.read("QUEUE", ArgTypes.UNSIGNED_INT, 0);
        queues = args.read("N_QUEUES", ArgTypes.UNSIGNED_INT, 1);
        netns = args.read("NETNS", ArgTypes.STRING, null);
        args.complete();
        if (queues == 0 || queues > 1024) {
            throw new ConfigurationException("N_QUEUES out of range (1 to 1024)");
        }
        if (queue >= queues) {
            throw new ConfigurationException("QUEUE " + queue + " out of range: N_QUEUES is " + queues);
        }
        if (snaplen == 0 || snaplen > FRAME_SIZE * 32) {
            throw new ConfigurationException("SNAPLEN out of range");
        }
        if (burst == 0 || burst > PacketBatch.DEFAULT_CAPACITY * 64) {
            throw new ConfigurationException("BURST out of range");
        }
        if (device != null) {
            PacketSocket.interfaceIndex(device, netns);
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        pool = context().packetPool();
        if (headroom < 0) {
            headroom = pool.headroom();
        }
        if (headroom > pool.bufferSize()) {
            throw new ConfigurationException("HEADROOM out of range");
        }
        arena = Arena.ofShared();
        errno = Libc.newErrno(arena);
        // Protocol 0: the socket receives nothing until start() binds it, after a hot swap's state transfer, so
        // that a successor that adopts its predecessor's socket never takes frames away from it in between.
        PacketSocket socket = PacketSocket.open(device, netns, 0);
        fd = socket.fd();
        ifindex = socket.ifindex();
        int longest = Math.min(PacketSocket.mtu(fd, device) + LINK_HEADER, snaplen);
        if (headroom + longest > pool.bufferSize()) {
            context().warning("the MTU of '" + device + "' allows " + longest + "-byte frames, but the router's"
                    + " packet buffers hold " + (pool.bufferSize() - headroom) + " bytes after the headroom: longer"
                    + " frames will be dropped and counted in 'drops' (use a larger buffer size, a smaller"
                    + " HEADROOM or SNAPLEN)");
        }
        try {
            setUpRing(socket.ifindex());
            if (!sniffer) {
                hide = IngressDrop.acquire(device, netns, ifindex);
            }
            if (queues == 1) {
                // Receiving from now on: frames that arrive before the graph goes live wait in the ring. (In a
                // hot swap this socket gets copies of what its predecessor's gets, and is closed if it adopts it.)
                int error = PacketSocket.bind(fd, ifindex, Libc.ETH_P_ALL);
                if (error != 0) {
                    throw PacketSocket.failure("cannot receive on '" + device + "'", error);
                }
                bound = true;
            }
        } catch (ConfigurationException e) {
            release();
            throw e;
        }
        batch = new PacketBatch(Math.min(burst, PacketBatch.DEFAULT_CAPACITY * 64));
        task = context().createTask(this::receive);
        task.reschedule();
    }

    /**
     * Makes the socket receive if it does not yet (with N_QUEUES: binds it to every protocol and joins the
     * interface's fanout group, only now, once the graph is live, so that a hot swap's successor never takes
     * frames away from the group member it replaces), then starts the poller. Runs in the task's first run.
     */
    private void start() {
        started = true;
        if (!bound) {
            bound = true;
            int error = PacketSocket.bind(fd, ifindex, Libc.ETH_P_ALL);
            if (error != 0) {
                context().warning("cannot receive on '" + device + "': " + Libc.strerror(error));
                return;
            }
            joinQueues();
        }
        poller = new IdlePoller("FromDevice " + name() + " poller", fd, task, true);
    }

    private void joinQueues() {
        if (queues > 1) {
            try {
                PacketSocket.setOption(fd, Libc.PACKET_FANOUT, (ifindex & 0xFFFF)
                        | ((Libc.PACKET_FANOUT_HASH | Libc.PACKET_FANOUT_FLAG_DEFRAG) << 16),
                        "cannot join the receive queues of '" + device + "' (PACKET_FANOUT group "
                                + (ifindex & 0xFFFF) + ")");
            } catch (ConfigurationException e) {
                context().warning(e.getMessage() + "; this element receives every frame");
            }
        }
    }

    private void setUpRing(int ifindex) throws ConfigurationException {
        PacketSocket.setOption(fd, Libc.PACKET_VERSION, Libc.TPACKET_V3, device + ": PACKET_VERSION");
        MemorySegment request = arena.allocate(Libc.TPACKET_REQ3);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ3, "tp_block_size"), BLOCK_SIZE);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ3, "tp_block_nr"), BLOCK_COUNT);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ3, "tp_frame_size"), FRAME_SIZE);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ3, "tp_frame_nr"),
                BLOCK_SIZE / FRAME_SIZE * BLOCK_COUNT);
        request.set(ValueLayout.JAVA_INT, offset(Libc.TPACKET_REQ3, "tp_retire_blk_tov"), RETIRE_MILLIS);
        ring = PacketSocket.mapRing(fd, Libc.PACKET_RX_RING, request, (long) BLOCK_SIZE * BLOCK_COUNT,
                device + ": the receive ring (PACKET_RX_RING)");
        if (promisc) {
            MemorySegment membership = arena.allocate(Libc.PACKET_MREQ);
            membership.set(ValueLayout.JAVA_INT, offset(Libc.PACKET_MREQ, "mr_ifindex"), ifindex);
            membership.set(ValueLayout.JAVA_SHORT, offset(Libc.PACKET_MREQ, "mr_type"),
                    (short) Libc.PACKET_MR_PROMISC);
            if (Libc.setsockopt(errno, fd, Libc.SOL_PACKET, Libc.PACKET_ADD_MEMBERSHIP, membership,
                    (int) Libc.PACKET_MREQ.byteSize()) < 0) {
                throw PacketSocket.failure(device + ": promiscuous mode", Libc.errno(errno));
            }
        }
    }

    /** The task: copies up to BURST frames from the ring into packets, pushes them, sleeps when the ring is empty. */
    private boolean receive() {
        if (!started) {
            start();
            if (poller == null) {
                task.unschedule();
                return false;
            }
        }
        MemorySegment memory = ring;
        int wanted = Math.min(burst, batch.capacity());
        int seen = 0;
        while (seen < wanted) {
            if (framesLeft == 0) {
                long base = (long) block * BLOCK_SIZE;
                if (blockOpen) {
                    INT.setRelease(memory, base + BLOCK_STATUS, Libc.TP_STATUS_KERNEL);
                    blockOpen = false;
                    block = block + 1 == BLOCK_COUNT ? 0 : block + 1;
                    base = (long) block * BLOCK_SIZE;
                }
                int status = (int) INT.getAcquire(memory, base + BLOCK_STATUS);
                if ((status & Libc.TP_STATUS_USER) == 0) {
                    break;
                }
                blockOpen = true;
                framesLeft = memory.get(ValueLayout.JAVA_INT, base + NUM_PKTS);
                frameOffset = base + Integer.toUnsignedLong(memory.get(ValueLayout.JAVA_INT, base + FIRST_PKT));
                continue;
            }
            long frame = frameOffset;
            framesLeft--;
            frameOffset = frame + Integer.toUnsignedLong(memory.get(ValueLayout.JAVA_INT, frame + NEXT_OFFSET));
            seen++;
            copyFrame(memory, frame);
        }
        int made = batch.size();
        if (made > 0) {
            count += made;
            output(0).push(batch);
            batch.clear();
        }
        if (seen == 0 && poller != null) {
            // Sleep: the poller wakes the task once poll() says a block is ready. Unscheduled first, so that
            // the poller's reschedule, whenever it comes, is never undone.
            task.unschedule();
            poller.sleep();
        }
        return seen > 0;
    }

    private void copyFrame(MemorySegment memory, long frame) {
        int type = memory.get(ValueLayout.JAVA_BYTE, frame + PKTTYPE);
        if (type == Libc.PACKET_OUTGOING && !outbound) {
            return;
        }
        int length = Math.min(memory.get(ValueLayout.JAVA_INT, frame + SNAPLEN_FIELD), snaplen);
        if (length <= 0 || headroom + length > pool.bufferSize()) {
            drops++;
            return;
        }
        Packet packet = pool.allocate();
        if (packet == null) {
            drops++;
            return;
        }
        packet.setWindow(headroom, length);
        int mac = Short.toUnsignedInt(memory.get(ValueLayout.JAVA_SHORT, frame + MAC));
        packet.setBytes(0, memory, frame + mac, length);
        packet.setMacHeader(0);
        long seconds = Integer.toUnsignedLong(memory.get(ValueLayout.JAVA_INT, frame + SEC));
        packet.setTimestampNanos(seconds * 1_000_000_000L + memory.get(ValueLayout.JAVA_INT, frame + NSEC));
        int status = memory.get(ValueLayout.JAVA_INT, frame + STATUS);
        if ((status & Libc.TP_STATUS_VLAN_VALID) != 0) {
            packet.setVlanTci(memory.get(ValueLayout.JAVA_INT, frame + VLAN_TCI) & 0xFFFF);
        }
        if ((status & Libc.TP_STATUS_CSUMNOTREADY) != 0 && length == frameLength(memory, frame)) {
            // Sent by the host's stack with checksum offload: finish what no device computed (whole frames only).
            PartialChecksums.complete(packet);
        }
        packet.setPacketType(type >= 0 && type < TYPES.length ? TYPES[type] : PacketType.HOST);
        batch.add(packet);
    }

    private static int frameLength(MemorySegment memory, long frame) {
        return memory.get(ValueLayout.JAVA_INT, frame + LENGTH);
    }

    /** Drops the kernel counted since start (PACKET_STATISTICS resets the kernel's counters on every read). */
    private synchronized long kernelDrops() {
        if (fd < 0) {
            return kernelDrops;
        }
        try (Arena local = Arena.ofConfined()) {
            MemorySegment stats = local.allocate(Libc.TPACKET_STATS_V3);
            MemorySegment length = local.allocate(ValueLayout.JAVA_INT);
            length.set(ValueLayout.JAVA_INT, 0, (int) Libc.TPACKET_STATS_V3.byteSize());
            MemorySegment statErrno = Libc.newErrno(local);
            if (Libc.getsockopt(statErrno, fd, Libc.SOL_PACKET, Libc.PACKET_STATISTICS, stats, length) == 0) {
                kernelDrops += Integer.toUnsignedLong(
                        stats.get(ValueLayout.JAVA_INT, offset(Libc.TPACKET_STATS_V3, "tp_drops")));
            }
        }
        return kernelDrops;
    }

    /** Frames pushed out so far. */
    public long count() {
        return count;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addRead("kernel_drops", () -> Long.toString(kernelDrops()));
        handlers.addRead("encap", () -> "ETHER");
        handlers.addWrite("reset_counts", value -> {
            count = 0;
            drops = 0;
        });
    }

    /** What says a successor may adopt this element's socket and ring: the same device, opened the same way. */
    private String identity() {
        return device + "\n" + netns + "\n" + promisc + "\n" + queue + "/" + queues + "\n" + sniffer;
    }

    /**
     * In a hot swap, hands the socket and the ring (with the read position) to the successor, so that no frame
     * is lost or received twice; the poller thread ends by itself within its poll timeout.
     */
    @Override
    public void saveState(ElementState state) {
        state.putLong("count", count);
        state.putLong("drops", drops);
        state.putLong("kernel_drops", kernelDrops());
        if (ring == null) {
            return;
        }
        if (poller != null) {
            poller.stop();
            poller = null;
        }
        state.put("identity", identity());
        state.putLong("bound", bound ? 1 : 0);
        state.putLong("fd", fd);
        state.put("ring", ring);
        state.putLong("block", block);
        state.putLong("blockOpen", blockOpen ? 1 : 0);
        state.putLong("framesLeft", framesLeft);
        state.putLong("frameOffset", frameOffset);
        fd = -1;
        ring = null;
    }

    @Override
    public void takeState(ElementState state) {
        count = state.getLong("count", 0);
        drops = state.getLong("drops", 0);
        kernelDrops = state.getLong("kernel_drops", 0);
        if (!state.contains("fd")) {
            return;
        }
        int movedFd = (int) state.getLong("fd", -1);
        MemorySegment movedRing = state.get("ring", MemorySegment.class);
        if (!identity().equals(state.get("identity", String.class)) || ring == null) {
            // Another device or other options: this element keeps its own socket; the old one is closed.
            Libc.munmap(errno, movedRing.address(), movedRing.byteSize());
            Libc.close(errno, movedFd);
            return;
        }
        Libc.munmap(errno, ring.address(), ring.byteSize());
        Libc.close(errno, fd);
        fd = movedFd;
        ring = movedRing;
        block = (int) state.getLong("block", 0);
        blockOpen = state.getLong("blockOpen", 0) != 0;
        framesLeft = (int) state.getLong("framesLeft", 0);
        frameOffset = state.getLong("frameOffset", 0);
        bound = state.getLong("bound", 0) != 0;
        started = bound;
        if (bound) {
            poller = new IdlePoller("FromDevice " + name() + " poller", fd, task, true);
            // Drain what the ring holds first; the task sleeps again once it is empty.
            poller.wake();
        }
        task.reschedule();
    }

    @Override
    public void cleanup() {
        if (task != null) {
            task.unschedule();
        }
        if (poller != null) {
            poller.stop();
            poller.join();
            poller = null;
        }
        release();
    }

    private synchronized void release() {
        if (hide != null) {
            hide.release();
            hide = null;
        }
        if (ring != null) {
            Libc.munmap(errno, ring.address(), ring.byteSize());
            ring = null;
        }
        if (fd >= 0) {
            Libc.close(errno, fd);
            fd = -1;
        }
        if (arena != null) {
            arena.close();
            arena = null;
        }
    }
}
