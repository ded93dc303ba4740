/**
 * The checks Click runs on a flat router before anything is configured: element classes, port counts against
 * each class's port-count string, push/pull resolution through agnostic ports and flow codes, reuse of active
 * ports and unused ports. The parsers of Click's port-count, processing and flow-code strings live here too.
 */
package dev.junction.engine.check;
