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

	private final SocketChannel socketChannel;

	private final HalfCloseGrace halfClose;

	ChatNioConnection(SocketChannel socketChannel, boolean lookupHost, ApplicationEventPublisher publisher,
			String factoryName, ConnectionHandler handler) {
		super(socketChannel, true, lookupHost, publisher, factoryName);
		this.socketChannel = socketChannel;
		this.halfClose = new HalfCloseGrace(handler, this::bufferedInput);
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
	public void readPacket() {
		this.halfClose.reading(super::readPacket);
	}

	@Override
	public void close() {
		this.halfClose.beforeClose(getConnectionId());
		super.close();
	}

	private int bufferedInput() {
		try {
			return inputStream().available();
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
