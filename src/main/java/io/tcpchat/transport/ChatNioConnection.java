package io.tcpchat.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tcpchat.connection.InboundLine;
import io.tcpchat.transport.proxy.ProxyProtocol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpListener;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;

/**
 * A Spring Integration NIO connection with the chat's additions: the {@link HalfCloseGrace half-close grace};
 * non-blocking writes ({@link #write} writes what the socket takes now and returns, so no thread ever waits on a
 * client that does not read); and non-blocking reads.
 * <p>
 * Spring Integration reads into a buffer each connection keeps for its life and hands the bytes through a pipe to
 * a second thread per connection that blocks in the deserializer until a line is complete: a thread for every
 * client in the middle of a line, and kilobytes for every idle one. Here {@link #readPacket} reads into a buffer
 * of the reading thread, cuts lines with a {@link LineFramer} (which keeps only an incomplete line) and hands them
 * to the listener on the same thread. Nothing is left to assemble, so no second thread ever runs.
 */
class ChatNioConnection extends TcpNioConnection
		implements FrameSink, ChatNioServerConnectionFactory.ClosingConnection {

	private static final Logger log = LoggerFactory.getLogger(ChatNioConnection.class);

	static final int READ_BUFFER_BYTES = 16 * 1024;

	/** One read buffer per reader thread, shared by all the connections it reads. */
	private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal
		.withInitial(() -> ByteBuffer.allocate(READ_BUFFER_BYTES));

	private final SocketChannel socketChannel;

	private final HalfCloseGrace halfClose;

	private final LineFramer framer;

	private final SequencingMessageMapper mapper;

	private final AtomicBoolean closeReported = new AtomicBoolean();

	private final ProxyStage proxy;

	private volatile Runnable whenClosed = () -> {
	};

	ChatNioConnection(SocketChannel socketChannel, boolean lookupHost, ApplicationEventPublisher publisher,
			String factoryName, QuietCheck quiet, SequencingMessageMapper mapper, int maxLineBytes,
			ProxyProtocol proxyProtocol, boolean raw) {
		super(socketChannel, true, lookupHost, publisher, factoryName);
		this.socketChannel = socketChannel;
		this.mapper = mapper;
		this.framer = new LineFramer(maxLineBytes, raw);
		this.halfClose = new HalfCloseGrace(quiet, () -> 0);
		this.proxy = new ProxyStage(proxyProtocol, socketChannel, getHostAddress(), super::publishConnectionOpenEvent,
				this::close);
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

	@Override
	public void write(ByteBuffer buffer) throws IOException {
		this.socketChannel.write(buffer);
	}

	@Override
	public boolean blocksOnWrite() {
		return false;
	}

	@Override
	public boolean isReady() {
		return true;
	}

	@Override
	public void onReady(Runnable action) {
		// always ready
	}

	@Override
	public SocketChannel socketChannel() {
		return this.socketChannel;
	}

	@Override
	public void whenClosed(Runnable action) {
		this.whenClosed = action;
	}

	/** Called by the factory when the socket is readable; reads once and hands over the complete lines. */
	@Override
	public void readPacket() {
		this.halfClose.reading(this::readLines);
	}

	private void readLines() {
		ByteBuffer buffer = READ_BUFFER.get();
		buffer.clear();
		int read;
		try {
			read = this.socketChannel.read(buffer);
		}
		catch (IOException ex) {
			log.debug("Read from {} failed: {}", getConnectionId(), ex.getMessage());
			closeConnection(true);
			return;
		}
		if (read < 0) {
			InboundLine last = this.framer.finish();
			if (last != null) {
				deliver(last);
			}
			closeConnection(true);
			return;
		}
		buffer.flip();
		if (this.proxy.read(buffer, (taken) -> this.framer.feed(taken, this::deliver))) {
			this.framer.feed(buffer, this::deliver);
		}
	}

	/** As Spring Integration's assembler does: a failure to handle one line is logged and the next is read. */
	private void deliver(InboundLine line) {
		TcpListener listener = getListener();
		if (listener == null) {
			return;
		}
		try {
			listener.onMessage(this.mapper.toMessage(getConnectionId(), line));
		}
		catch (RuntimeException ex) {
			log.error("Handling a line from {} failed", getConnectionId(), ex);
		}
	}

	@Override
	public void close() {
		this.halfClose.beforeClose(getConnectionId());
		super.close();
		if (this.closeReported.compareAndSet(false, true)) {
			this.whenClosed.run();
		}
	}

}
