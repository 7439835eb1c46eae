package io.tcpchat.transport.websocket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.Format;
import io.tcpchat.connection.InboundLine;
import jakarta.websocket.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The WebSocket listener's adapter below the connection seam: each WebSocket session is a connection in the
 * {@code json} format, each text frame one line. Binary frames are refused by closing the connection (1003).
 */
class WebSocketConnections extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(WebSocketConnections.class);

	static final String LISTENER = "websocket";

	/**
	 * Tomcat's per-session limit on a blocking send, which the close handshake is: a client that stopped reading
	 * holds a closing thread this long at most (default 20 s).
	 */
	static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private final ConnectionHandler handler;

	private final Executor writers;

	private final ExecutorService closers;

	private final ScheduledExecutorService timers;

	private final long sendQueueLimit;

	private final int maxLineBytes;

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	WebSocketConnections(ConnectionHandler handler, Executor writers, ExecutorService closers,
			ScheduledExecutorService timers, long sendQueueLimit, int maxLineBytes) {
		this.handler = handler;
		this.writers = writers;
		this.closers = closers;
		this.timers = timers;
		this.sendQueueLimit = sendQueueLimit;
		this.maxLineBytes = maxLineBytes;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		Session container = ((NativeWebSocketSession) session).getNativeSession(Session.class);
		container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, WebSocketOutbound.CLOSE_GRACE_MILLIS);
		String id = LISTENER + "-" + session.getId();
		WebSocketOutbound outbound = new WebSocketOutbound(id, TextFrameSender.of(container.getAsyncRemote()),
				this.writers, () -> close(session), this.closers, this.timers, this.sendQueueLimit, () -> this.handler.overflowed(id));
		this.connections.put(session.getId(), new Connection(id, outbound, new FrameAssembler(this.maxLineBytes)));
		this.handler.opened(new ConnectionInfo(id, address(session), LISTENER, Format.JSON), outbound);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Connection connection = this.connections.get(session.getId());
		if (connection == null) {
			return;
		}
		InboundLine line = connection.assembler().append(message.getPayload(), message.isLast());
		if (line != null) {
			this.handler.received(connection.id(), connection.sequence().getAndIncrement(), line);
		}
	}

	/** Parts of a long frame arrive as they come, so a frame over the line limit is never held whole. */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("WebSocket {} failed", session.getId(), exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Connection connection = this.connections.remove(session.getId());
		if (connection != null) {
			connection.outbound().markClosed();
			this.handler.closed(connection.id());
		}
	}


	private static void close(WebSocketSession session) {
		try {
			session.close(CloseStatus.NORMAL);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing WebSocket {} failed", session.getId(), ex);
		}
	}

	private static String address(WebSocketSession session) {
		InetSocketAddress remote = session.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private record Connection(String id, WebSocketOutbound outbound, FrameAssembler assembler, AtomicLong sequence) {

		Connection(String id, WebSocketOutbound outbound, FrameAssembler assembler) {
			this(id, outbound, assembler, new AtomicLong());
		}

	}

}
