package dev.junction.engine.graph;

/**
 * One connection of a flattened configuration: output {@code fromPort} of element {@code from} to input
 * {@code toPort} of element {@code to}, elements given by their index in {@link FlatRouter#elements()}.
 */
public record FlatConnection(int from, int fromPort, int to, int toPort, Landmark landmark) {
}
