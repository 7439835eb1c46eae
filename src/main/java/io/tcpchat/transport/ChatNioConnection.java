package io.tcpchat.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;

/**
 * A Spring Integration NIO connection with two additions the chat needs: the {@link HalfCloseGrace half-close
 * grace}, and non-blocking writes ({@link #write} writes what the socket takes now and returns, so no thread ever
 * waits on a client that does not read).
 */
class ChatNioConnection extends TcpNioConnection implements FrameSink {

	static final int READ_BUFFER_BYTES = 8 * 1024;

	private final SocketChannel socketChannel;

	private final HalfCloseGrace halfClose;

	ChatNioConnection(SocketChannel socketChannel, boolean lookupHost, ApplicationEventPublisher publisher,
			String factoryName, QuietCheck quiet) {
		super(socketChannel, true, lookupHost, publisher, factoryName);
		this.socketChannel = socketChannel;
		this.halfClose = new HalfCloseGrace(quiet, this::inputStream);
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

	/**
	 * Spring Integration reads into a 60 KB heap buffer that each connection keeps for its whole life: 600 MB for
	 * 10,000 idle clients. A chat line is at most {@code chat.tcp.max-line-bytes} (4 KB by default) and longer
	 * input simply takes more reads, so 8 KB per connection is plenty.
	 */
	@Override
	protected ByteBuffer allocate(int length) {
		return super.allocate(Math.min(length, READ_BUFFER_BYTES));
	}

	@Override
	public void readPacket() {
		this.halfClose.reading(super::readPacket);
	}

	@Override
	public void close() {
		this.halfClose.beforeClose(getConnectionId());
		super.close();
	}

}
