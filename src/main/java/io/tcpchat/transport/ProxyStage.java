package io.tcpchat.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

import io.tcpchat.transport.proxy.ProxyHandshake;
import io.tcpchat.transport.proxy.ProxyHeaderException;
import io.tcpchat.transport.proxy.ProxyProtocol;

/**
 * The PROXY protocol stage of one chat connection, plain or TLS: holds back the connection's open event (so no
 * session, no welcome) until its {@link ProxyHandshake} has the client's address, and feeds the handshake the
 * first bytes read. After the handshake it holds nothing but the client's address.
 */
final class ProxyStage implements ProxyHandshake.Connection {

	private final Runnable publishOpen;

	private final Runnable closeRefused;

	private volatile String clientAddress;

	private volatile ProxyHandshake handshake;

	/**
	 * @param publishOpen publishes the connection's open event, which starts the session
	 * @param closeRefused closes the connection after a refusal
	 */
	ProxyStage(ProxyProtocol protocol, SocketChannel channel, String peerAddress, Runnable publishOpen,
			Runnable closeRefused) {
		this.publishOpen = publishOpen;
		this.closeRefused = closeRefused;
		this.clientAddress = peerAddress;
		InetSocketAddress peer = (InetSocketAddress) channel.socket().getRemoteSocketAddress();
		this.handshake = (protocol != null && peer != null) ? protocol.begin(peer, this) : null;
	}

	/** The client's address: from the PROXY header if there was one, else the socket's peer. */
	String clientAddress() {
		return this.clientAddress;
	}

	/** Whether the open event goes out as the connection is accepted, rather than after the handshake. */
	boolean opensAtOnce() {
		ProxyHandshake pending = this.handshake;
		return pending == null || pending.opensAtOnce();
	}

	/**
	 * Gives the handshake, while there is one, the bytes read.
	 * @param data receives bytes the handshake took that turned out to be data, to be read before the buffer's
	 * @return true when what remains in the buffer is data
	 */
	boolean read(ByteBuffer buffer, Consumer<ByteBuffer> data) {
		ProxyHandshake pending = this.handshake;
		if (pending == null) {
			return true;
		}
		if (!pending.read(buffer, data)) {
			return false;
		}
		this.handshake = null;
		return true;
	}

	@Override
	public void open(String clientAddress) {
		this.clientAddress = clientAddress;
		this.publishOpen.run();
	}

	@Override
	public void refuse(ProxyHeaderException reason) {
		this.closeRefused.run();
	}

}
