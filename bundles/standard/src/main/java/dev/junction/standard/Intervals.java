package dev.junction.standard;

/** Click's way of printing a time interval ({@code Timestamp::unparse_interval}), for handlers. */
final class Intervals {
    private Intervals() {
    }

    /**
     * Under a second: whole milliseconds as {@code 20ms}, else microseconds {@code 250us}, else nanoseconds
     * {@code 7ns}; from a second up: seconds with six decimals, {@code 1.500000s} (nine if the value has
     * nanoseconds), as Click prints a Timestamp.
     */
    static String format(long nanos) {
        if (nanos < 1_000_000_000L) {
            if (nanos % 1_000_000 == 0) {
                return nanos / 1_000_000 + "ms";
            }
            return nanos % 1000 == 0 ? nanos / 1000 + "us" : nanos + "ns";
        }
        long seconds = nanos / 1_000_000_000L;
        long fraction = nanos % 1_000_000_000L;
        return fraction % 1000 == 0 ? String.format("%d.%06ds", seconds, fraction / 1000)
                : String.format("%d.%09ds", seconds, fraction);
    }
}
