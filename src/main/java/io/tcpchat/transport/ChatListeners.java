package io.tcpchat.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerListeningEvent;
import org.springframework.stereotype.Component;

/**
 * The chat listeners that are bound, by name ({@code plain}, {@code tls}, {@code websocket}), with the port
 * actually bound.
 */
@Component
public class ChatListeners {

	private static final Logger log = LoggerFactory.getLogger(ChatListeners.class);

	private final Map<String, Integer> ports = new ConcurrentHashMap<>();

	private final Map<String, BooleanSupplier> accepting = new ConcurrentHashMap<>();

	@EventListener
	void listening(TcpConnectionServerListeningEvent event) {
		AbstractServerConnectionFactory factory = (AbstractServerConnectionFactory) event.getSource();
		String name = TransportConfiguration.listenerName(factory.getComponentName());
		bound(name, event.getPort(), factory::isListening);
	}

	/**
	 * Records a listener that bound its port.
	 * @param accepting whether it still accepts connections (it stops when the server stops)
	 */
	public void bound(String listener, int port, BooleanSupplier accepting) {
		this.accepting.put(listener, accepting);
		this.ports.put(listener, port);
		log.info("Chat listener '{}' accepting connections on port {}", listener, port);
	}

	/** @return the bound port, or -1 if that listener is not listening */
	public int port(String listener) {
		return this.ports.getOrDefault(listener, -1);
	}

	public Map<String, Integer> ports() {
		return Map.copyOf(this.ports);
	}

	/** Whether the listener bound its port and still accepts connections (it stops when the server stops). */
	public boolean isAccepting(String listener) {
		BooleanSupplier accepting = this.accepting.get(listener);
		return accepting != null && accepting.getAsBoolean();
	}

}
