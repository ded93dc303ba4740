package dev.junction.linuxio;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.linuxio.sys.Libc;
import dev.junction.linuxio.sys.PacketSocket;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import java.lang.foreign.Arena;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * ToDevice: sends packets on a Linux interface through an AF_PACKET socket bound to it, with a TPACKET_V2 transmit
 * ring: a batch is copied into the ring (the one copy) and sent with a single system call. Nothing on this path
 * waits or throws: a frame longer than the interface's MTU allows, or one the kernel does not take (the link is
 * down, the device queue is full), is dropped and counted, and the first of each kind is reported, as is the
 * recovery.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ToDevice")
@ElementDoc(
        synopsis = "ToDevice(DEVNAME [, keywords BURST, NETNS])",
        category = "netdevices",
        summary = "sends packets to a Linux network interface",
        description = """
                Sends each packet that arrives on its single input, as a complete Ethernet frame, on the Linux \
                interface DEVNAME, through an AF_PACKET socket bound to it, and frees it. Frames are copied into \
                a memory-mapped transmit ring (TPACKET_V2) shared with the kernel, which builds its buffers on \
                the ring's pages, and each batch is sent with one system call. The input is agnostic: in push \
                context every pushed batch is sent at once; in pull context a task pulls up to BURST packets \
                (no more than the ring has room for) whenever the notifiers upstream say packets may come. \
                Sending never waits: a frame the kernel does not take (the link is down, the device's queue is \
                full) or longer than the interface's MTU plus an Ethernet header and a VLAN tag is dropped and \
                counted; the first drop of each kind is reported, and so is the moment frames go through again \
                (a link that comes back resumes by itself; frames from while it was down are not replayed). \
                Needs root or CAP_NET_RAW; a missing interface, namespace or privilege is a configuration \
                error.""",
        arguments = {
            @ElementDoc.Argument(name = "DEVNAME", description = "String. The name of the interface, such as eth0."),
            @ElementDoc.Argument(name = "BURST", description = """
                    Unsigned. The most packets pulled each time the task runs (pull context). Default 1, as in \
                    Click."""),
            @ElementDoc.Argument(name = "NETNS", description = """
                    String. The network namespace (a name under /var/run/netns) the interface lives in; the \
                    socket is opened inside it. Default: the router's own namespace.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Frames the kernel accepted."),
            @ElementDoc.Handler(name = "drops", description = """
                    Frames dropped: not taken by the kernel, no room in the ring, or longer than the MTU \
                    allows."""),
            @ElementDoc.Handler(name = "pulls", description = "Times the task pulled (pull context)."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = """
                    Sets count, drops and pulls to 0.""")
        },
        example = "FromDevice(veth0) -> Queue -> ToDevice(veth1, BURST 32);",
        seeAlso = {"FromDevice"})
public final class ToDevice extends Element {
    /** Ethernet header plus one VLAN tag on top of the MTU. */
    private static final int LINK_HEADER = 18;
    /** How long a pull task waits before looking again when the ring is full. */
    private static final long FULL_RING_BACKOFF_NANOS = 1_000_000;

    private String device;
    private String netns;
    private int burst;

    private Arena arena;
    private PacketSocket socket;
    private TransmitRing ring;
    private int maxFrame;
    private Task task;
    private Timer backoff;
    private NotifierSignal upstream;
    private PacketBatch batch;

    private long count;
    private long drops;
    private long pulls;
    private boolean reportedOversize;
    /** The errno of the send failure reported last, until frames go through again (0: none). */
    private int failing;

    @Override
    public String portCount() {
        return "1/0";
    }

    @Override
    public String processing() {
        return "a/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        device = args.requirePositional("DEVNAME", ArgTypes.STRING);
        burst = args.read("BURST", ArgTypes.UNSIGNED_INT, 1);
        netns = args.read("NETNS", ArgTypes.STRING, null);
        args.complete();
        if (burst == 0) {
            throw new ConfigurationException("BURST out of range");
        }
        if (device != null) {
            PacketSocket.interfaceIndex(device, netns);
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        arena = Arena.ofShared();
        socket = PacketSocket.open(device, netns, 0);
        int mtu = PacketSocket.mtu(socket.fd(), device);
        maxFrame = mtu + LINK_HEADER;
        ring = new TransmitRing(socket.fd(), device, maxFrame, arena);
        if (!context().isInputPush(0)) {
            batch = new PacketBatch(Math.min(burst, PacketBatch.DEFAULT_CAPACITY * 64));
            task = context().createTask(this::pullAndSend);
            backoff = context().createTimer(timer -> task.reschedule());
            upstream = context().upstreamEmptySignal(0, task);
            task.reschedule();
        }
    }

    @Override
    public void push(int port, PacketBatch received) {
        send(received);
    }

    private boolean pullAndSend() {
        pulls++;
        int room = ring.free(batch.capacity());
        if (room == 0) {
            // Frames are still on their way out (or void ones wait to be skipped): look again shortly.
            sent(0, ring.flush());
            task.unschedule();
            backoff.scheduleAfter(FULL_RING_BACKOFF_NANOS);
            return false;
        }
        int pulled = input(0).pull(batch, room);
        if (pulled > 0) {
            send(batch);
            batch.clear();
            return true;
        }
        if (!upstream.isActive()) {
            task.sleepUntil(upstream);
        }
        return false;
    }

    /** Sends every packet of {@code packets} and frees them all. */
    private void send(PacketBatch packets) {
        int size = packets.size();
        Packet[] array = packets.array();
        int queued = 0;
        for (int i = 0; i < size; i++) {
            Packet packet = array[i];
            int length = packet.length();
            if (length == 0 || length > maxFrame) {
                reportOversize(length);
            } else if (ring.queue(packet)) {
                queued++;
            }
        }
        drops += size - queued;
        sent(queued, ring.flush());
        packets.killAll();
    }

    /** Counts a flush's outcome and reports a change in whether frames go through. */
    private void sent(int queued, int left) {
        count += queued - left;
        drops += left;
        int error = ring.lastError();
        if (error != 0 && error != failing) {
            failing = error;
            context().warning("cannot send on '" + device + "': " + Libc.strerror(error)
                    + (error == Libc.ENETDOWN ? " (the link is down)" : "")
                    + "; frames are dropped until it works again");
        } else if (error == 0 && failing != 0 && queued > left) {
            failing = 0;
            context().warning("frames go out on '" + device + "' again");
        }
    }

    private void reportOversize(int length) {
        if (!reportedOversize && length > 0) {
            reportedOversize = true;
            context().warning("dropped a " + length + "-byte frame: longer than the MTU of '" + device
                    + "' allows (" + maxFrame + " bytes with the Ethernet header and a VLAN tag); further ones"
                    + " are only counted in 'drops'");
        }
    }

    /** The counts carry over a hot swap; the successor has its own socket and ring (sending needs no state). */
    @Override
    public void saveState(ElementState state) {
        state.putLong("count", count);
        state.putLong("drops", drops);
        state.putLong("pulls", pulls);
    }

    @Override
    public void takeState(ElementState state) {
        count = state.getLong("count", 0);
        drops = state.getLong("drops", 0);
        pulls = state.getLong("pulls", 0);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(count));
        handlers.addRead("drops", () -> Long.toString(drops));
        handlers.addRead("pulls", () -> Long.toString(pulls));
        handlers.addWrite("reset_counts", value -> {
            count = 0;
            drops = 0;
            pulls = 0;
        });
    }

    @Override
    public void cleanup() {
        if (task != null) {
            task.unschedule();
        }
        if (backoff != null) {
            backoff.unschedule();
        }
        if (ring != null) {
            ring.unmap();
            ring = null;
        }
        if (socket != null) {
            socket.close();
            socket = null;
        }
        if (arena != null) {
            arena.close();
            arena = null;
        }
    }
}
