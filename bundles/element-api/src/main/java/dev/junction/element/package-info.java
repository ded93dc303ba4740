/**
 * The element contract: the {@link dev.junction.element.Element} base class and its ports, the per-packet
 * {@link dev.junction.element.SimpleAction} helper, Click's argument conventions ({@link dev.junction.element.Args}),
 * handlers, state carried across hot swaps, and self-documentation.
 */
@Export
@Version("1.2.0")
package dev.junction.element;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
