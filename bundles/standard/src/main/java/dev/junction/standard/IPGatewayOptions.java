package dev.junction.standard;

import dev.junction.packet.Packet;
import dev.junction.sched.Clock;

/**
 * A gateway's processing of IP options, shared by IPGWOptions and IPOutputCombo: Record Route and Timestamp
 * options get this router's address and time; a malformed option is a parameter problem.
 */
final class IPGatewayOptions {
    /** {@link #process} changed nothing. */
    static final int UNCHANGED = -1;
    /** {@link #process} changed the options; the header checksum must be recomputed. */
    static final int CHANGED = -2;

    private static final int EOL = 0;
    private static final int NOP = 1;
    private static final int RR = 7;
    private static final int TS = 68;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IPGatewayOptions() {
    }

    /**
     * Processes the options of the {@code headerLength}-byte IP header at {@code offset} (the caller checked that
     * it fits in the data). Returns {@link #UNCHANGED}, {@link #CHANGED}, or the offset in the header of the
     * byte that is wrong (for the ICMP parameter problem pointer). Timestamps are milliseconds since midnight
     * UT of the clock's wall time, as RFC 791 asks. Never throws.
     */
    static int process(Packet packet, int offset, int headerLength, int preferred, int[] myAddresses, Clock clock) {
        boolean changed = false;
        int option = IPHeaders.MIN_HEADER;
        while (option < headerLength) {
            int type = packet.getUnsignedByte(offset + option);
            if (type == NOP) {
                option++;
                continue;
            } else if (type == EOL) {
                break;
            }
            int length = option + 1 < headerLength ? packet.getUnsignedByte(offset + option + 1) : 0;
            if (length < 2 || option + length > headerLength) {
                return option + 1; // points at the length
            } else if (type != RR && type != TS) {
                option += length;
                continue;
            }
            int start = offset + option;
            int pointer = IPHeaders.byteAt(packet, start + 2) - 1;
            if (type == RR) {
                if (pointer >= 3 && pointer + 4 <= length) {
                    packet.setInt(start + pointer, preferred);
                    packet.setByte(start + 2, pointer + 1 + 4);
                    changed = true;
                } else if (pointer != length) {
                    return option + 2;
                }
            } else {
                int flagsByte = IPHeaders.byteAt(packet, start + 3);
                int overflow = flagsByte >>> 4;
                int flag = flagsByte & 0xf;
                boolean overflowed = false;
                if (pointer < 4) {
                    return option + 2;
                } else if (flag == 0) {
                    if (pointer + 4 <= length) {
                        packet.setInt(start + pointer, millisToday(clock));
                        packet.setByte(start + 2, pointer + 1 + 4);
                        changed = true;
                    } else {
                        overflowed = true;
                    }
                } else if (flag == 1) {
                    if (pointer + 8 <= length) {
                        packet.setInt(start + pointer, preferred);
                        packet.setInt(start + pointer + 4, millisToday(clock));
                        packet.setByte(start + 2, pointer + 1 + 8);
                        changed = true;
                    } else {
                        overflowed = true;
                    }
                } else if (flag == 3 && pointer + 8 <= length) {
                    if (IPHeaders.contains(myAddresses, packet.getInt(start + pointer))) {
                        packet.setInt(start + pointer + 4, millisToday(clock));
                        packet.setByte(start + 2, pointer + 1 + 8);
                        changed = true;
                    }
                } else {
                    return option + 3;
                }
                if (overflowed) {
                    if (overflow < 15) {
                        packet.setByte(start + 3, (overflow + 1) << 4 | flag);
                        changed = true;
                    } else {
                        return option + 3;
                    }
                }
            }
            option += length;
        }
        return changed ? CHANGED : UNCHANGED;
    }

    private static int millisToday(Clock clock) {
        return (int) ((clock.epochNanos() / 1_000_000L) % MILLIS_PER_DAY);
    }
}
