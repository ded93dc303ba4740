package dev.junction.standard;

/**
 * Click's token bucket ({@code TokenBucket}: a {@code TokenRateX} and a {@code TokenCounterX}) in longs:
 * tokens come in at {@code rate} per second up to {@code capacity}, a refill adds what the time since the last
 * one earned, {@link #remove} takes tokens but never below zero. Click counts in clock ticks (milliseconds at
 * user level); this bucket counts to the nanosecond, holding its credit in token-nanoseconds (a token is
 * worth 10<sup>9</sup>, a nanosecond adds {@code rate}), so no rate or capacity Click accepts overflows.
 *
 * <p>The caller passes the clock reading, so that an element reads the clock once per batch.
 */
final class TokenBucket {
    /** Credit per token: a nanosecond at {@code rate} tokens per second adds {@code rate} of it. */
    static final long TOKEN = 1_000_000_000L;
    /** Click's largest rate and capacity (unsigned 32-bit). */
    static final long MAX_UNITS = 0xFFFF_FFFFL;

    private long rate;
    private long capacity;
    private long credit;
    private long refilledAt;

    /** Click's {@code assign(rate, capacity)}: the rate in tokens per second, the capacity in tokens (at least 1). */
    void assign(long newRate, long capacityTokens) {
        rate = newRate;
        capacity = Math.clamp(capacityTokens, 1, Long.MAX_VALUE / TOKEN) * TOKEN;
        credit = Math.min(credit, capacity);
    }

    /** Tokens per second. */
    long rate() {
        return rate;
    }

    /** The capacity in tokens. */
    long capacity() {
        return capacity / TOKEN;
    }

    /**
     * Fills the bucket as of {@code now}. Click's bucket starts empty with its time point at the clock's origin,
     * so that its first refill fills it: this is that first refill. A bucket of rate 0 stays empty, as Click's
     * (its refill never adds anything).
     */
    void fill(long now) {
        credit = rate == 0 ? 0 : capacity;
        refilledAt = now;
    }

    /** Click's {@code set(t)}: {@code tokens} tokens (at most the capacity), counted from {@code now}. */
    void set(long tokens, long now) {
        credit = Math.min(Math.min(tokens, Long.MAX_VALUE / TOKEN) * TOKEN, capacity);
        refilledAt = now;
    }

    /** Adds the tokens earned since the last refill; returns the whole tokens in the bucket. */
    long refill(long now) {
        long elapsed = now - refilledAt;
        refilledAt = now;
        if (elapsed > 0 && rate > 0) {
            long room = capacity - credit;
            // Capped before multiplying, so that a long idle time cannot overflow.
            credit = elapsed >= room / rate + 1 ? capacity : credit + elapsed * rate;
        }
        return credit / TOKEN;
    }

    /** Whole tokens in the bucket (as of the last refill). */
    long tokens() {
        return credit / TOKEN;
    }

    /** Whether the bucket holds at least {@code tokens} tokens. */
    boolean contains(long tokens) {
        return credit / TOKEN >= tokens;
    }

    /** Takes {@code tokens} tokens out, leaving zero if there were fewer. */
    void remove(long tokens) {
        credit = tokens >= credit / TOKEN + 1 ? 0 : credit - tokens * TOKEN;
    }

    /** Nanoseconds until the bucket holds {@code tokens} tokens; 0 if it does, -1 if it never will. */
    long nanosUntilContains(long tokens) {
        if (contains(tokens)) {
            return 0;
        }
        if (rate == 0 || tokens > capacity / TOKEN) {
            return -1;
        }
        return (tokens * TOKEN - credit + rate - 1) / rate;
    }

    /**
     * Takes up to {@code wanted} whole tokens, as many calls of Click's {@code remove_if(1)} would; returns how
     * many were taken.
     */
    int removeUpTo(int wanted) {
        int taken = (int) Math.min(wanted, credit / TOKEN);
        credit -= taken * TOKEN;
        return taken;
    }

    /** The state to carry across a hot swap: the credit and the time of the last refill. */
    long[] save() {
        return new long[] {credit, refilledAt};
    }

    /** Takes what {@link #save()} gave (the credit capped at this bucket's capacity); ignores anything else. */
    void restore(long[] saved) {
        if (saved != null && saved.length == 2) {
            credit = Math.min(saved[0], capacity);
            refilledAt = saved[1];
        }
    }
}
