package io.tcpchat.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

import io.tcpchat.transport.proxy.ProxyProtocol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioSSLConnection;

/**
 * A Spring Integration TLS connection (SSLEngine over NIO) with the chat's {@link HalfCloseGrace half-close
 * grace}.
 * <p>
 * The server handshakes on the read path. Nothing is written before the handshake is finished: a writer that
 * started earlier would wait inside Spring Integration for handshake data from the client, holding a thread for
 * as long as a client likes. So a client that never completes the handshake costs only its socket until the
 * login timeout closes it. Writes go through Spring Integration's TLS stream and block while the client does not
 * read (bounded by the socket timeout, or ended by a close), hence {@link #blocksOnWrite()}.
 */
class ChatNioSslConnection extends TcpNioSSLConnection
		implements FrameSink, ChatNioServerConnectionFactory.ClosingConnection {

	private static final Logger log = LoggerFactory.getLogger(ChatNioSslConnection.class);

	private final SSLEngine engine;

	private final HalfCloseGrace halfClose;

	private final SocketChannel socketChannel;

	private volatile boolean handshakeFinished;

	/** The handshake failed: nothing was read that needs replies, so the close need not wait. */
	private volatile boolean handshakeFailed;

	private volatile Runnable onReady;

	private volatile Runnable whenClosed = () -> {
	};

	private final AtomicBoolean closeReported = new AtomicBoolean();

	private final ProxyStage proxy;

	/** Bytes that began like a PROXY header but were not one: not TLS either. */
	private boolean neitherProxyNorTls;

	ChatNioSslConnection(SocketChannel socketChannel, boolean lookupHost, ApplicationEventPublisher publisher,
			String factoryName, SSLEngine engine, QuietCheck quiet, ProxyProtocol proxyProtocol) {
		super(socketChannel, true, lookupHost, publisher, factoryName, engine);
		this.engine = engine;
		this.socketChannel = socketChannel;
		this.halfClose = new HalfCloseGrace(quiet, this::bufferedInput);
		this.proxy = new ProxyStage(proxyProtocol, socketChannel, getHostAddress(), super::publishConnectionOpenEvent,
				this::closeRefused);
	}

	/** With the PROXY protocol, the session starts once the client's address is known. */
	@Override
	protected void publishConnectionOpenEvent() {
		if (this.proxy.opensAtOnce()) {
			super.publishConnectionOpenEvent();
		}
	}

	@Override
	public String clientAddress() {
		return this.proxy.clientAddress();
	}

	private void closeRefused() {
		this.handshakeFailed = true;
		close();
	}

	private int bufferedInput() {
		try {
			return inputStream().available();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@Override
	public SocketChannel socketChannel() {
		return this.socketChannel;
	}

	@Override
	public void whenClosed(Runnable action) {
		this.whenClosed = action;
	}

	@Override
	public void write(ByteBuffer buffer) throws IOException {
		OutputStream out = getChannelOutputStream();
		out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
		buffer.position(buffer.limit());
	}

	@Override
	public boolean blocksOnWrite() {
		return true;
	}

	@Override
	public boolean isReady() {
		return this.handshakeFinished;
	}

	@Override
	public void onReady(Runnable action) {
		this.onReady = action;
	}

	/**
	 * The PROXY header, when there is one, comes before the TLS handshake: its bytes are taken from the network
	 * buffer first. Spring Integration expects this method to clear or compact the buffer.
	 */
	@Override
	protected void sendToPipe(ByteBuffer networkBuffer) throws IOException {
		if (!this.proxy.read(networkBuffer, (taken) -> this.neitherProxyNorTls = true)) {
			networkBuffer.clear();
			return;
		}
		if (this.neitherProxyNorTls) {
			this.handshakeFailed = true;
			throw new ClosedChannelException();
		}
		if (!networkBuffer.hasRemaining()) {
			networkBuffer.clear();
			return;
		}
		try {
			super.sendToPipe(networkBuffer);
		}
		catch (IOException ex) {
			if (!(ex instanceof SSLException) && this.handshakeFinished) {
				throw ex;
			}
			// Plaintext clients, old protocols, scanners, clients that distrust the certificate and hang up:
			// Spring Integration would log an error with a stack trace for each. The channel is about to be
			// closed, and Spring Integration closes a closed channel quietly. The client hears why (a TLS
			// alert such as protocol_version) and the connection closes at once, without the half-close grace.
			log.debug("TLS with {} failed: {}", getHostAddress(), ex.getMessage());
			this.handshakeFailed = true;
			sendPendingAlert();
			throw (ClosedChannelException) new ClosedChannelException().initCause(ex);
		}
		if (!this.handshakeFinished && firstHandshakeDone()) {
			this.handshakeFinished = true;
			Runnable action = this.onReady;
			if (action != null) {
				action.run();
			}
		}
	}

	/** After a failed handshake the engine holds the alert to send; one small non-blocking write, best effort. */
	private void sendPendingAlert() {
		try {
			this.engine.closeOutbound();
			ByteBuffer alert = ByteBuffer.allocate(this.engine.getSession().getPacketBufferSize());
			this.engine.wrap(ByteBuffer.allocate(0), alert);
			alert.flip();
			if (alert.hasRemaining()) {
				this.socketChannel.write(alert);
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client is gone or the engine has nothing to say: the close tells it enough
		}
	}

	/** Before the first handshake completes, the engine's session is the null session, protocol "NONE". */
	private boolean firstHandshakeDone() {
		return this.engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
				&& !"NONE".equals(this.engine.getSession().getProtocol());
	}

	@Override
	public void readPacket() {
		this.halfClose.reading(super::readPacket);
	}

	@Override
	public void close() {
		if (!this.handshakeFailed) {
			this.halfClose.beforeClose(getConnectionId());
		}
		super.close();
		if (this.closeReported.compareAndSet(false, true)) {
			this.whenClosed.run();
		}
	}

}
