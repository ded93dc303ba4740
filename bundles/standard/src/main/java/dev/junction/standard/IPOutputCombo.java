package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** IPOutputCombo: DropBroadcasts, PaintTee, IPGWOptions, FixIPSrc, DecIPTTL and the MTU test in one element. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("IPOutputCombo")
@ElementDoc(
        synopsis = "IPOutputCombo(COLOR, IPADDR, MTU)",
        category = "ip",
        summary = "output combination for IP routing",
        description = """
                Does the work of DropBroadcasts -> PaintTee(COLOR) -> IPGWOptions(IPADDR) -> FixIPSrc(IPADDR) \
                -> DecIPTTL -> (length test against MTU) in one element, as click-xform substitutes it in IP \
                router configurations. Expects IP packets with a marked network header.

                Link-level broadcasts and multicasts are dropped. A packet painted COLOR is copied to output \
                1 (for an ICMP redirect) and goes on. A packet with a bad option gets the ICMP \
                parameter-problem annotation and goes to output 2. Record Route and Timestamp options are \
                filled in and the source set to IPADDR when the fix-IP-source annotation asks for it. A \
                packet whose TTL expires goes to output 3; the others have their TTL decremented. A packet \
                longer than MTU bytes goes to output 4 (connect an IPFragmenter there); the rest to output 0.

                Packets without a usable network header are dropped and counted. Push only; one input, five \
                outputs.""",
        arguments = {
            @ElementDoc.Argument(name = "COLOR", description = "Integer 0-255. The paint that asks for a redirect."),
            @ElementDoc.Argument(name = "IPADDR", description = "IP address. The outgoing interface's address."),
            @ElementDoc.Argument(name = "MTU", description = "Unsigned. The outgoing interface's MTU.")
        },
        handlers = @ElementDoc.Handler(name = "drops", description = """
                Number of packets dropped: link broadcasts and packets without a usable header (a Junction \
                addition; Click's IPOutputCombo has no handlers)."""),
        example = "rt[1] -> oc :: IPOutputCombo(1, 18.26.4.24, 1500) -> ...; oc[4] -> IPFragmenter(1500) -> ...",
        seeAlso = {"DropBroadcasts", "PaintTee", "IPGWOptions", "FixIPSrc", "DecIPTTL", "IPFragmenter", "IPInputCombo"})
public final class IPOutputCombo extends Element {
    private static final int OUTPUTS = 5;
    private static final int REDIRECT = 1;
    private static final int BAD_OPTIONS = 2;
    private static final int EXPIRED = 3;
    private static final int TOO_BIG = 4;

    private int color;
    private int address;
    private int[] addresses;
    private long mtu;
    private long drops;
    private OutputBatches gatherer;

    @Override
    public String portCount() {
        return "1/5";
    }

    @Override
    public String processing() {
        return "h/h";
    }

    @Override
    public void configure(Args args) throws ConfigurationException {
        Integer configuredColor = args.requirePositional("COLOR", ArgTypes.integer(0, 255));
        Integer configuredAddress = args.requirePositional("IPADDR", ArgTypes.IPV4_ADDRESS);
        Long configuredMtu = args.requirePositional("MTU", ArgTypes.UNSIGNED);
        args.complete();
        color = configuredColor;
        address = configuredAddress;
        addresses = new int[] {address};
        mtu = configuredMtu;
    }

    @Override
    public void initialize() {
        gatherer = new OutputBatches(this);
    }

    @Override
    public void push(int port, PacketBatch batch) {
        for (int i = 0, size = batch.size(); i < size; i++) {
            route(batch.get(i));
        }
        batch.clear();
        gatherer.flush();
    }

    private void emit(int port, Packet packet) {
        gatherer.add(port, packet);
    }

    private void route(Packet packet) {
        if (IPHeaders.isLinkBroadcast(packet)) { // DropBroadcasts
            drops++;
            packet.kill();
            return;
        }
        if (packet.paint() == color) { // PaintTee
            Packet copy = packet.copy();
            if (copy != null) {
                emit(REDIRECT, copy);
            }
        }
        int header = IPHeaders.networkHeader(packet);
        if (header < 0) {
            drops++;
            packet.kill();
            return;
        }
        int headerLength = IPHeaders.headerLength(packet, header);
        boolean recompute = false;
        if (headerLength > IPHeaders.MIN_HEADER) { // IPGWOptions
            int result = IPGatewayOptions.process(packet, header, headerLength, address, addresses,
                    context().clock());
            if (result >= 0) {
                IPHeaders.setParamProblem(packet, result);
                emit(BAD_OPTIONS, packet);
                return;
            }
            recompute = result == IPGatewayOptions.CHANGED;
        }
        if (IPHeaders.fixIpSrc(packet)) { // FixIPSrc
            IPHeaders.fixSource(packet, header, address);
            recompute = true;
        }
        if (recompute) {
            IPHeaders.setChecksum(packet, header, headerLength);
        }
        int word = packet.getInt(header + 8); // DecIPTTL
        if (word >>> 24 <= 1) {
            emit(EXPIRED, packet);
            return;
        }
        IPHeaders.decrementTtl(packet, header, word);
        emit(packet.length() > mtu ? TOO_BIG : 0, packet);
    }

    /** Packets dropped. */
    public long drops() {
        return drops;
    }

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addRead("drops", () -> Long.toString(drops));
    }
}
