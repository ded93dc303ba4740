package dev.junction.engine.graph;

/**
 * What the checks need to know of a primitive element class: its Click name and the port-count, processing
 * and flow-code strings its element class declares ({@link dev.junction.element.Element#portCount()} and
 * the others).
 */
public record ElementClassInfo(String name, String portCount, String processing, String flowCode) {
}
