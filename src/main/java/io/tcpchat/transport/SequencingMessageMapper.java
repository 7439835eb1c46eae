package io.tcpchat.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.tcpchat.connection.InboundLine;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpMessageMapper;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * Numbers each connection's lines as they are assembled. Spring Integration's NIO connections may hand
 * consecutive messages of one connection to the listener on different threads; the numbers let the session
 * layer restore their order.
 */
class SequencingMessageMapper extends TcpMessageMapper {

	static final String SEQUENCE_HEADER = "chat_seq";

	private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

	@Override
	protected Map<String, ?> supplyCustomHeaders(TcpConnection connection) {
		return Map.of(SEQUENCE_HEADER, next(connection.getConnectionId()));
	}

	/** The message of a line framed by the connection itself ({@link ChatNioConnection}), numbered like the others. */
	Message<InboundLine> toMessage(String connectionId, InboundLine line) {
		return MessageBuilder.withPayload(line)
			.setHeader(IpHeaders.CONNECTION_ID, connectionId)
			.setHeader(SEQUENCE_HEADER, next(connectionId))
			.build();
	}

	private long next(String connectionId) {
		return this.counters.computeIfAbsent(connectionId, id -> new AtomicLong()).getAndIncrement();
	}

	/** How many lines of the connection have been numbered so far. */
	long assembled(String connectionId) {
		AtomicLong counter = this.counters.get(connectionId);
		return (counter != null) ? counter.get() : 0;
	}

	void forget(String connectionId) {
		this.counters.remove(connectionId);
	}

}
