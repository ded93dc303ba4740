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

    private final MacTable table = new MacTable();
    private long timeoutSeconds = 300;
    private OutputBatches outputs;

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

    private static long wholeSeconds(long nanos) {
        return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND >= NANOS_PER_SECOND / 2 ? 1 : 0);
    }

    @Override
    public void initialize() {
        outputs = new OutputBatches(this);
    }

    @Override
    public void push(int source, PacketBatch batch) {
        long timeout = timeoutSeconds * NANOS_PER_SECOND;
        for (int i = 0, size = batch.size(); i < size; i++) {
            Packet packet = batch.get(i);
            if (packet.length() < 12) {
                packet.kill();
                continue;
            }
            int out = -1;
            if (timeout != 0) {
                long stamp = packet.timestampNanos();
                table.put(packet.getUnsigned48(6), source, stamp);
                long destination = packet.getUnsigned48(0);
                if (!EtherAddress.isGroup(destination)) {
                    int slot = table.find(destination);
                    if (slot >= 0) {
                        if (stamp - table.stamp(slot) < timeout) { // Click: stamp < seen + TIMEOUT
                            out = table.port(slot);
                        } else {
                            table.removeAt(slot);
                        }
                    }
                }
            }
            if (out < 0) {
                Hub.flood(this, outputs, source, packet);
            } else if (out == source) {
                packet.kill();
            } else {
                outputs.add(out, packet);
            }
        }
        batch.clear();
        outputs.flush();
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
