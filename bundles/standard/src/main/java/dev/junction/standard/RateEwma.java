package dev.junction.standard;

/**
 * A rate measured as an exponentially weighted moving average over epochs of one millisecond, with Click's
 * arithmetic (its {@code RateEWMAX} over jiffies at 1000 Hz), so that rate handlers print what Click prints.
 *
 * <p>Events are added to the current epoch; when the epoch changes, its count is folded into the average
 * (alpha = 2<sup>-stabilityShift</sup>, {@code scale} bits of fraction) and every epoch that passed without
 * events folds in a zero. The caller passes the clock reading, so that an element reads the clock once per
 * batch rather than once per packet.
 */
final class RateEwma {
    /** Epochs per second: Click's user-level jiffies. */
    static final long EPOCHS_PER_SECOND = 1000;
    private static final long NANOS_PER_EPOCH = 1_000_000_000L / EPOCHS_PER_SECOND;
    /** From this many idle epochs on, Click sets the average straight to the new value. */
    private static final long IDLE_EPOCHS_RESET = 100;

    private final int stabilityShift;
    private final int scale;
    private long scaledAverage;
    private long epoch;
    private long currentCount;

    /** A rate with alpha 2<sup>-stabilityShift</sup> and {@code scale} bits of fraction, starting at 0. */
    RateEwma(int stabilityShift, int scale, long nowNanos) {
        this.stabilityShift = stabilityShift;
        this.scale = scale;
        this.epoch = epochOf(nowNanos);
    }

    /** Adds {@code events} at clock time {@code nowNanos}; 0 just brings the average up to date. */
    void update(long events, long nowNanos) {
        long now = epochOf(nowNanos);
        if (now != epoch) {
            fold(currentCount);
            long idle = now - epoch - 1;
            if (idle >= IDLE_EPOCHS_RESET) {
                scaledAverage = 0;
            } else {
                for (long i = 0; i < idle; i++) {
                    fold(0);
                }
            }
            currentCount = 0;
            epoch = now;
        }
        currentCount += events;
    }

    /** The average in events per epoch, with {@code scale} bits of fraction (Click's {@code scaled_average}). */
    long scaledAverage() {
        return scaledAverage;
    }

    /** The average in events per second, as Click prints it (fixed point, as many digits as are exact). */
    String format() {
        return formatScaled(scaledAverage * EPOCHS_PER_SECOND, scale);
    }

    /** The average times 8 per second: bits per second for a rate of bytes, as Click's {@code bit_rate}. */
    String formatTimesEight() {
        // Click shifts the point instead of multiplying where it can, which keeps large rates from overflowing.
        return scale >= 3 ? formatScaled(scaledAverage * EPOCHS_PER_SECOND, scale - 3)
                : formatScaled(scaledAverage * EPOCHS_PER_SECOND * 8, scale);
    }

    /** The state to carry across a hot swap: average, epoch, events of the current epoch. */
    long[] save() {
        return new long[] {scaledAverage, epoch, currentCount};
    }

    /** Takes the state {@link #save()} gave; ignores anything else. */
    void restore(long[] saved) {
        if (saved != null && saved.length == 3) {
            scaledAverage = saved[0];
            epoch = saved[1];
            currentCount = saved[2];
        }
    }

    private void fold(long observation) {
        long compensation = 1L << (stabilityShift - 1); // rounds the shift to nearest instead of down
        long scaledObservation = (observation << scale) + compensation;
        scaledAverage += (scaledObservation - scaledAverage) >> stabilityShift;
    }

    private static long epochOf(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_EPOCH);
    }

    /**
     * A fixed-point number with {@code fractionBits} bits of fraction in decimal, as Click's
     * {@code cp_unparse_real2}: the integer part, then as many decimals as are needed to read the same fixed
     * point number back (Knuth's {@code print_scaled}), none if the fraction is 0.
     */
    static String formatScaled(long scaled, int fractionBits) {
        if (scaled < 0) {
            return "-" + formatScaled(-scaled, fractionBits);
        }
        StringBuilder text = new StringBuilder().append(scaled >>> fractionBits);
        long one = 1L << fractionBits;
        long fraction = scaled & (one - 1);
        if (fraction == 0) {
            return text.toString();
        }
        text.append('.');
        fraction = 10 * fraction + 5;
        long allowableInaccuracy = 10;
        long inaccuracyRounder = 5;
        while (inaccuracyRounder < (one >> 1)) {
            inaccuracyRounder *= 10;
        }
        do {
            if (allowableInaccuracy > one) {
                fraction += (one >> 1) - inaccuracyRounder;
            }
            text.append((char) ('0' + (fraction >> fractionBits)));
            fraction = 10 * (fraction & (one - 1));
            allowableInaccuracy *= 10;
        } while (fraction > allowableInaccuracy);
        return text.toString();
    }
}
