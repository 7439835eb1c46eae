package io.tcpchat.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;

/**
 * A Spring Integration NIO connection with two additions the chat needs.
 * <ul>
 * <li>Half-close: when the client shuts down its sending side (as {@code nc -N} does at end of input), Spring
 * Integration closes the socket at once, before the replies to the last lines are written. Here a close that
 * comes from the read path waits until those lines are handled and their replies flushed (at most
 * {@link #HALF_CLOSE_GRACE_MILLIS}).</li>
 * <li>Non-blocking writes: {@link #writeNonBlocking} writes what the socket takes now and returns, so no thread
 * ever waits on a client that does not read.</li>
 * </ul>
 */
class ChatNioConnection extends TcpNioConnection {

	static final long HALF_CLOSE_GRACE_MILLIS = 2000;

	static final int READ_BUFFER_BYTES = 8 * 1024;

	private final SocketChannel socketChannel;

	private final ConnectionHandler handler;

	private volatile Thread readingThread;

	private volatile boolean closing;

	ChatNioConnection(SocketChannel socketChannel, boolean lookupHost, ApplicationEventPublisher publisher,
			String factoryName, ConnectionHandler handler) {
		super(socketChannel, true, lookupHost, publisher, factoryName);
		this.socketChannel = socketChannel;
		this.handler = handler;
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

	int writeNonBlocking(ByteBuffer buffer) throws IOException {
		return this.socketChannel.write(buffer);
	}

	@Override
	public void readPacket() {
		this.readingThread = Thread.currentThread();
		try {
			super.readPacket();
		}
		finally {
			this.readingThread = null;
		}
	}

	@Override
	public void close() {
		if (!this.closing && Thread.currentThread() == this.readingThread) {
			this.closing = true;
			awaitQuiet();
		}
		this.closing = true;
		super.close();
	}

	/**
	 * Waits, on the read thread and with reading paused, until the pipe is empty and the handler is quiet twice
	 * in a row (the second look covers a line that was just taken from the pipe but not yet handed over).
	 */
	private void awaitQuiet() {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HALF_CLOSE_GRACE_MILLIS);
		int quietLooks = 0;
		while (quietLooks < 2 && System.nanoTime() < deadline) {
			quietLooks = isQuiet() ? quietLooks + 1 : 0;
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	private boolean isQuiet() {
		try {
			return inputStream().available() == 0 && this.handler.isQuiet(getConnectionId());
		}
		catch (IOException ex) {
			return true;
		}
	}

}
