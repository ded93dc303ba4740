package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.element.SimpleAction;
import dev.junction.net.EtherAddress;
import dev.junction.packet.Packet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** EtherEncap: puts a fixed Ethernet header in front of every packet. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("EtherEncap")
@ElementDoc(
        synopsis = "EtherEncap(ETHERTYPE, SRC, DST)",
        category = "ethernet",
        summary = "encapsulates packets in Ethernet header",
        description = """
                Adds a 14-byte Ethernet header to the front of every packet: destination DST, source SRC and type \
                ETHERTYPE, and marks it as the packet's MAC header. When the headroom is short the data moves \
                back within its buffer; a packet whose buffer cannot hold 14 more bytes is dropped and counted. \
                One input, one output, agnostic. For IP packets whose next hop varies, ARPQuerier is usually \
                what you want.""",
        arguments = {
            @ElementDoc.Argument(name = "ETHERTYPE", description = """
                    Unsigned 16-bit. The type field, as a number (0x0800 for IPv4, 0x86DD for IPv6)."""),
            @ElementDoc.Argument(name = "SRC", description = "Ethernet address. The source address."),
            @ElementDoc.Argument(name = "DST", description = "Ethernet address. The destination address.")
        },
        handlers = {
            @ElementDoc.Handler(name = "src", mode = "read/write", description = "SRC, as 00-01-02-03-04-05."),
            @ElementDoc.Handler(name = "dst", mode = "read/write", description = "DST, as 00-01-02-03-04-05."),
            @ElementDoc.Handler(name = "ethertype", mode = "read/write", description = "ETHERTYPE, in decimal."),
            @ElementDoc.Handler(name = "etht", mode = "read/write", description = "Old name of ethertype."),
            @ElementDoc.Handler(name = "drops", description = """
                    Packets dropped because their buffer had no room for the header (a Junction addition).""")
        },
        example = "... -> EtherEncap(0x0800, 1:1:1:1:1:1, 2:2:2:2:2:2) -> Queue -> ToDevice(eth0);",
        seeAlso = {"EtherVLANEncap", "ARPQuerier", "EnsureEther", "StoreEtherAddress", "EtherRewrite"})
public final class EtherEncap extends SimpleAction {
    private static final int HEADER = 14;

    private int etherType;
    private long source;
    private long destination;
    // The header as two overlapping big-endian longs, at offsets 0 and 6.
    private long first;
    private long second;
    private long drops;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer type = args.requirePositional("ETHERTYPE", StandardArgs.UINT16);
        Long src = args.requirePositional("SRC", ArgTypes.ETHER_ADDRESS);
        Long dst = args.requirePositional("DST", ArgTypes.ETHER_ADDRESS);
        args.complete();
        etherType = type;
        source = src;
        destination = dst;
        precompute();
    }

    private void precompute() {
        first = destination << 16 | source >>> 32;
        second = source << 16 | etherType;
    }

    @Override
    protected Packet action(Packet packet) {
        if (packet.headroom() < HEADER && !PacketRoom.headroom(packet, HEADER)) {
            drops++;
            packet.kill();
            return null;
        }
        packet.push(HEADER);
        packet.setLong(0, first);
        packet.setLong(6, second);
        packet.setMacHeader(0);
        return packet;
    }

    /** Packets dropped for want of room. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addReadWrite("src", () -> EtherAddress.format(source), value -> {
            source = HandlerValues.parse(ArgTypes.ETHER_ADDRESS, value, "SRC: parse error");
            precompute();
        });
        handlers.addReadWrite("dst", () -> EtherAddress.format(destination), value -> {
            destination = HandlerValues.parse(ArgTypes.ETHER_ADDRESS, value, "DST: parse error");
            precompute();
        });
        for (String name : new String[] {"ethertype", "etht"}) {
            handlers.addReadWrite(name, () -> Integer.toString(etherType), value -> {
                etherType = HandlerValues.parse(StandardArgs.UINT16, value, "ETHERTYPE: expected 16-bit unsigned integer");
                precompute();
            });
        }
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
