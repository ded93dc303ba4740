package dev.junction.linuxio;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerRegistry;
import dev.junction.linuxio.sys.TunTap;
import dev.junction.net.IPv4;
import dev.junction.net.IPv4Prefix;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.NotifierSignal;
import dev.junction.sched.Task;

/**
 * What KernelTap and KernelTun share: one TAP or TUN device that the element both reads (frames the kernel sends
 * out of it leave on output 0) and writes (packets arriving on the input go into the kernel's stack), set up from
 * Click's KernelTun arguments. The two differ only in what a frame is: an Ethernet frame, or an IP packet.
 */
abstract class KernelTunnel extends Element {
    private static final int DEFAULT_MTU = 1500;

    private IPv4Prefix address;
    private int gateway;
    private long ether;
    private int mtu;
    private int headroom;
    private int burst;
    private boolean quietOverflows;
    private String deviceName;
    private String netns;

    private TunTap device;
    private HostReader reader;
    private HostWriter writer;
    private Task pullTask;
    private NotifierSignal upstream;
    private PacketBatch pulled;
    /** Frames read that are not for output 0 (TUN: not IP), gathered for output 1. */
    private PacketBatch rejected;

    /** True for TAP (Ethernet frames), false for TUN (IP packets). */
    abstract boolean tap();

    /** The link header bytes a frame carries on top of the MTU. */
    abstract int linkHeader();

    /**
     * Prepares a frame read from the device (header annotations); returns false when it is not one for output 0.
     */
    abstract boolean acceptReceived(Packet packet);

    /**
     * Prepares a packet for the device (for TUN: strips what precedes the IP header); returns false when it
     * cannot be sent, and says why once.
     */
    abstract boolean prepareToSend(Packet packet);

    @Override
    public String portCount() {
        return "0-1/1-2";
    }

    @Override
    public String processing() {
        return "a/h";
    }

    @Override
    public String flowCode() {
        return "x/y";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        address = args.requirePositional("ADDR", ArgTypes.IPV4_PREFIX);
        gateway = args.readPositional("GATEWAY", ArgTypes.IPV4_ADDRESS, 0);
        headroom = args.read("HEADROOM", ArgTypes.UNSIGNED_INT, -1);
        burst = args.read("BURST", ArgTypes.UNSIGNED_INT, 1);
        ether = args.read("ETHER", ArgTypes.ETHER_ADDRESS, TunTap.Settings.NO_ETHER);
        quietOverflows = args.read("IGNORE_QUEUE_OVERFLOWS", ArgTypes.BOOLEAN, false);
        mtu = args.read("MTU", ArgTypes.UNSIGNED_INT, DEFAULT_MTU);
        deviceName = args.read("DEVNAME", ArgTypes.STRING, null);
        netns = args.read("NETNS", ArgTypes.STRING, null);
        args.complete();
        if (address != null && gateway != 0 && (gateway & address.mask()) != (address.address() & address.mask())) {
            throw new ConfigurationException("bad GATEWAY: " + IPv4.format(gateway) + " is not in " + address);
        }
        if (burst == 0) {
            throw new ConfigurationException("BURST must be >= 1");
        }
        if (mtu < 20) {
            throw new ConfigurationException("MTU must be greater than 20");
        }
        if (headroom > 8192) {
            throw new ConfigurationException("HEADROOM too big");
        }
        if (!tap() && ether != TunTap.Settings.NO_ETHER) {
            context().warning("ETHER has no meaning for a TUN device: it is ignored");
        }
    }

    @Override
    public void initialize() throws ConfigurationException {
        int bufferSize = context().packetPool().bufferSize();
        if (headroom < 0) {
            headroom = context().packetPool().headroom();
        }
        if (headroom + mtu + linkHeader() > bufferSize) {
            throw new ConfigurationException("MTU " + mtu + " does not fit the router's " + bufferSize
                    + "-byte packet buffers with " + headroom + " bytes of headroom: lower MTU or HEADROOM");
        }
        device = HostDevices.acquire(deviceName, tap(), netns,
                new TunTap.Settings(address, gateway, ether, mtu));
        writer = new HostWriter(context(), device.name(), device.fd(), mtu + linkHeader(), quietOverflows);
        rejected = new PacketBatch(Math.min(burst, PacketBatch.DEFAULT_CAPACITY * 64));
        reader = new HostReader(context(), getClass().getSimpleName() + " " + name() + " reader", device.fd(), burst,
                headroom, this::received);
        if (inputCount() > 0 && !context().isInputPush(0)) {
            pulled = new PacketBatch(Math.min(burst, PacketBatch.DEFAULT_CAPACITY * 64));
            pullTask = context().createTask(this::pullAndSend);
            upstream = context().upstreamEmptySignal(0, pullTask);
            pullTask.reschedule();
        }
    }

    private void received(PacketBatch batch) {
        int size = batch.size();
        Packet[] packets = batch.array();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Packet packet = packets[i];
            if (acceptReceived(packet)) {
                packets[kept++] = packet;
            } else if (outputCount() > 1) {
                rejected.add(packet);
            } else {
                packet.kill();
            }
        }
        batch.truncate(kept);
        if (kept > 0) {
            output(0).push(batch);
        }
        if (rejected.size() > 0) {
            // Only the reader task calls this method, so a push cannot come back into it.
            output(1).push(rejected);
            rejected.clear();
        }
    }

    @Override
    public void push(int port, PacketBatch batch) {
        send(batch);
    }

    private boolean pullAndSend() {
        int count = input(0).pull(pulled, pulled.capacity());
        if (count > 0) {
            send(pulled);
            pulled.clear();
            return true;
        }
        if (!upstream.isActive()) {
            pullTask.sleepUntil(upstream);
        }
        return false;
    }

    private void send(PacketBatch batch) {
        int size = batch.size();
        Packet[] packets = batch.array();
        for (int i = 0; i < size; i++) {
            Packet packet = packets[i];
            if (prepareToSend(packet)) {
                writer.write(packet);
            }
        }
        batch.killAll();
    }

    /** The device's name, as the kernel knows it. */
    String deviceName() {
        return device == null ? deviceName : device.name();
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("dev_name", this::deviceName);
        handlers.addRead("count", () -> Long.toString(reader.count()));
        handlers.addRead("drops", () -> Long.toString(reader.drops()));
        handlers.addRead("sent", () -> Long.toString(writer.count()));
        handlers.addRead("send_drops", () -> Long.toString(writer.drops()));
        handlers.addWrite("reset_counts", value -> {
            reader.setCounts(0, 0);
            writer.setCounts(0, 0);
        });
    }

    @Override
    public void saveState(ElementState state) {
        if (reader != null) {
            state.putLong("count", reader.count());
            state.putLong("drops", reader.drops());
            state.putLong("sent", writer.count());
            state.putLong("send_drops", writer.drops());
        }
    }

    @Override
    public void takeState(ElementState state) {
        reader.setCounts(state.getLong("count", 0), state.getLong("drops", 0));
        writer.setCounts(state.getLong("sent", 0), state.getLong("send_drops", 0));
    }

    @Override
    public void cleanup() {
        if (pullTask != null) {
            pullTask.unschedule();
        }
        if (reader != null) {
            reader.stop();
            reader = null;
        }
        if (writer != null) {
            writer.close();
        }
        if (device != null) {
            HostDevices.release(device, netns);
            device = null;
        }
    }
}
