package dev.junction.linuxio;

import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** KernelTun: a TUN device read and written by the router, IP packets both ways. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("KernelTun")
@ElementDoc(
        synopsis = "KernelTun(ADDR/MASK [, GATEWAY, keywords MTU, HEADROOM, BURST, DEVNAME, NETNS,"
                + " IGNORE_QUEUE_OVERFLOWS])",
        category = "comm",
        summary = "exchanges IP packets with the Linux stack through a TUN device",
        description = """
                Creates a TUN device (the Linux universal TUN/TAP driver, without packet information headers), \
                gives the kernel's side the address ADDR with netmask MASK, brings it up, and exchanges IP \
                packets with it: the packets the kernel routes into the device (to any other address of \
                ADDR/MASK, or anywhere through GATEWAY) leave on output 0 with their network header annotation \
                set; what the kernel sends that is neither IPv4 nor IPv6 leaves on output 1, or is dropped if \
                there is none. Packets arriving on the input must have a network header annotation (as after \
                CheckIPHeader or MarkIPHeader): what precedes the IP header is stripped and the IP packet goes \
                into the kernel's stack. A packet without an IPv4 or IPv6 header, or longer than MTU, is \
                dropped; the first of each kind is reported. The input is agnostic, as KernelTap's. Needs root \
                or CAP_NET_ADMIN.""",
        arguments = {
            @ElementDoc.Argument(name = "ADDR/MASK", description = """
                    IP prefix. The kernel's address on the device, and the network routed through it."""),
            @ElementDoc.Argument(name = "GATEWAY", description = """
                    IP address in ADDR/MASK. If given, the kernel gets a default route through it."""),
            @ElementDoc.Argument(name = "MTU", description = "Unsigned. The device's MTU. Default 1500."),
            @ElementDoc.Argument(name = "HEADROOM", description = """
                    Unsigned. Bytes of headroom before each packet read. Default the pool's headroom."""),
            @ElementDoc.Argument(name = "BURST", description = """
                    Unsigned. The most packets read, or pulled, each time a task runs. Default 1."""),
            @ElementDoc.Argument(name = "DEVNAME", description = """
                    String. The device's name. Default: a new tunN."""),
            @ElementDoc.Argument(name = "NETNS", description = """
                    String. The network namespace the device is created in. Default: the router's own."""),
            @ElementDoc.Argument(name = "IGNORE_QUEUE_OVERFLOWS", description = """
                    Boolean. If true, packets the kernel refuses because its queues are full are dropped \
                    without a report. Default false.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "dev_name", description = "The device's name."),
            @ElementDoc.Handler(name = "count", description = "Packets read from the device."),
            @ElementDoc.Handler(name = "drops", description = "Packets read that did not fit a packet buffer."),
            @ElementDoc.Handler(name = "sent", description = "Packets written to the device."),
            @ElementDoc.Handler(name = "send_drops", description = """
                    Packets not written: no IP header, too long for the MTU, or refused by the kernel."""),
            @ElementDoc.Handler(name = "reset_counts", mode = "write-only", description = "Sets the four counts to 0.")
        },
        example = """
                tun :: KernelTun(198.18.6.1/24);
                tun -> IPPrint(tun) -> Discard;""",
        seeAlso = {"KernelTap", "FromHost", "ToHost"})
public final class KernelTun extends KernelTunnel {
    private boolean reportedNotIp;

    @Override
    boolean tap() {
        return false;
    }

    @Override
    int linkHeader() {
        return 0;
    }

    @Override
    boolean acceptReceived(Packet packet) {
        if (packet.length() < 1) {
            return false;
        }
        int version = packet.getUnsignedByte(0) >>> 4;
        if (version == 4 && packet.length() >= 20) {
            packet.setNetworkHeader(0, (packet.getUnsignedByte(0) & 0x0F) * 4);
            return true;
        }
        if (version == 6 && packet.length() >= 40) {
            packet.setNetworkHeader(0, 40);
            return true;
        }
        return false;
    }

    @Override
    boolean prepareToSend(Packet packet) {
        if (packet.hasNetworkHeader() && packet.networkHeaderOffset() >= 0
                && packet.networkHeaderOffset() < packet.length()) {
            packet.pull(packet.networkHeaderOffset());
            int version = packet.getUnsignedByte(0) >>> 4;
            if (version == 4 || version == 6) {
                return true;
            }
        }
        if (!reportedNotIp) {
            reportedNotIp = true;
            context().warning("dropped a packet without an IPv4 or IPv6 network header; further ones are only"
                    + " counted in 'send_drops'");
        }
        return false;
    }
}
