/**
 * Packets in native memory, the batches that carry them between elements, the pools they come from, and
 * Internet checksums.
 */
@Export
@Version("1.0.0")
package dev.junction.packet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
