package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared rate arithmetic: TokenBucket, GapRate, and the printing of bandwidths and intervals. */
class TokenBucketTest {
    @Test
    void bucketRefillsAtTheRateUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket();
        bucket.assign(1000, 20);
        bucket.fill(0);
        assertEquals(20, bucket.tokens());
        bucket.remove(25);
        assertEquals(0, bucket.tokens(), "never below zero");
        assertEquals(1_000_000, bucket.nanosUntilContains(1));
        assertEquals(7, bucket.refill(7_500_000));
        assertEquals(20, bucket.refill(1_000_000_000));
        assertEquals(-1, bucket.nanosUntilContains(21), "more than it holds");
    }

    @Test
    void largestRatesAndIdleTimesDoNotOverflow() {
        TokenBucket bucket = new TokenBucket();
        bucket.assign(0xFFFF_FFFFL, 0xFFFF_FFFFL);
        bucket.set(0, 0);
        assertEquals(0xFFFF_FFFFL, bucket.refill(Long.MAX_VALUE / 2));
        assertTrue(bucket.contains(0xFFFF_FFFFL));
        bucket.assign(0, 5);
        bucket.set(0, 0);
        assertEquals(0, bucket.refill(Long.MAX_VALUE / 2), "rate 0 never refills");
        assertEquals(-1, bucket.nanosUntilContains(1));
    }

    @Test
    void gapRateAllowsRatePerSecond() {
        GapRate rate = new GapRate();
        rate.setRate(4, 0);
        long allowed = 0;
        for (long t = 0; t < 1_000_000_000L; t += 1_000_000) {
            long allowance = rate.allowance(t);
            if (allowance > 0) {
                rate.add(1);
                allowed++;
            }
        }
        assertEquals(4, allowed);
        rate.setRate(0, 0);
        rate.reset();
        assertTrue(rate.allowance(5) > 0, "as in Click, one unit may go right after a reset, even at rate 0");
        rate.add(1);
        assertFalse(rate.allowance(5_000_000_000L) > 0, "but no more, ever");
    }

    @Test
    void clickFormats() {
        assertEquals("10Mbps", Bandwidths.format(1_250_000));
        assertEquals("1.5Gbps", Bandwidths.format(187_500_000));
        assertEquals("4000MBps", Bandwidths.format(4_000_000_000L));
        assertEquals("8kbps", Bandwidths.format(1000));
        assertEquals("20ms", Intervals.format(20_000_000));
        assertEquals("250us", Intervals.format(250_000));
        assertEquals("7ns", Intervals.format(7));
        assertEquals("0ms", Intervals.format(0));
        assertEquals("2.000000s", Intervals.format(2_000_000_000L));
    }
}
