package io.tcpchat.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.Format;
import io.tcpchat.connection.InboundLine;

import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpConnectionCloseEvent;
import org.springframework.integration.ip.tcp.connection.TcpConnectionOpenEvent;
import org.springframework.messaging.Message;

/**
 * Turns Spring Integration's connection events and inbound messages into {@link ConnectionHandler} calls, and
 * gives every connection its {@link ConnectionWriter} (on the {@link WriterThreads}, or for a sink that blocks on
 * write, such as TLS, on a pool where a thread waiting for one client holds up nobody else).
 */
class TcpConnections {

	private final ListenerHandlers handlers;

	private final Map<String, ConnectionHandler> handlersById = new ConcurrentHashMap<>();

	private final SequencingMessageMapper mapper;

	private final Executor writers;

	private final ExecutorService blockingWriters;

	private final ScheduledExecutorService retries;

	private final long sendQueueLimit;

	private final Map<String, ConnectionWriter> writersById = new ConcurrentHashMap<>();

	TcpConnections(ListenerHandlers handlers, SequencingMessageMapper mapper, Executor writers,
			ExecutorService blockingWriters, ScheduledExecutorService retries, ChatProperties properties) {
		this.handlers = handlers;
		this.mapper = mapper;
		this.writers = writers;
		this.blockingWriters = blockingWriters;
		this.retries = retries;
		this.sendQueueLimit = properties.limits().sendQueueBytes().toBytes();
	}

	@EventListener
	void opened(TcpConnectionOpenEvent event) {
		if (!(event.getSource() instanceof FrameSink sink)) {
			return;
		}
		String id = sink.getConnectionId();
		String listener = TransportConfiguration.listenerName(event.getConnectionFactoryName());
		ConnectionHandler handler = this.handlers.forListener(listener);
		ConnectionWriter writer = new ConnectionWriter(sink,
				sink.blocksOnWrite() ? this.blockingWriters : this.writers, this.retries, this.sendQueueLimit,
				() -> handler.overflowed(id));
		this.writersById.put(id, writer);
		this.handlersById.put(id, handler);
		handler.opened(new ConnectionInfo(id, sink.clientAddress(), listener, Format.TEXT), writer);
	}

	@EventListener
	void closed(TcpConnectionCloseEvent event) {
		String id = ((TcpConnection) event.getSource()).getConnectionId();
		ConnectionWriter writer = this.writersById.remove(id);
		if (writer == null) {
			return;
		}
		writer.markClosed();
		this.mapper.forget(id);
		ConnectionHandler handler = this.handlersById.remove(id);
		if (handler != null) {
			handler.closed(id);
		}
	}

	void received(Message<?> message) {
		String id = (String) message.getHeaders().get(org.springframework.integration.ip.IpHeaders.CONNECTION_ID);
		Long sequence = message.getHeaders().get(SequencingMessageMapper.SEQUENCE_HEADER, Long.class);
		ConnectionHandler handler = this.handlersById.get(id);
		if (handler != null) {
			handler.received(id, sequence, (InboundLine) message.getPayload());
		}
	}

}
