package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** HashSwitch: chooses each packet's output from a hash of some of its bytes. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("HashSwitch")
@ElementDoc(
        synopsis = "HashSwitch(OFFSET, LENGTH)",
        category = "classification",
        summary = "classifies packets by hash of contents",
        description = """
                Pushes each packet to an output chosen by a hash of the LENGTH bytes that start OFFSET bytes \
                into the packet, so that packets with equal bytes there always take the same output (a \
                building block of stochastic fair queueing). Push; one input, one or more outputs.

                The hash is Click's: the sum of the bytes; with 2, 4 or 8 outputs the output is that sum \
                XORed with itself shifted right by 4, masked to the output count; otherwise the sum modulo \
                the output count. A packet too short to hold the bytes goes to output 0.

                The packets of a batch are gathered per output and each output receives one push per \
                incoming batch.""",
        arguments = {
            @ElementDoc.Argument(name = "OFFSET", description = "Integer. Where the hashed bytes start. Mandatory."),
            @ElementDoc.Argument(name = "LENGTH", description = "Integer greater than 0. How many bytes. Mandatory.")
        },
        example = "... -> hs :: HashSwitch(16, 4);  hs[0] -> Queue -> a;  hs[1] -> Queue -> b;   // by IP destination",
        seeAlso = {"Switch", "RoundRobinSwitch", "RandomSwitch"})
public final class HashSwitch extends Element {
    private int offset;
    private int length;
    private OutputBatches batches;

    @Override
    public String portCount() {
        return "1/1-";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer configuredOffset = args.requirePositional("OFFSET", ArgTypes.INTEGER);
        Integer configuredLength = args.requirePositional("LENGTH", ArgTypes.INTEGER);
        args.complete();
        if (configuredLength == 0) {
            throw new ConfigurationException("length must be > 0");
        }
        offset = configuredOffset;
        length = configuredLength;
    }

    @Override
    public void initialize() {
        batches = new OutputBatches(this);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        Packet[] packets = batch.array();
        int size = batch.size();
        if (size == 0) {
            return;
        }
        int first = outputOf(packets[0]);
        int same = 1;
        while (same < size && outputOf(packets[same]) == first) {
            same++;
        }
        if (same == size) {
            output(first).push(batch);
            return;
        }
        for (int i = 0; i < same; i++) {
            batches.add(first, packets[i]);
        }
        for (int i = same; i < size; i++) {
            batches.add(outputOf(packets[i]), packets[i]);
        }
        batches.flush();
    }

    /** Click's hash of the packet's bytes, reduced to an output; output 0 for a packet too short. */
    private int outputOf(Packet packet) {
        int start = offset;
        int end = start + length;
        if (start < 0 || end > packet.length() || end < start) {
            return 0;
        }
        int sum = 0;
        for (int i = start; i < end; i++) {
            sum += packet.getUnsignedByte(i);
        }
        int outputs = outputCount();
        if (outputs == 2 || outputs == 4 || outputs == 8) {
            return (sum ^ (sum >> 4)) & (outputs - 1);
        }
        return sum % outputs;
    }
}
