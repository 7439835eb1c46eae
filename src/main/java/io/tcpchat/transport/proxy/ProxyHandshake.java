package io.tcpchat.transport.proxy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import io.tcpchat.transport.proxy.ProxyHeaderDecoder.Status;
import io.tcpchat.transport.proxy.ProxyHeaderException.Reason;

/**
 * The PROXY protocol part of one connection: from the accept until its header is read, known to be absent, or
 * refused. Its connection hands it every read ({@link #read}) until it says the data begins; the header timeout
 * ({@link #expire}) runs on another thread, hence the locking (cheap: only while the header is awaited).
 */
public final class ProxyHandshake {

	/** What the handshake tells its connection. */
	public interface Connection {

		/** The session may start, for this client address (the proxy's client, or the socket's peer). */
		void open(String clientAddress);

		/** The connection is refused (already logged and counted) and must close. */
		void refuse(ProxyHeaderException reason);

	}

	private final ProxyProtocol protocol;

	private final Connection connection;

	private final InetSocketAddress peer;

	private final boolean trusted;

	private final ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();

	private boolean finished;

	private boolean refused;

	private ScheduledFuture<?> timeout;

	ProxyHandshake(ProxyProtocol protocol, Connection connection, InetSocketAddress peer, boolean trusted) {
		this.protocol = protocol;
		this.connection = connection;
		this.peer = peer;
		this.trusted = trusted;
	}

	/**
	 * A client that is not a trusted proxy, in {@code optional} mode, is served at once like any client: the
	 * handshake only watches its first bytes for a (forbidden) header.
	 */
	public boolean opensAtOnce() {
		return !this.trusted && !this.protocol.required();
	}

	synchronized void timeoutAfter(ScheduledFuture<?> timeout) {
		this.timeout = timeout;
	}

	/**
	 * Takes the header's bytes from {@code buffer}.
	 * @param data receives bytes taken before they turned out not to be a header, to be read as data first
	 * @return true when the connection goes on with what remains in the buffer as data; false while the header
	 * is incomplete or after a refusal (the connection is then closing)
	 */
	public synchronized boolean read(ByteBuffer buffer, Consumer<ByteBuffer> data) {
		if (this.finished) {
			return !this.refused;
		}
		if (!this.trusted && this.protocol.required()) {
			return refuse(untrusted());
		}
		Status status;
		try {
			status = this.decoder.feed(buffer);
		}
		catch (ProxyHeaderException ex) {
			return refuse(this.trusted ? ex : untrusted());
		}
		if (!this.trusted && this.decoder.version() != 0) {
			return refuse(untrusted());
		}
		return switch (status) {
			case NEED_MORE -> false;
			case NOT_A_HEADER -> {
				if (this.protocol.required()) {
					yield refuse(new ProxyHeaderException(Reason.MISSING, "no PROXY header"));
				}
				finish(peerAddress());
				ByteBuffer taken = this.decoder.notAHeader();
				if (taken.hasRemaining()) {
					data.accept(taken);
				}
				yield true;
			}
			case DONE -> {
				ProxyHeader header = this.decoder.header();
				this.protocol.accepted(header);
				finish(header.hasSource() ? header.source().getHostAddress() : peerAddress());
				yield true;
			}
		};
	}

	/**
	 * The header timeout: refuses a connection whose header is incomplete (or, in {@code required} mode,
	 * absent); in {@code optional} mode a trusted peer that sent nothing yet is served as a direct client.
	 */
	synchronized void expire() {
		if (this.finished) {
			return;
		}
		if (!this.trusted) {
			refuse(untrusted());
		}
		else if (!this.protocol.required() && !this.decoder.started()) {
			finish(peerAddress());
		}
		else {
			refuse(new ProxyHeaderException(Reason.TIMEOUT, "no complete PROXY header within "
					+ this.protocol.timeout().toMillis() + " ms"));
		}
	}

	private ProxyHeaderException untrusted() {
		return new ProxyHeaderException(Reason.UNTRUSTED, this.protocol.required()
				? "connection from an address that is not a trusted proxy"
				: "PROXY header from an address that is not a trusted proxy");
	}

	private void finish(String clientAddress) {
		this.finished = true;
		cancelTimeout();
		if (!opensAtOnce()) {
			this.connection.open(clientAddress);
		}
	}

	private boolean refuse(ProxyHeaderException reason) {
		this.finished = true;
		this.refused = true;
		cancelTimeout();
		this.protocol.refused(this.peer, reason);
		this.connection.refuse(reason);
		return false;
	}

	private void cancelTimeout() {
		if (this.timeout != null) {
			this.timeout.cancel(false);
		}
	}

	private String peerAddress() {
		return this.peer.getAddress().getHostAddress();
	}

}
