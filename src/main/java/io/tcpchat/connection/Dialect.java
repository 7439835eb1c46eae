package io.tcpchat.connection;

/**
 * A listener whose clients speak another protocol than the chat's own lines (IRC, for one): the dialect stands
 * between that listener and the session layer, translating the client's lines into the chat's and the chat's
 * events into the client's lines. Listeners without a dialect talk to the session layer directly.
 */
public interface Dialect {

	/** The names of the listeners whose connections speak this dialect, e.g. {@code irc} and {@code irc-tls}. */
	java.util.Set<String> listeners();

	/**
	 * The handler the listener reports its connections to.
	 * @param sessions the session layer, which the dialect's handler talks to in the chat's own lines
	 */
	ConnectionHandler over(ConnectionHandler sessions);

}
