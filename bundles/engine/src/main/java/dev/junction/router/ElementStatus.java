package dev.junction.router;

import java.util.List;

/**
 * A running element as the shell shows it: name, class, packets through each port so far, whether the bundle
 * that provided its class has gone (orphaned: it keeps running until replaced), and how many times its code
 * threw (each time the packets concerned were dropped and the router went on).
 */
public record ElementStatus(String name, String className, List<Long> inputPackets, List<Long> outputPackets,
        boolean orphaned, long failures) {
    /** Copies the lists. */
    public ElementStatus {
        inputPackets = List.copyOf(inputPackets);
        outputPackets = List.copyOf(outputPackets);
    }
}
