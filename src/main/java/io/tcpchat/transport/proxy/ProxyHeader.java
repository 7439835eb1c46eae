package io.tcpchat.transport.proxy;

import java.net.InetAddress;

/**
 * A PROXY protocol header read from a connection.
 * @param version 1 (text) or 2 (binary)
 * @param source the client's address as the proxy saw it; null for a v2 {@code LOCAL} command (the proxy's own
 * connection, such as a health check), v1 {@code UNKNOWN} or an address family without one: then the socket's
 * address stands
 * @param sourcePort the client's port (0 without a source)
 */
public record ProxyHeader(int version, InetAddress source, int sourcePort) {

	static ProxyHeader local(int version) {
		return new ProxyHeader(version, null, 0);
	}

	public boolean hasSource() {
		return this.source != null;
	}

}
