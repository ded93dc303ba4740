/**
 * The Gogo commands of scope {@code junction}. Private: the commands are the interface, and they use only
 * the engine's embedding API ({@code dev.junction.router}).
 */
package dev.junction.shell;
