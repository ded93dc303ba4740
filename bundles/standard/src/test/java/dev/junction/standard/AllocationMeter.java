package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Measures "zero allocation per packet in steady state" for the allocation tests of this bundle, with the
 * current thread's allocated-bytes counter ({@link com.sun.management.ThreadMXBean}).
 *
 * <p>The caller gives a <em>window</em>: a piece of work that sends many packets (tens of thousands of batches)
 * through the path under test, on this thread. The meter runs it once to warm up (class loading, first JIT
 * compilations), then measures up to {@link #WINDOWS} further runs, one at a time, and passes as soon as one
 * of them allocates less than {@link #ONE_OFF_BOUND} bytes. If none does, it fails with the smallest figure
 * and what it comes to per packet.
 *
 * <p>Why several windows and not one: the property is about the <em>steady state</em>, and on a loaded machine
 * the JIT may not have reached it when a single window starts. Before C2 has compiled the loop (escape
 * analysis in particular), code that allocates nothing once optimised, such as a {@code MemorySegment} slice
 * or a var-handle box that C2 scalar-replaces, does allocate, and a compilation that lands inside the window
 * makes the window count part of the warm-up. One window that stays under the bound proves that the path, once
 * compiled, allocates nothing per packet: a single allocation per packet would be at least 16 bytes times the
 * window's packets, hundreds of KiB to MiB. The bound absorbs the one-off allocations a window may still see
 * (a few hundred bytes to about 1 KiB from run to run: JIT and class-loading side effects on this thread).
 * Allocation that remains in every window is a real per-packet allocation, and the failure shows it.
 *
 * <p>The code of elements should nonetheless not allocate even before C2 (no boxing, varargs, lambdas,
 * iterators or records on the per-packet path): running these tests with {@code -XX:TieredStopAtLevel=1}
 * (C1 only, no escape analysis) shows what is left to the JIT.
 */
final class AllocationMeter {
    /** Bytes a window may allocate once and still pass: well below one allocation per packet of a window. */
    static final long ONE_OFF_BOUND = 16 * 1024;
    /** Measured windows run at most, after the warm-up one. */
    static final int WINDOWS = 5;

    private AllocationMeter() {
    }

    /**
     * Runs {@code window} to warm up, then up to {@link #WINDOWS} more times until one run allocates less than
     * {@link #ONE_OFF_BOUND} bytes on this thread; fails if none does, or if a measured run moved no packets.
     *
     * @param window  the work of one window, run on this thread
     * @param packets a running count of the packets the path has handled (read before and after each window,
     *                for the figure per packet and to check that the window did move packets)
     * @return how many times {@code window} ran, the warm-up included, so that the caller can check its
     *         counters against it
     */
    static int assertNoAllocationPerPacket(Runnable window, LongSupplier packets) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        threads.setThreadAllocatedMemoryEnabled(true);
        assertTrue(threads.isThreadAllocatedMemoryEnabled(), "this JVM does not count allocated bytes");

        window.run(); // warm-up: class loading and the first JIT compilations happen here
        int runs = 1;
        long smallest = Long.MAX_VALUE;
        long packetsOfSmallest = 0;
        StringBuilder figures = new StringBuilder();
        for (int measured = 0; measured < WINDOWS; measured++) {
            long packetsBefore = packets.getAsLong();
            long before = threads.getCurrentThreadAllocatedBytes();
            window.run();
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            long moved = packets.getAsLong() - packetsBefore;
            runs++;
            assertTrue(moved > 0, "a measured window moved no packets");
            if (allocated < ONE_OFF_BOUND) {
                return runs;
            }
            figures.append(figures.isEmpty() ? "" : ", ").append(allocated);
            if (allocated < smallest) {
                smallest = allocated;
                packetsOfSmallest = moved;
            }
        }
        return fail("every one of " + WINDOWS + " windows after the warm-up allocated at least " + ONE_OFF_BOUND
                + " bytes; the smallest allocated " + smallest + " bytes for " + packetsOfSmallest + " packets ("
                + String.format("%.1f", (double) smallest / packetsOfSmallest) + " bytes/packet); all windows: "
                + figures);
    }
}
