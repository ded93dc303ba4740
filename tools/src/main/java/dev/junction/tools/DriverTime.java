package dev.junction.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code click -t} reports: the process's user and system CPU time and the wall-clock time between two
 * samples, printed as Click prints them ({@code 0.123u 0.004s 0:01.25}).
 *
 * @param userNanos   user CPU time of the process
 * @param systemNanos system CPU time of the process
 * @param wallNanos   a monotonic wall clock
 */
record DriverTime(long userNanos, long systemNanos, long wallNanos) {
    private static final Path PROC_STAT = Path.of("/proc/self/stat");
    private static final long NANOS_PER_TICK = 10_000_000; // Linux reports CPU time in 1/100 s ticks

    /** The process's times now. */
    static DriverTime now() {
        long wall = System.nanoTime();
        try {
            // Fields 14 and 15 (utime, stime) follow the command name in parentheses, which may hold spaces.
            String stat = Files.readString(PROC_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new DriverTime(Long.parseLong(fields[11]) * NANOS_PER_TICK,
                    Long.parseLong(fields[12]) * NANOS_PER_TICK, wall);
        } catch (IOException | RuntimeException e) {
            // No procfs: the JVM knows the total only; count it as user time.
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            return new DriverTime(Math.max(cpu, 0), 0, wall);
        }
    }

    /** Click's line for the time from {@code before} to this sample: user and system seconds, wall m:ss.cc. */
    String since(DriverTime before) {
        long userMillis = Math.round((userNanos - before.userNanos) / 1e6);
        long systemMillis = Math.round((systemNanos - before.systemNanos) / 1e6);
        long wallCentis = Math.round((wallNanos - before.wallNanos) / 1e7);
        return String.format("%d.%03du %d.%03ds %d:%02d.%02d", userMillis / 1000, userMillis % 1000,
                systemMillis / 1000, systemMillis % 1000, wallCentis / 6000, wallCentis / 100 % 60, wallCentis % 100);
    }
}
