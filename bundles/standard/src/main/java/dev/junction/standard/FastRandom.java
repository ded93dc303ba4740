package dev.junction.standard;

/**
 * A small, fast pseudo-random generator (SplitMix64) for per-packet decisions: one element owns one and uses
 * it from one thread at a time, so it needs neither atomics nor thread-local look-ups. Not for cryptography.
 */
final class FastRandom {
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private long state;

    /** A generator seeded from the clock and the instance's identity, so that elements differ. */
    FastRandom() {
        state = System.nanoTime() ^ ((long) System.identityHashCode(this) << 32);
    }

    /** A generator with a fixed seed, for tests. */
    FastRandom(long seed) {
        state = seed;
    }

    /** The next 64 random bits. */
    long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The next 32 random bits. */
    int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** A uniform number from 0 to {@code bound} - 1 ({@code bound} > 0), by Lemire's multiply-shift. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }
}
