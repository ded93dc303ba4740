package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.ElementState;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.net.EtherAddress;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * EtherSwitch: a learning Ethernet switch. Times are the packets' timestamp annotations, as in Click (so
 * packets without timestamps never age their entries out).
 */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("EtherSwitch")
@ElementDoc(
        synopsis = "EtherSwitch([TIMEOUT])",
        category = "ethernet",
        summary = "learning, forwarding Ethernet switch",
        description = """
                Switches Ethernet frames among LANs: input N and output N are the two directions of LAN N. \
                A frame arriving on input N teaches the switch that its source address lives on LAN N. A \
                frame for a unicast address the switch knows goes to that address's LAN only, or is dropped \
                if that is the LAN it came from; any other frame (unknown or group destination) is flooded \
                to every other LAN, as copies and the frame itself. At least two push inputs, as many push \
                outputs. Frames shorter than two Ethernet addresses are dropped.

                An association lasts TIMEOUT seconds after the address was last seen as a source. Time is \
                the packets' timestamp annotation, as in Click. TIMEOUT 0 makes a dumb hub that learns \
                nothing. The table is kept over a hot swap.""",
        arguments = @ElementDoc.Argument(name = "TIMEOUT", description = """
                Time in seconds (rounded to whole seconds). How long an association lasts without traffic \
                from the address. Default 300."""),
        handlers = {
            @ElementDoc.Handler(name = "table", description = """
                    The associations, one per line: the Ethernet address and its port, separated by a space."""),
            @ElementDoc.Handler(name = "timeout", mode = "read/write", description = "The TIMEOUT, in seconds.")
        },
        example = """
                s :: EtherSwitch;
                FromDevice(eth0) -> [0]s[0] -> Queue -> ToDevice(eth0);
                FromDevice(eth1) -> [1]s[1] -> Queue -> ToDevice(eth1);""",
        seeAlso = {"Hub", "ListenEtherSwitch", "EtherSpanTree"})
public final class EtherSwitch extends Element {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int FLOOD = -1;
    private static final int DROP = -2;

    private final MacTable table = new MacTable();
    private long timeoutSeconds = 300;
    private OutputBatches outputs;
    private int[] targets = new int[PacketBatch.DEFAULT_CAPACITY];

    @Override
    public String portCount() {
        return "2-/=";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public String flowCode() {
        return "#/[^#]";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long timeout = args.read("TIMEOUT", ArgTypes.TIME, 300 * NANOS_PER_SECOND);
        args.complete();
        timeoutSeconds = wholeSeconds(timeout);
    }

    /** TIMEOUT in nanoseconds, saturated (a timeout of centuries never expires). */
    private long timeoutNanos() {
        return timeoutSeconds > Long.MAX_VALUE / NANOS_PER_SECOND ? Long.MAX_VALUE : timeoutSeconds * NANOS_PER_SECOND;
    }

    private static long wholeSeconds(long nanos) {
        return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND >= NANOS_PER_SECOND / 2 ? 1 : 0);
    }

    @Override
    public void initialize() {
        outputs = new OutputBatches(this);
    }

    @Override
    public void push(int source, PacketBatch batch) {
        int size = batch.size();
        if (targets.length < size) {
            targets = new int[batch.capacity()]; // once per larger batch capacity, not per packet
        }
        int[] target = targets;
        Packet[] packets = batch.array();
        long timeout = timeoutNanos();
        boolean oneWay = size > 0;
        for (int i = 0; i < size; i++) {
            target[i] = decide(source, packets[i], timeout);
            oneWay &= target[i] == target[0];
        }
        if (oneWay && target[0] >= 0) {
            output(target[0]).push(batch); // the common case: the whole batch goes to one known port
            return;
        }
        for (int i = 0; i < size; i++) {
            Packet packet = batch.get(i);
            int out = target[i];
            if (out == FLOOD) {
                Hub.flood(this, outputs, source, packet);
            } else if (out == DROP) {
                packet.kill();
            } else {
                outputs.add(out, packet);
            }
        }
        batch.clear();
        outputs.flush();
    }

    /**
     * Learns from {@code packet}, arrived on {@code source}, and says where it goes: an output port, FLOOD
     * (unknown or group destination, or learning off) or DROP (its own port, or too short to switch).
     */
    private int decide(int source, Packet packet, long timeout) {
        if (packet.length() < 12) {
            return DROP;
        }
        if (timeout == 0) {
            return FLOOD;
        }
        long stamp = packet.timestampNanos();
        // Both addresses in two reads: destination in bytes 0-5, source in bytes 6-11.
        long first = packet.getLong(0);
        long destination = first >>> 16;
        table.put((first & 0xFFFF) << 32 | Integer.toUnsignedLong(packet.getInt(8)), source, stamp);
        if (EtherAddress.isGroup(destination)) {
            return FLOOD;
        }
        int slot = table.find(destination);
        if (slot < 0) {
            return FLOOD;
        }
        if (stamp - table.stamp(slot) >= timeout) { // Click: valid while stamp < seen + TIMEOUT
            table.removeAt(slot);
            return FLOOD;
        }
        int out = table.port(slot);
        return out == source ? DROP : out;
    }

    /** The port {@code address} is associated with, or -1. */
    public int portOf(long address) {
        int slot = table.find(address);
        return slot < 0 ? -1 : table.port(slot);
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("table", this::tableText);
        handlers.addReadWrite("timeout", () -> Long.toString(timeoutSeconds), value -> {
            try {
                timeoutSeconds = wholeSeconds(ArgTypes.TIME.parse(value.strip(), null));
            } catch (IllegalArgumentException e) {
                throw new HandlerException("expected timeout (integer)");
            }
        });
    }

    private String tableText() {
        StringBuilder text = new StringBuilder();
        for (int slot = 0; slot < table.capacity(); slot++) {
            long address = table.address(slot);
            if (address >= 0) {
                text.append(EtherAddress.format(address)).append(' ').append(table.port(slot)).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void saveState(ElementState state) {
        long[] addresses = new long[table.size()];
        long[] ports = new long[table.size()];
        long[] stamps = new long[table.size()];
        int n = 0;
        for (int slot = 0; slot < table.capacity(); slot++) {
            if (table.address(slot) >= 0) {
                addresses[n] = table.address(slot);
                ports[n] = table.port(slot);
                stamps[n] = table.stamp(slot);
                n++;
            }
        }
        state.put("addresses", addresses);
        state.put("ports", ports);
        state.put("stamps", stamps);
    }

    /** Takes the old switch's associations, except those for ports this switch does not have. */
    @Override
    public void takeState(ElementState state) {
        long[] addresses = state.get("addresses", long[].class);
        long[] ports = state.get("ports", long[].class);
        long[] stamps = state.get("stamps", long[].class);
        if (addresses == null || ports == null || stamps == null) {
            return;
        }
        for (int i = 0; i < addresses.length; i++) {
            if (ports[i] < inputCount()) {
                table.put(addresses[i], (int) ports[i], stamps[i]);
            }
        }
    }
}
