package dev.junction.router;

/**
 * What a hot swap did: how long packets stood still (from stopping the old graph at a safe point to starting
 * the new one), and how many elements were carried over by name, added and removed.
 */
public record SwapReport(long pauseNanos, int elementsKept, int elementsAdded, int elementsRemoved) {
}
