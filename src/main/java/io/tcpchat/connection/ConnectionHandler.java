package io.tcpchat.connection;

/**
 * What a listener tells the layer above about each connection. Calls for one connection may come from
 * different threads; {@link #received} carries a per-connection sequence number so lines can be handled in
 * order.
 */
public interface ConnectionHandler {

	void opened(ConnectionInfo connection, Outbound outbound);

	void received(String connectionId, long sequence, InboundLine line);

	void closed(String connectionId);

	/** The client stopped reading and its send queue is full. */
	void overflowed(String connectionId);

	/**
	 * True when all {@code linesAssembled} lines the transport numbered so far have been handled, nothing is still
	 * being handled, and nothing queued is still unwritten.
	 */
	boolean isQuiet(String connectionId, long linesAssembled);

}
