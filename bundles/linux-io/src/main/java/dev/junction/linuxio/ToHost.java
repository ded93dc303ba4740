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
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** ToHost: hands Ethernet frames to the Linux stack through the TAP device of a FromHost. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("ToHost")
@ElementDoc(
        synopsis = "ToHost(DEVNAME [, keywords NETNS, IGNORE_QUEUE_OVERFLOWS])",
        category = "comm",
        summary = "hands packets to the Linux stack through a TAP device",
        description = """
                Writes every Ethernet frame pushed into it to the TAP device DEVNAME, so that the Linux stack \
                receives it as if it had arrived on that device, and frees it. The device is the one the \
                FromHost of the same DEVNAME (and NETNS) opened; ToHost is initialized after FromHost for that \
                reason. Without such a FromHost, ToHost attaches to the device itself (a persistent TAP device \
                set up outside, with ip tuntap add, or one ToHost creates and leaves down). The kernel takes IP \
                packets addressed to the device's Ethernet address, or to broadcast or multicast, from a \
                source it can route back to; it also wants a copy of the ARP replies meant for it. Frames \
                longer than the device's MTU plus 14 bytes, or refused by the kernel, are dropped and counted, \
                and the first of each kind is reported.""",
        arguments = {
            @ElementDoc.Argument(name = "DEVNAME", description = "String. The TAP device's name."),
            @ElementDoc.Argument(name = "NETNS", description = """
                    String. The network namespace the device lives in (as given to FromHost). Default: the \
                    router's own."""),
            @ElementDoc.Argument(name = "IGNORE_QUEUE_OVERFLOWS", description = """
                    Boolean. If true, frames the kernel refuses because its queues are full are dropped \
                    without a report. Default false.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "count", description = "Frames written to the device."),
            @ElementDoc.Handler(name = "drops", description = """
                    Frames dropped: too long for the MTU, or refused by the kernel."""),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Sets count and drops to 0.")
        },
        example = "FromDevice(veth0) -> ToHost(jtap0);",
        seeAlso = {"FromHost", "KernelTap"})
public final class ToHost extends Element {
    private String deviceName;
    private String netns;
    private boolean quietOverflows;

    private TunTap device;
    private HostWriter writer;

    @Override
    public String portCount() {
        return "1/0";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    /** After FromHost (default phase), whose device it writes to; as in Click. */
    @Override
    public int configurePhase() {
        return CONFIGURE_PHASE_DEFAULT + 1;
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        deviceName = args.requirePositional("DEVNAME", ArgTypes.STRING);
        netns = args.read("NETNS", ArgTypes.STRING, null);
        quietOverflows = args.read("IGNORE_QUEUE_OVERFLOWS", ArgTypes.BOOLEAN, false);
        args.complete();
    }

    @Override
    public void initialize() throws ConfigurationException {
        device = HostDevices.share(deviceName, netns);
        if (device == null) {
            device = HostDevices.acquire(deviceName, true, netns, null);
        }
        writer = new HostWriter(context(), device.name(), device.fd(), device.mtu() + 14, quietOverflows);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        writer.write(batch);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("count", () -> Long.toString(writer.count()));
        handlers.addRead("drops", () -> Long.toString(writer.drops()));
        handlers.addWrite("reset_counts", value -> writer.setCounts(0, 0));
    }

    @Override
    public void saveState(ElementState state) {
        if (writer != null) {
            state.putLong("count", writer.count());
            state.putLong("drops", writer.drops());
        }
    }

    @Override
    public void takeState(ElementState state) {
        writer.setCounts(state.getLong("count", 0), state.getLong("drops", 0));
    }

    @Override
    public void cleanup() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (device != null) {
            HostDevices.release(device, netns);
            device = null;
        }
    }
}
