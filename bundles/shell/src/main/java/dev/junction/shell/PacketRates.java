package dev.junction.shell;

import dev.junction.router.ElementStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code top} refreshes: each element's packets in and out so far (summed over its ports) and
 * their rates since the previous sample, its failures and whether it is orphaned.
 */
final class PacketRates {
    private PacketRates() {
    }

    /** The elements' statuses at one instant, {@code nanoTime} from {@link System#nanoTime()}. */
    record Sample(long nanoTime, List<ElementStatus> statuses) {
        /** Copies the list. */
        Sample {
            statuses = List.copyOf(statuses);
        }
    }

    /**
     * The table for {@code current}, with rates against {@code previous} ({@code -} for an element that was
     * not in {@code previous}, as after a swap that added it).
     */
    static String table(Sample previous, Sample current) {
        double seconds = (current.nanoTime() - previous.nanoTime()) / 1e9;
        Map<String, ElementStatus> before = new HashMap<>();
        previous.statuses().forEach(status -> before.put(status.name(), status));
        TextTable table = TextTable.withColumns("ELEMENT", "CLASS", "IN", "OUT", "IN/s", "OUT/s", "FAILURES", "STATE")
                .alignRight(2).alignRight(3).alignRight(4).alignRight(5).alignRight(6);
        for (ElementStatus status : current.statuses()) {
            long in = sum(status.inputPackets());
            long out = sum(status.outputPackets());
            ElementStatus old = before.get(status.name());
            table.add(status.name(), status.className(), in, out,
                    old == null ? "-" : rate(in - sum(old.inputPackets()), seconds),
                    old == null ? "-" : rate(out - sum(old.outputPackets()), seconds),
                    status.failures(), status.orphaned() ? "orphaned" : "");
        }
        return table.render();
    }

    /** Packets per second, whole; a counter that went back (a reset, a swap) shows as 0. */
    static String rate(long packets, double seconds) {
        if (seconds <= 0) {
            return "-";
        }
        return String.valueOf(Math.round(Math.max(0, packets) / seconds));
    }

    private static long sum(List<Long> packets) {
        long total = 0;
        for (long count : packets) {
            total += count;
        }
        return total;
    }
}
