package io.tcpchat.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.integration.ip.tcp.connection.TcpConnection;
import org.springframework.integration.ip.tcp.connection.TcpMessageMapper;

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
		long sequence = this.counters.computeIfAbsent(connection.getConnectionId(), id -> new AtomicLong())
			.getAndIncrement();
		return Map.of(SEQUENCE_HEADER, sequence);
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
