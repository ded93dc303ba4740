/**
 * Click's ControlSocket protocol (version 1.3) over TCP or a UNIX-domain socket:
 * {@link dev.junction.engine.control.ControlSocketServer} serves one router's handlers to other programs,
 * {@link dev.junction.engine.control.ControlSocketClient} talks to such a server. Both reach the router only
 * through the embedding API, {@link dev.junction.router.RouterControl}.
 */
package dev.junction.engine.control;
