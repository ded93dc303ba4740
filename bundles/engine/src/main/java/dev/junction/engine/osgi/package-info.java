/**
 * The engine's OSGi side: the registry of element classes offered as DS services, the RouterManager service,
 * and routers deployed from ConfigAdmin configurations.
 */
package dev.junction.engine.osgi;
