package io.tcpchat.transport;

import io.tcpchat.connection.ConnectionHandler;

/**
 * Whether everything a connection sent so far has been handled and answered, for the half-close grace.
 */
@FunctionalInterface
interface QuietCheck {

	boolean isQuiet(String connectionId);

	/** Quiet when the session has handled every line the mapper numbered and has nothing left to write. */
	static QuietCheck of(ConnectionHandler handler, SequencingMessageMapper mapper) {
		return connectionId -> handler.isQuiet(connectionId, mapper.assembled(connectionId));
	}

}
