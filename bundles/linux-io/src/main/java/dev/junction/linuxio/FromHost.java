package dev.junction.linuxio;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.linuxio.sys.TunTap;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** FromHost: the frames the Linux stack sends out of a TAP device, read into the graph. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("FromHost")
@ElementDoc(
        synopsis = "FromHost(DEVNAME [, DST, keywords GATEWAY, ETHER, MTU, HEADROOM, BURST, NETNS])",
        category = "comm",
        summary = "reads the frames the Linux stack sends to a TAP device",
        description = """
                Creates the TAP device DEVNAME (/dev/net/tun, without packet information headers), or attaches \
                to it if it exists as a persistent device, and pushes out of its single output every Ethernet \
                frame the kernel sends through it, with its MAC header annotation set. With DST, an IP prefix \
                such as 198.18.7.1/24, the kernel's side of the device gets that address and netmask and the \
                device is brought up, so the kernel routes DST's network through it; without DST the device is \
                used as it was set up outside. ToHost elements of the same DEVNAME write into this device: \
                together they make the Linux stack a peer of the graph (the slow path). The kernel sends ARP \
                queries through the device: the graph must answer them (ARPResponder) for the addresses it \
                wants to receive. When the element goes away the device goes too, unless it is persistent; a \
                hot swap to a FromHost of the same DEVNAME keeps it, frames queued in it included. Needs root \
                or CAP_NET_ADMIN.""",
        arguments = {
            @ElementDoc.Argument(name = "DEVNAME", description = "String. The TAP device's name, such as jtap0."),
            @ElementDoc.Argument(name = "DST", description = """
                    IP prefix. The kernel's address on the device and the network routed through it. \
                    Default: leave the device's addresses alone."""),
            @ElementDoc.Argument(name = "GATEWAY", description = """
                    IP address in DST. If given, the kernel gets a default route through it."""),
            @ElementDoc.Argument(name = "ETHER", description = """
                    Ethernet address. The device's address: frames for the kernel must carry it. \
                    Default: the kernel's random choice."""),
            @ElementDoc.Argument(name = "MTU", description = "Unsigned. The device's MTU. Default: left as it is."),
            @ElementDoc.Argument(name = "HEADROOM", description = """
                    Unsigned. Bytes of headroom before each frame. Default the pool's headroom."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Unsigned. The most frames read each time the task runs. Default 1."""),
            @ElementDoc.Argument(name = "NETNS", description = """
                    String. The network namespace (a name under /var/run/netns) the device lives in. Default: \
                    the router's own.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "dev_name", description = "The device's name."),
            @ElementDoc.Handler(name = "count", description = "Frames read and pushed out."),
            @ElementDoc.Handler(name = "drops", description = "Frames read that did not fit a packet buffer."),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Sets count and drops to 0.")
        },
        example = """
                FromHost(jtap0, 198.18.7.1/24, ETHER 02:00:00:00:07:01) -> c :: Classifier(12/0806 20/0001, -);
                c[0] -> ARPResponder(198.18.7.0/24 02:00:00:00:07:02) -> ToHost(jtap0);
                c[1] -> Discard;""",
        seeAlso = {"ToHost", "KernelTap"})
public final class FromHost extends Element {
    private String deviceName;
    private IPv4Prefix destination;
    private int gateway;
    private long ether;
    private int mtu;
    private int headroom;
    private int burst;
    private String netns;

    private TunTap device;
    private HostReader reader;

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
        deviceName = args.requirePositional("DEVNAME", ArgTypes.STRING);
        destination = args.readPositional("DST", ArgTypes.IPV4_PREFIX, null);
        gateway = args.read("GATEWAY", ArgTypes.IPV4_ADDRESS, 0);
        ether = args.read("ETHER", ArgTypes.ETHER_ADDRESS, TunTap.Settings.NO_ETHER);
        mtu = args.read("MTU", ArgTypes.UNSIGNED_INT, 0);
        headroom = args.read("HEADROOM", ArgTypes.UNSIGNED_INT, -1);
        burst = args.read("BURST", ArgTypes.UNSIGNED_INT, 1);
        netns = args.read("NETNS", ArgTypes.STRING, null);
        args.complete();
        if (gateway != 0 && (destination == null
                || (gateway & destination.mask()) != (destination.address() & destination.mask()))) {
            throw new ConfigurationException("bad GATEWAY: " + IPv4.format(gateway) + " is not in DST");
        }
        if (burst == 0) {
            throw new ConfigurationException("BURST must be >= 1");
        }
        if (mtu != 0 && mtu < 68) {
            throw new ConfigurationException("MTU must be at least 68");
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        int bufferSize = context().packetPool().bufferSize();
        if (headroom < 0) {
            headroom = context().packetPool().headroom();
        }
        int frame = (mtu == 0 ? 1500 : mtu) + 14;
        if (headroom + frame > bufferSize) {
            throw new ConfigurationException("frames of " + frame + " bytes (MTU " + (mtu == 0 ? 1500 : mtu)
                    + ") do not fit the router's " + bufferSize + "-byte packet buffers with " + headroom
                    + " bytes of headroom: lower MTU or HEADROOM");
        }
        device = HostDevices.acquire(deviceName, true, netns, new TunTap.Settings(destination, gateway, ether, mtu));
        reader = new HostReader(context(), "FromHost " + name() + " reader", device.fd(), burst, headroom,
                this::received);
    }

    private void received(PacketBatch batch) {
        int size = batch.size();
        Packet[] packets = batch.array();
        for (int i = 0; i < size; i++) {
            packets[i].setMacHeader(0);
        }
        output(0).push(batch);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("dev_name", () -> device == null ? deviceName : device.name());
        handlers.addRead("count", () -> Long.toString(reader.count()));
        handlers.addRead("drops", () -> Long.toString(reader.drops()));
        handlers.addWrite("reset_counts", value -> reader.setCounts(0, 0));
    }

    @Override
    public void saveState(ElementState state) {
        if (reader != null) {
            state.putLong("count", reader.count());
            state.putLong("drops", reader.drops());
        }
    }

    @Override
    public void takeState(ElementState state) {
        reader.setCounts(state.getLong("count", 0), state.getLong("drops", 0));
    }

    @Override
    public void cleanup() {
        if (reader != null) {
            reader.stop();
            reader = null;
        }
        if (device != null) {
            HostDevices.release(device, netns);
            device = null;
        }
    }
}
