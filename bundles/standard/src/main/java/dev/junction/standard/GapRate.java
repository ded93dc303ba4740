package dev.junction.standard;

/**
 * Click's {@code GapRate}, the pacing of Shaper and BandwidthShaper, with Click's arithmetic in longs (Click
 * keeps its per-second count in an {@code int}, which overflows at bandwidths above 2 GB/s; a long does not).
 *
 * <p>Within each second of the clock, the {@code need} at time {@code t} is the number of units (packets or
 * bytes) that RATE allows from the start of the second to {@code t}, computed as Click does from the
 * microseconds and a fixed-point gap of 2<sup>-12</sup> microseconds; a unit may go while {@code need} is at
 * least the count of units gone this second. At each new second the count drops by RATE (if it was positive),
 * so a backlog carries over but idle time does not earn credit.
 */
final class GapRate {
    static final int UGAP_SHIFT = 12;
    /** The largest rate: 2<sup>12</sup> units per microsecond. */
    static final long MAX_RATE = 1_000_000L << UGAP_SHIFT;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private long rate;
    private long ugap;
    private long secCount;
    private long currentSecond = -1;

    GapRate() {
        initializeRate(0);
    }

    private void initializeRate(long newRate) {
        rate = newRate;
        ugap = newRate == 0 ? MAX_RATE + 1 : MAX_RATE / newRate;
    }

    /** The rate in units per second. */
    long rate() {
        return rate;
    }

    /** Click's {@code set_rate}: at most {@link #MAX_RATE}; keeps the current second's progress. */
    void setRate(long newRate, long now) {
        long r = Math.min(newRate, MAX_RATE);
        if (rate != r) {
            initializeRate(r);
            if (currentSecond >= 0 && r != 0) {
                secCount = (micros(now) << UGAP_SHIFT) / ugap;
            }
        }
    }

    /** Starts over: the next check allows a unit unless the rate is 0. */
    void reset() {
        currentSecond = -1;
    }

    /**
     * Click's {@code need_update}, returned as an allowance: how many units may go at {@code now} before the
     * next one has to wait (the last one allowed may overshoot, as in Click); 0 or less means none.
     */
    long allowance(long now) {
        long second = Math.floorDiv(now, NANOS_PER_SECOND);
        long usec = micros(now);
        long need = (usec << UGAP_SHIFT) / ugap;
        if (currentSecond < 0) {
            currentSecond = second;
            // Rounded to the nearest unit, so that a packet may usually go right after a reset.
            secCount = need + (((usec << UGAP_SHIFT) - need * ugap) > ugap / 2 ? 1 : 0);
        } else if (second > currentSecond) {
            currentSecond = second;
            if (secCount > 0) {
                secCount -= rate;
            }
        }
        return need - secCount + 1;
    }

    /** Counts {@code units} gone (Click's {@code update_with}). */
    void add(long units) {
        secCount += units;
    }

    private static long micros(long now) {
        return Math.floorMod(now, NANOS_PER_SECOND) / 1000;
    }
}
