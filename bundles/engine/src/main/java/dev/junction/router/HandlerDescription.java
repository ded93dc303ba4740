package dev.junction.router;

/** One handler of an element (or of the router, for global handlers): its name and what it allows. */
public record HandlerDescription(String name, boolean readable, boolean writable) {
}
