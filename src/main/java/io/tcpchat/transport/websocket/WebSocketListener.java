package io.tcpchat.transport.websocket;

import io.tcpchat.transport.ChatListeners;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Reports the WebSocket listener to {@link ChatListeners} (health, logs) with the port of the web server it lives
 * in, and whether it still accepts: from start until the context stops.
 */
class WebSocketListener implements SmartLifecycle {

	private final ChatListeners listeners;

	private volatile boolean running;

	WebSocketListener(ChatListeners listeners) {
		this.listeners = listeners;
	}

	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		if (isMainServer(event.getApplicationContext())) {
			this.listeners.bound(WebSocketConnections.LISTENER, event.getWebServer().getPort(), this::isRunning);
		}
	}

	/** The management server, when it has a port of its own, serves no WebSocket. */
	private static boolean isMainServer(WebServerApplicationContext context) {
		return context.getServerNamespace() == null;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
