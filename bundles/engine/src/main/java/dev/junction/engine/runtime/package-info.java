/**
 * The runtime: routers built from checked configurations, their threads (stride-scheduled tasks, timing
 * wheels, notifiers, idle back-off, simulated time), handlers, containment of failing elements, and hot swap.
 * {@link dev.junction.engine.runtime.Router} is the entry point; {@link dev.junction.engine.runtime.ElementFactory}
 * is what it needs to make elements.
 */
package dev.junction.engine.runtime;
