package io.tcpchat.connection;

/**
 * A new connection as its listener describes it.
 * @param id unique among this node's open connections
 * @param remoteAddress the client's address (as the listener determined it), for limits, throttles and logs
 * @param listener the listener's name, e.g. {@code plain} or {@code tls}
 * @param initialFormat the format the connection starts in, until the client asks for another
 */
public record ConnectionInfo(String id, String remoteAddress, String listener, Format initialFormat) {

}
