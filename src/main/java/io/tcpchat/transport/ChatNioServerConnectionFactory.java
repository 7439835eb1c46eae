package io.tcpchat.transport;

import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpConnectionSupport;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.integration.ip.tcp.connection.TcpNioConnectionSupport;
import org.springframework.integration.ip.tcp.connection.TcpNioServerConnectionFactory;

/**
 * Spring Integration's NIO server factory without its per-wake-up scans. On every wake-up of the selector the
 * stock factory walks all open connections twice: once to time out idle ones (when a socket timeout is set) or,
 * without a timeout, on every wake-up that selected nothing (each finished read wakes the selector), and once more
 * in {@code harvestClosedConnections()} to rebuild the list of open connection ids. With 10,000 clients that was
 * about 1 ms per wake-up and the busiest thread of the server.
 * <p>
 * Here a connection reports its own close ({@link ClosingConnection}); the selector thread then removes exactly
 * the connections closed since its last wake-up, so the work per wake-up is proportional to the closes, not to
 * the connections. Idle peers are found by the chat's keepalive; the socket timeout that is still set only bounds
 * a blocked TLS write.
 */
class ChatNioServerConnectionFactory extends TcpNioServerConnectionFactory {

	private static final Map<SocketChannel, TcpNioConnection> NOTHING_TO_SCAN = Collections.emptyMap();

	private final Queue<TcpNioConnection> closed = new ConcurrentLinkedQueue<>();

	private final AtomicLong wakeUps = new AtomicLong();

	private final AtomicLong connectionsVisited = new AtomicLong();

	/**
	 * Set while {@link #stop()} runs: Spring Integration closes the selector before it marks the factory inactive,
	 * and its selector thread would log that expected close as an error ("Selector closed") at every shutdown.
	 */
	private volatile boolean stopping;

	ChatNioServerConnectionFactory(int port) {
		super(port);
	}

	@Override
	public void start() {
		this.stopping = false;
		super.start();
	}

	@Override
	public void stop() {
		this.stopping = true;
		super.stop();
	}

	@Override
	protected boolean isActive() {
		return !this.stopping && super.isActive();
	}

	@Override
	public void setTcpNioConnectionSupport(TcpNioConnectionSupport support) {
		super.setTcpNioConnectionSupport(new Reporting(support));
	}

	/**
	 * Runs on the selector thread at every wake-up: removes the connections closed since the last one, then lets
	 * Spring Integration handle the selected keys with nothing to scan.
	 */
	@Override
	protected void processNioSelections(int selectionCount, Selector selector, @Nullable ServerSocketChannel server,
			Map<SocketChannel, TcpNioConnection> connectionMap) {
		this.wakeUps.incrementAndGet();
		TcpNioConnection connection;
		while ((connection = this.closed.poll()) != null) {
			this.connectionsVisited.incrementAndGet();
			connectionMap.remove(((ClosingConnection) connection).socketChannel());
			forget(connection);
		}
		super.processNioSelections(selectionCount, selector, server, NOTHING_TO_SCAN);
	}

	/** Done per closed connection in {@link #processNioSelections} instead of scanning them all. */
	@Override
	protected void harvestClosedConnections() {
	}

	/** Selector wake-ups so far. */
	long wakeUps() {
		return this.wakeUps.get();
	}

	/** Connections the selector thread looked at in its per-wake-up housekeeping so far. */
	long connectionsVisited() {
		return this.connectionsVisited.get();
	}

	private void forget(TcpNioConnection connection) {
		TcpConnectionSupport removed = this.connections.remove(connection.getConnectionId());
		if (removed != null) {
			removed.getSenders().forEach((sender) -> sender.removeDeadConnection(removed));
		}
	}

	/** A connection that reports its close. */
	interface ClosingConnection {

		SocketChannel socketChannel();

		/** Runs the action once, when the connection closes. */
		void whenClosed(Runnable action);

	}

	/** Gives every connection created the hook that queues it for removal when it closes. */
	private final class Reporting implements TcpNioConnectionSupport {

		private final TcpNioConnectionSupport delegate;

		Reporting(TcpNioConnectionSupport delegate) {
			this.delegate = delegate;
		}

		@Override
		public TcpNioConnection createNewConnection(SocketChannel socketChannel, boolean server, boolean lookupHost,
				ApplicationEventPublisher publisher, String connectionFactoryName) {
			TcpNioConnection connection = this.delegate.createNewConnection(socketChannel, server, lookupHost,
					publisher, connectionFactoryName);
			if (!(connection instanceof ClosingConnection closing)) {
				throw new IllegalStateException("Chat connections report their close: " + connection);
			}
			closing.whenClosed(() -> ChatNioServerConnectionFactory.this.closed.add(connection));
			return connection;
		}

	}

}
