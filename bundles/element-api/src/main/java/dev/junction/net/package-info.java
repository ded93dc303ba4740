/**
 * Network address values shared by the router: IPv4 and IPv6 addresses and prefixes and Ethernet addresses,
 * parsed and printed the way Click does.
 */
@Export
@Version("1.0.0")
package dev.junction.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
