/**
 * The transport-neutral seam between the listeners and the session layer. A listener (plain TCP, TLS,
 * WebSocket, ...) turns its bytes or frames into {@link io.tcpchat.connection.InboundLine lines} and reports each
 * connection to the {@link io.tcpchat.connection.ConnectionHandler}, giving it an
 * {@link io.tcpchat.connection.Outbound} to write back through and the {@link io.tcpchat.connection.Format} the
 * connection starts in. Nothing above this package knows which listener a connection came from, and nothing in it
 * knows about chat.
 */
package io.tcpchat.connection;
