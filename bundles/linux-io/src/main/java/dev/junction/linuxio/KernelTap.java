package dev.junction.linuxio;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** KernelTap: a TAP device read and written by the router, Ethernet frames both ways. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("KernelTap")
@ElementDoc(
        synopsis = "KernelTap(ADDR/MASK [, GATEWAY, keywords ETHER, MTU, HEADROOM, BURST, DEVNAME, NETNS,"
                + " IGNORE_QUEUE_OVERFLOWS])",
        category = "comm",
        summary = "exchanges Ethernet frames with the Linux stack through a TAP device",
        description = """
                Creates a TAP device (the Linux universal TUN/TAP driver, /dev/net/tun, without packet \
                information headers), gives the kernel's side of it the address ADDR with netmask MASK, brings \
                it up, and exchanges Ethernet frames with it: the frames the kernel sends out of the device \
                (to any other address of ADDR/MASK, and its ARP queries) leave on output 0; the frames that \
                arrive on the input go into the kernel's stack as if received on the device. This is how a \
                graph hands the rare packets to Linux and takes its answers (the slow path). The kernel \
                accepts a frame only if it is addressed to the device's Ethernet address (set it with ETHER) \
                or to a broadcast or multicast address, so a graph must answer the kernel's ARP queries for the \
                addresses it routes. The input is agnostic: pushed frames are written at once; in pull context \
                a task pulls up to BURST at a time. Frames longer than MTU plus the 14-byte Ethernet header are \
                dropped, and so are frames the kernel refuses; the first of each is reported. When the element \
                goes away, so do the device and its routes. With DEVNAME, a hot swap to a KernelTap of the \
                same DEVNAME keeps the very same device. Needs root or CAP_NET_ADMIN.""",
        arguments = {
            @ElementDoc.Argument(name = "ADDR/MASK", description = """
                    IP prefix. The kernel's address on the device, and the network routed through it."""),
            @ElementDoc.Argument(name = "GATEWAY", description = """
                    IP address in ADDR/MASK. If given, the kernel gets a default route through it."""),
            @ElementDoc.Argument(name = "ETHER", description = """
                    Ethernet address. The device's address, the one frames for the kernel must carry. \
                    Default: the kernel's random choice."""),
            @ElementDoc.Argument(name = "MTU", description = "Unsigned. The device's MTU. Default 1500."),
            @ElementDoc.Argument(name = "HEADROOM", description = """
                    Unsigned. Bytes of headroom before each frame read. Default the pool's headroom."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Unsigned. The most frames read, or pulled, each time a task runs. Default 1."""),
            @ElementDoc.Argument(name = "DEVNAME", description = """
                    String. The device's name; an existing persistent device of that name is attached to. \
                    Default: a new tapN."""),
            @ElementDoc.Argument(name = "NETNS", description = """
                    String. The network namespace (a name under /var/run/netns) the device is created in. \
                    Default: the router's own."""),
            @ElementDoc.Argument(name = "IGNORE_QUEUE_OVERFLOWS", description = """
                    Boolean. If true, frames the kernel refuses because its queues are full are dropped \
                    without a report. Default false.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "dev_name", description = "The device's name."),
            @ElementDoc.Handler(name = "count", description = "Frames read from the device."),
            @ElementDoc.Handler(name = "drops", description = "Frames read that did not fit a packet buffer."),
            @ElementDoc.Handler(name = "sent", description = "Frames written to the device."),
            @ElementDoc.Handler(name = "send_drops", description = """
                    Frames not written: too long for the MTU, or refused by the kernel."""),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Sets the four counts to 0.")
        },
        example = """
                tap :: KernelTap(198.18.5.1/24, ETHER 02:00:00:00:05:01);
                tap -> c :: Classifier(12/0806 20/0001, -);
                c[0] -> ARPResponder(198.18.5.0/24 02:00:00:00:05:02) -> tap;
                c[1] -> Discard;""",
        seeAlso = {"KernelTun", "FromHost", "ToHost", "FromDevice"})
public final class KernelTap extends KernelTunnel {
    private static final int ETHER_HEADER = 14;

    @Override
    boolean tap() {
        return true;
    }

    @Override
    int linkHeader() {
        return ETHER_HEADER;
    }

    @Override
    boolean acceptReceived(Packet packet) {
        packet.setMacHeader(0);
        return true;
    }

    @Override
    boolean prepareToSend(Packet packet) {
        return packet.length() >= ETHER_HEADER;
    }
}
