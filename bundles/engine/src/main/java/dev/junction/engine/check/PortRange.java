package dev.junction.engine.check;

/**
 * An inclusive range of port counts from one side of a port-count string: {@code 1-2} is {@code [1, 2]},
 * {@code 1-} and {@code -} have no upper bound ({@link #UNLIMITED}).
 *
 * @param min the fewest ports allowed
 * @param max the most ports allowed, or {@link #UNLIMITED}
 */
public record PortRange(int min, int max) {
    /** The upper bound of an open range such as {@code 1-}. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Checks that {@code 0 <= min <= max}. */
    public PortRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad port range " + min + "-" + max);
        }
    }

    /** The count nearest to {@code count} inside the range: how many ports an element gets when it uses {@code count}. */
    public int clamp(int count) {
        return Math.max(min, Math.min(max, count));
    }

    @Override
    public String toString() {
        if (max == min) {
            return Integer.toString(min);
        }
        return (min == 0 ? "" : Integer.toString(min)) + "-" + (max == UNLIMITED ? "" : Integer.toString(max));
    }
}
