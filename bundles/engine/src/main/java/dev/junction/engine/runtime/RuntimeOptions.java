package dev.junction.engine.runtime;

import dev.junction.packet.PacketBatch;
import dev.junction.packet.PacketPool;
import java.util.Map;

/**
 * How a router runs: its number of threads (Click's {@code -j N}), whether time is simulated
 * ({@code --simtime}) and where simulated wall time starts, the size of its packet pool, the batch size the
 * engine suggests to elements, and the home thread of named elements (Click's StaticThreadSched; every other
 * element runs on thread 0, Click's default).
 *
 * @param threads            router threads, at least 1
 * @param simulatedTime      whether the clock is simulated: it stands still while work is pending and jumps to
 *                           the next timer when every thread is idle
 * @param simulatedEpochNanos wall time at which a simulated clock starts, in nanoseconds since the epoch
 * @param poolPackets        packets in the router's pool
 * @param poolBufferSize     bytes per packet buffer
 * @param batchSize          batch capacity for elements that ask the engine
 * @param homeThreads        home thread by element name
 */
public record RuntimeOptions(int threads, boolean simulatedTime, long simulatedEpochNanos, int poolPackets,
        int poolBufferSize, int batchSize, Map<String, Integer> homeThreads) {
    /** Checks the values and copies the map. */
    public RuntimeOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("a router needs at least one thread, not " + threads);
        }
        if (poolPackets < 1 || poolBufferSize < 1 || batchSize < 1) {
            throw new IllegalArgumentException("pool and batch sizes must be positive");
        }
        homeThreads = Map.copyOf(homeThreads);
    }

    /** One thread, real time, a pool of 8192 packets of 2048 bytes, batches of {@link PacketBatch#DEFAULT_CAPACITY}. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(1, false, 0, 8192, PacketPool.DEFAULT_BUFFER_SIZE, PacketBatch.DEFAULT_CAPACITY,
                Map.of());
    }

    /** These options with {@code count} threads. */
    public RuntimeOptions withThreads(int count) {
        return new RuntimeOptions(count, simulatedTime, simulatedEpochNanos, poolPackets, poolBufferSize, batchSize,
                homeThreads);
    }

    /** These options on simulated time starting at wall time {@code epochNanos}. */
    public RuntimeOptions withSimulatedTime(long epochNanos) {
        return new RuntimeOptions(threads, true, epochNanos, poolPackets, poolBufferSize, batchSize, homeThreads);
    }

    /** These options with a pool of {@code packets} buffers of {@code bufferSize} bytes. */
    public RuntimeOptions withPool(int packets, int bufferSize) {
        return new RuntimeOptions(threads, simulatedTime, simulatedEpochNanos, packets, bufferSize, batchSize,
                homeThreads);
    }

    /** These options with batches of {@code size}. */
    public RuntimeOptions withBatchSize(int size) {
        return new RuntimeOptions(threads, simulatedTime, simulatedEpochNanos, poolPackets, poolBufferSize, size,
                homeThreads);
    }

    /** These options with element {@code element}'s tasks and timers on thread {@code thread}. */
    public RuntimeOptions withHomeThread(String element, int thread) {
        Map<String, Integer> placed = new java.util.HashMap<>(homeThreads);
        placed.put(element, thread);
        return new RuntimeOptions(threads, simulatedTime, simulatedEpochNanos, poolPackets, poolBufferSize, batchSize,
                placed);
    }
}
