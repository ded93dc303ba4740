/**
 * The flat router graph shared by the language, the checks and the runtime, with landmarks and diagnostics.
 */
@Export
@Version("1.0.0")
package dev.junction.engine.graph;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
