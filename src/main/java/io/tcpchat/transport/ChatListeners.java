package io.tcpchat.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.integration.ip.tcp.connection.TcpConnectionServerListeningEvent;
import org.springframework.stereotype.Component;

/**
 * The chat listeners that are bound, by name ({@code plain}, {@code tls}), with the port actually bound.
 */
@Component
public class ChatListeners {

	private static final Logger log = LoggerFactory.getLogger(ChatListeners.class);

	private final Map<String, Integer> ports = new ConcurrentHashMap<>();

	@EventListener
	void listening(TcpConnectionServerListeningEvent event) {
		String name = TransportConfiguration
			.listenerName(((org.springframework.integration.ip.tcp.connection.AbstractConnectionFactory) event.getSource())
				.getComponentName());
		this.ports.put(name, event.getPort());
		log.info("Chat listener '{}' accepting connections on port {}", name, event.getPort());
	}

	/** @return the bound port, or -1 if that listener is not listening */
	public int port(String listener) {
		return this.ports.getOrDefault(listener, -1);
	}

	public Map<String, Integer> ports() {
		return Map.copyOf(this.ports);
	}

}
