/**
 * Junction's embedding API: deploy Click configurations as routers, read and write their handlers, swap
 * them live and edit their graphs. The engine publishes {@link dev.junction.router.RouterManager} as an
 * OSGi service; the shell, the ControlSocket and other people's bundles use only this package.
 */
@Export
@Version("1.1.0")
package dev.junction.router;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
