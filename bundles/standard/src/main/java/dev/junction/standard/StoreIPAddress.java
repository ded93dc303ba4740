package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Checksums;
import dev.junction.packet.Packet;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** StoreIPAddress: writes an IP address (given, or the destination annotation) into the packet. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("StoreIPAddress")
@ElementDoc(
        synopsis = "StoreIPAddress(OFFSET) / StoreIPAddress(ADDR, OFFSET)",
        category = "ip",
        summary = "stores IP address in packet",
        description = """
                With one argument, writes each packet's destination IP address annotation into the packet at \
                OFFSET; a packet whose annotation is 0 goes on unchanged. With two, writes ADDR (which may be \
                0.0.0.0) at OFFSET. No checksum is updated then.

                OFFSET may also be src or dst: the address replaces the source or destination field of the \
                packet's marked IP header, and the IP checksum, and the TCP or UDP checksum of a first fragment \
                (a UDP checksum only if it is in use), are updated incrementally.

                A packet that does not hold the field (too short, or no marked IP header for src and dst) goes \
                to output 1, or is dropped if there is no output 1. Input and output 0 are agnostic; output 1 is \
                push.""",
        arguments = {
            @ElementDoc.Argument(name = "ADDR", description = "IP address. The address to store; without it, the annotation."),
            @ElementDoc.Argument(name = "OFFSET", description = "Unsigned integer, src or dst. Where to store it.")
        },
        example = "... -> StoreIPAddress(1.0.0.1, src) -> ...   // rewrite the source, checksums kept right",
        seeAlso = {"SetIPAddress", "GetIPAddress", "SetIPChecksum", "SetTCPChecksum", "SetUDPChecksum"})
public final class StoreIPAddress extends SimpleAction {
    private static final int IP_SOURCE = -12;
    private static final int IP_DESTINATION = -16;
    private static final int IP_HEADER = 20;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;

    /** An offset into the data, or minus the offset of the field in the IP header (IP_SOURCE, IP_DESTINATION). */
    private int offset;
    private int address;
    private boolean useAddress;

    @Override
    public String portCount() {
        return "1/1-2";
    }

    @Override
    public String processing() {
        return "a/ah";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        // As in Click, the number of arguments decides the form.
        List<String> all = args.remainingPositional();
        args.complete();
        Args form = Args.parse(String.join(", ", all), args.resolver());
        boolean withAddress = all.size() > 1;
        Integer configuredAddress = withAddress ? form.requirePositional("ADDR", ArgTypes.IPV4_ADDRESS) : null;
        String word = form.requirePositional("OFFSET", ArgTypes.WORD);
        int configuredOffset = 0;
        if (word != null) {
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("src")) {
                configuredOffset = IP_SOURCE;
            } else if (lower.equals("dst")) {
                configuredOffset = IP_DESTINATION;
            } else {
                try {
                    configuredOffset = ArgTypes.INTEGER.parse(word, form);
                } catch (IllegalArgumentException e) {
                    configuredOffset = -1;
                }
                if (configuredOffset < 0) {
                    form.error("type mismatch: OFFSET requires integer");
                }
            }
        }
        form.complete();
        useAddress = withAddress;
        address = withAddress ? configuredAddress : 0;
        offset = configuredOffset;
    }

    @Override
    protected Packet action(Packet packet) {
        int value = useAddress ? address : packet.dstIp();
        if (offset >= 0) {
            if (value == 0 && !useAddress) {
                return packet;
            }
            if (offset <= packet.length() - 4) {
                packet.setInt(offset, value);
                return packet;
            }
        } else if (storeInIPHeader(packet, value)) {
            return packet;
        }
        divert(1, packet);
        return null;
    }

    /** Stores {@code value} into the IP header's field and updates the checksums; false if there is no such field. */
    private boolean storeInIPHeader(Packet packet, int value) {
        int header = packet.networkHeaderOffset();
        int headerLength = packet.networkHeaderLength();
        if (header == Packet.NO_HEADER || header < 0 || headerLength < IP_HEADER
                || header > packet.length() - IP_HEADER) {
            return false;
        }
        int field = header - offset;
        int old = packet.getInt(field);
        packet.setInt(field, value);
        packet.setShort(header + 10, Checksums.update32(packet.getUnsignedShort(header + 10), old, value));
        int protocol = packet.getUnsignedByte(header + 9);
        boolean firstFragment = (packet.getUnsignedShort(header + 6) & 0x1FFF) == 0;
        int transport = packet.transportHeaderOffset();
        if (!firstFragment || transport < 0) {
            return true;
        }
        int transportLength = packet.length() - transport;
        if (protocol == PROTO_TCP && transportLength >= 20) {
            updateChecksum(packet, transport + 16, old, value);
        } else if (protocol == PROTO_UDP && transportLength >= 8 && packet.getUnsignedShort(transport + 6) != 0) {
            updateChecksum(packet, transport + 6, old, value);
        }
        return true;
    }

    private static void updateChecksum(Packet packet, int at, int old, int value) {
        packet.setShort(at, Checksums.update32(packet.getUnsignedShort(at), old, value));
    }
}
