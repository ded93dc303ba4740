package dev.junction.standard;

import dev.junction.element.ConfigurationException;
import dev.junction.element.ElementContext;
import dev.junction.element.HandlerException;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What the packet sources of this package (InfiniteSource, RatedSource) share: their data and their STOP. */
final class Sources {
    /** Click's default DATA, kept byte for byte: byte counts in Click's tests depend on its length. */
    static final String DEFAULT_DATA = "Random bullshit in a packet, at least 64 bytes long. Well, now it is.";

    private Sources() {
    }

    /** The packet data: DATA, cut to {@code length} or repeated to fill it when {@code length} is not negative. */
    static byte[] packetData(String data, int length) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1); // unquoted config text holds bytes as chars
        if (length < 0) {
            return bytes;
        }
        byte[] sized = Arrays.copyOf(bytes, length);
        for (int at = bytes.length; bytes.length > 0 && at < length; at += bytes.length) {
            System.arraycopy(bytes, 0, sized, at, Math.min(bytes.length, length - at));
        }
        return sized;
    }

    /** Why packets of {@code bytes} cannot come from {@code pool}, or {@code null} if they fit. */
    private static String misfit(PacketPool pool, byte[] bytes) {
        int room = pool.bufferSize() - pool.headroom();
        return bytes.length <= room ? null
                : "packet data of " + bytes.length + " bytes does not fit in the pool's packets (" + room
                        + " bytes after headroom)";
    }

    /**
     * Writes {@code bytes} into packets {@code from..size-1} of {@code packets}, fresh from the pool, and sets
     * their timestamp annotation to {@code timestamp} (0 leaves it unset).
     */
    static void fill(PacketBatch packets, int from, MemorySegment bytes, long timestamp) {
        int length = (int) bytes.byteSize();
        Packet[] array = packets.array();
        for (int i = from, size = packets.size(); i < size; i++) {
            Packet packet = array[i];
            packet.put(length);
            packet.setBytes(0, bytes, 0, length);
            packet.setTimestampNanos(timestamp);
        }
    }

    /**
     * A source's packet data: the bytes, and the same bytes in native memory, which {@link #fill} copies into
     * each packet (a copy between native segments is cheaper than one from a Java array).
     */
    record Template(byte[] bytes, MemorySegment segment) {
        /** DATA cut to or repeated to {@code length} (as is when negative); see {@link #packetData}. */
        static Template of(String data, int length) {
            byte[] bytes = packetData(data, length);
            MemorySegment segment = Arena.ofAuto().allocate(Math.max(1, bytes.length)).asSlice(0, bytes.length);
            MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
            return new Template(bytes, segment);
        }

        /** Why these packets cannot come from {@code pool}, or {@code null} if they fit. */
        String misfit(PacketPool pool) {
            return Sources.misfit(pool, bytes);
        }

        /** The template a data or length handler writes: refused (the old one stays) if it does not fit. */
        static Template forHandler(ElementContext context, String data, int length) throws HandlerException {
            Template template = of(data, length);
            String misfit = template.misfit(context.packetPool());
            if (misfit != null) {
                throw new HandlerException(misfit);
            }
            return template;
        }

        /** The template of a configuration, checked against the pool at initialize. */
        void checkFits(PacketPool pool) throws ConfigurationException {
            String misfit = misfit(pool);
            if (misfit != null) {
                throw new ConfigurationException(misfit);
            }
        }
    }

    /** Click's STOP: asks the router to stop by writing its stop handler; a refusal becomes a warning. */
    static void stopRouter(ElementContext context) {
        try {
            context.writeHandler("stop", "");
        } catch (HandlerException e) {
            context.warning("STOP: " + e.getMessage());
        }
    }
}
