package dev.junction.standard;

/**
 * Click's token bucket ({@code TokenBucket}: {@code TokenRateX} and {@code TokenCounterX} over jiffies), with
 * its 32-bit fixed-point arithmetic, so that elements built on it admit exactly the packets Click admits.
 *
 * <p>Tokens are held as fractions of {@code 2^32 - 1}: one token is worth {@code tokenScale} units, the bucket
 * holds at most {@code 2^32 - 1} units (its capacity in tokens times the scale, rounded down), and every tick
 * (a millisecond of the router's clock, Click's user-level jiffy) adds {@code tokensPerTick} units. Values are
 * unsigned 32-bit numbers kept in longs.
 *
 * <p>One difference: Click's bucket starts empty at time 0 and its first refill, a long time later, fills it;
 * this one fills on its first refill directly (unless the rate is 0), which is what Click does in practice.
 */
final class TokenBucket {
    /** Click's {@code max_tokens}: the most units a bucket holds. */
    static final long MAX_UNITS = 0xFFFF_FFFFL;
    /** Ticks per second: Click's CLICK_HZ at user level. */
    static final long TICKS_PER_SECOND = 1000;
    private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;

    // The rate (TokenRateX).
    private long tokensPerTick;
    private long tokenScale = 1;
    private long ticksUntilFull = MAX_UNITS;

    // The counter (TokenCounterX).
    private long units;
    private long tick;
    private boolean refilled;

    /** Sets the rate in tokens per second and the capacity in tokens, as Click's {@code assign}; keeps the contents. */
    void assign(long rate, long capacity) {
        if (capacity == 0) {
            rate = 0;
            capacity = MAX_UNITS;
        }
        if (rate != 0) {
            long minimumCapacity = (rate - 1) / TICKS_PER_SECOND + 1; // keeps tokensPerTick within 32 bits
            capacity = Math.max(capacity, minimumCapacity);
        }
        tokenScale = MAX_UNITS / capacity;
        long perTick = Long.divideUnsigned(rate * tokenScale, TICKS_PER_SECOND); // the product fits in 64 bits unsigned
        if (rate != 0) {
            tokensPerTick = perTick != 0 ? perTick : 1;
            ticksUntilFull = (MAX_UNITS - 1) / tokensPerTick + 1;
        } else {
            tokensPerTick = 0;
            ticksUntilFull = MAX_UNITS;
        }
    }

    /** The rate in tokens per second, as Click computes it back from the units per tick. */
    long rate() {
        long scaled = tokensPerTick * TICKS_PER_SECOND + tokensPerTick / 2;
        long rate = Long.divideUnsigned(scaled, tokenScale);
        return Long.compareUnsigned(rate, MAX_UNITS) > 0 ? MAX_UNITS : rate;
    }

    /** The capacity in tokens. */
    long capacity() {
        return MAX_UNITS / tokenScale;
    }

    /** Whole tokens in the bucket. */
    long size() {
        return units / tokenScale;
    }

    /** Adds the tokens of the ticks elapsed up to clock time {@code nowNanos} (Click's {@code refill}). */
    void refill(long nowNanos) {
        long now = Math.floorDiv(nowNanos, NANOS_PER_TICK);
        if (tokensPerTick == 0) {
            tick = now;
            return;
        }
        long elapsed = refilled ? now - tick : Long.MAX_VALUE;
        if (elapsed >= ticksUntilFull) {
            units = MAX_UNITS;
        } else if (elapsed > 0) {
            units = Math.min(MAX_UNITS, units + elapsed * tokensPerTick);
        }
        tick = now;
        refilled = true;
    }

    /**
     * Takes up to {@code wanted} whole tokens, as many calls of Click's {@code remove_if(1)} would; returns
     * how many were taken.
     */
    int removeUpTo(int wanted) {
        long available = units / tokenScale;
        int taken = (int) Math.min(wanted, available);
        units -= taken * tokenScale;
        return taken;
    }

    /** The state to carry across a hot swap: units, tick, whether refilled. */
    long[] save() {
        return new long[] {units, tick, refilled ? 1 : 0};
    }

    /** Takes what {@link #save()} gave; ignores anything else. */
    void restore(long[] saved) {
        if (saved != null && saved.length == 3) {
            units = Math.min(MAX_UNITS, saved[0]);
            tick = saved[1];
            refilled = saved[2] != 0;
        }
    }
}
