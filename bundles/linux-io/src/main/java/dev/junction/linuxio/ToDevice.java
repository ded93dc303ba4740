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
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * ToDevice: sends packets on a Linux interface through an AF_PACKET socket bound to it. Each packet goes to the
 * kernel with one {@code sendto} straight from its pool buffer (the kernel's copy into its socket buffer is
 * the only copy), without blocking: a frame the kernel cannot take now, or one longer than the interface's MTU
 * allows, is dropped and counted; nothing on this path throws.
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ToDevice")
@ElementDoc(
        synopsis = "ToDevice(DEVNAME [, keywords BURST, NETNS])",
        category = "netdevices",
        summary = "sends packets to a Linux network interface",
        description = """
                Sends each packet that arrives on its single input, as a complete Ethernet frame, on the Linux \
                interface DEVNAME, through an AF_PACKET socket bound to it, and frees it. The input is \
                agnostic: in push context every pushed batch is sent at once; in pull context a task pulls up \
                to BURST packets whenever the notifiers upstream say packets may come. Sending never waits: a \
                frame the kernel refuses (its queue is full, the link is down) or longer than the interface's \
                MTU plus an Ethernet header is dropped and counted. Needs root or CAP_NET_RAW; a missing \
                interface, namespace or privilege is a configuration error.""",
        arguments = {
            @ElementDoc.Argument(name = "DEVNAME", description = "String. The name of the interface, such as eth0."),
            @ElementDoc.Argument(name = "BURST", description = """
                    Unsigned. The most packets pulled each time the task runs (pull context). Default 1, as in Click."""),
            @ElementDoc.Argument(name = "NETNS", description = """
                    String. The network namespace (a name under /var/run/netns) the interface lives in; the \
                    socket is opened inside it. Default: the router's own namespace.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Frames the kernel accepted."),
            @ElementDoc.Handler(name = "drops", description = """
                    Frames dropped: refused by the kernel, or longer than the MTU allows."""),
            @ElementDoc.Handler(name = "pulls", description = "Times the task pulled (pull context)."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = """
                    Sets count, drops and pulls to 0.""")
        },
        example = "FromDevice(veth0) -> Queue -> ToDevice(veth1, BURST 32);",
        seeAlso = {"FromDevice"})
public final class ToDevice extends Element {
    /** Ethernet header plus one VLAN tag on top of the MTU. */
    private static final int LINK_HEADER = 18;

    private String device;
    private String netns;
    private int burst;

    private Arena arena;
    private MemorySegment errno;
    private PacketSocket socket;
    private int fd;
    private int maxFrame;
    private Task task;
    private NotifierSignal upstream;
    private PacketBatch batch;

    private long count;
    private long drops;
    private long pulls;

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
        errno = Libc.newErrno(arena);
        socket = PacketSocket.open(device, netns, 0);
        fd = socket.fd();
        MemorySegment request = arena.allocate(Libc.IFREQ_MTU);
        byte[] name = device.getBytes(StandardCharsets.US_ASCII);
        MemorySegment.copy(name, 0, request, ValueLayout.JAVA_BYTE, 0, name.length);
        if (Libc.ioctl(errno, fd, Libc.SIOCGIFMTU, request) == 0) {
            maxFrame = request.get(ValueLayout.JAVA_INT, Libc.offset(Libc.IFREQ_MTU, "ifr_mtu")) + LINK_HEADER;
        } else {
            maxFrame = Integer.MAX_VALUE;
        }
        if (!context().isInputPush(0)) {
            batch = new PacketBatch(Math.min(burst, PacketBatch.DEFAULT_CAPACITY * 64));
            task = context().createTask(this::pullAndSend);
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
        int pulled = input(0).pull(batch, batch.capacity());
        if (pulled > 0) {
            send(batch);
            batch.clear();
            return true;
        }
        if (!upstream.isActive()) {
            task.unschedule();
            if (upstream.isActive()) {
                task.reschedule();
            }
        }
        return false;
    }

    /** Sends every packet of {@code packets} and frees them all. */
    private void send(PacketBatch packets) {
        int size = packets.size();
        Packet[] array = packets.array();
        long sent = 0;
        for (int i = 0; i < size; i++) {
            Packet packet = array[i];
            int length = packet.length();
            if (length == 0 || length > maxFrame) {
                continue;
            }
            long address = packet.buffer().address() + packet.dataOffset();
            if (Libc.sendto(errno, fd, address, length, Libc.MSG_DONTWAIT, 0, 0) == length) {
                sent++;
            }
        }
        count += sent;
        drops += size - sent;
        packets.killAll();
    }

    /** The counts carry over a hot swap; the successor has its own socket (sending needs no state). */
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
