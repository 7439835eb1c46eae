package io.tcpchat.transport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.Dialect;

/**
 * The handler each TCP listener reports its connections to: the session layer itself, or the listener's
 * {@link Dialect} over it. Each dialect's handler is made once, so all its listeners and every part of them
 * (connections, the half-close check) use the same one.
 */
class ListenerHandlers {

	private final ConnectionHandler sessions;

	private final Map<String, ConnectionHandler> dialects = new HashMap<>();

	ListenerHandlers(ConnectionHandler sessions, List<Dialect> dialects) {
		this.sessions = sessions;
		for (Dialect dialect : dialects) {
			ConnectionHandler handler = dialect.over(sessions);
			for (String listener : dialect.listeners()) {
				if (this.dialects.put(listener, handler) != null) {
					throw new IllegalStateException("Two dialects for the listener " + listener);
				}
			}
		}
	}

	ConnectionHandler forListener(String listener) {
		return this.dialects.getOrDefault(listener, this.sessions);
	}

}
