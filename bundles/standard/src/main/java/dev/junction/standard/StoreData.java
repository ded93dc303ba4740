package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.SimpleAction;
import dev.junction.packet.Packet;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** StoreData: overwrites packet bytes from OFFSET with DATA. */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("StoreData")
@ElementDoc(
        synopsis = "StoreData(OFFSET, DATA)",
        category = "basicmod",
        summary = "changes packet data",
        description = """
                Writes DATA into every packet starting OFFSET bytes into it, and passes the packet on. Bytes \
                that would fall beyond the end of the packet are not written (the packet does not grow); a \
                packet no longer than OFFSET goes on unchanged. One input, one output, agnostic.""",
        arguments = {
            @ElementDoc.Argument(name = "OFFSET", description = "Unsigned. Where DATA starts in the packet."),
            @ElementDoc.Argument(name = "DATA", description = """
                    String. The bytes to write; use \\<hex> for binary data, for example \\<08 00 00 00>.""")
        },
        example = "Unstrip(8) -> StoreData(0, \\<08000000 00002a00>) -> UDPIPEncap(...)   // a VXLAN header, VNI 42",
        seeAlso = {"Unstrip", "StoreIPAddress"})
public final class StoreData extends SimpleAction {
    private int offset;
    private byte[] data = new byte[0];
    // DATA cut into big-endian longs, then the tail bytes: the common full store is a few 8-byte writes.
    private long[] words = new long[0];
    private int tail;

    @Override
    public void configure(Args args) throws ConfigurationException {
        Long configuredOffset = args.requirePositional("OFFSET", ArgTypes.UNSIGNED);
        String configuredData = args.requirePositional("DATA", ArgTypes.STRING);
        args.complete();
        offset = (int) Math.min(configuredOffset, Integer.MAX_VALUE);
        data = configuredData.getBytes(StandardCharsets.ISO_8859_1);
        words = new long[data.length / 8];
        for (int i = 0; i < words.length; i++) {
            long word = 0;
            for (int b = 0; b < 8; b++) {
                word = word << 8 | (data[i * 8 + b] & 0xFF);
            }
            words[i] = word;
        }
        tail = words.length * 8;
    }

    @Override
    protected Packet action(Packet packet) {
        int room = packet.length() - offset;
        if (room <= 0) {
            return packet;
        }
        if (room < data.length) {
            packet.setBytes(offset, data, 0, room);
            return packet;
        }
        long[] words = this.words;
        for (int i = 0; i < words.length; i++) {
            packet.setLong(offset + 8 * i, words[i]);
        }
        if (tail < data.length) {
            packet.setBytes(offset + tail, data, tail, data.length - tail);
        }
        return packet;
    }
}
