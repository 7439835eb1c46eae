package io.tcpchat.transport.websocket;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.ThreadPools;
import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.transport.ChatListeners;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistration;

/**
 * The WebSocket listener at {@value #PATH} on {@code server.port} (wss when {@code server.ssl} is configured): a
 * plain WebSocket handler, no STOMP, since the chat's JSON lines already are the browser protocol. Pages from other
 * origins may open it only when {@code chat.web.allowed-origins} names them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@ConditionalOnProperty(name = "chat.web.enabled", havingValue = "true", matchIfMissing = true)
public class WebSocketConfiguration {

	public static final String PATH = "/ws";

	/**
	 * Closing a connection may wait for a send in flight (a client that stopped reading, until the send time
	 * limit): many threads, but a bounded number; further closes wait in line.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService webSocketClosers() {
		return ThreadPools.queued("chat-ws-close", 64);
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService webSocketTimers() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-ws-timer-"));
	}

	/** @param chatWriterPool the TCP connections' writer threads, which write WebSocket frames too */
	@Bean
	WebSocketConnections webSocketConnections(ConnectionHandler handler,
			@Qualifier("chatWriterPool") Executor chatWriterPool, ExecutorService webSocketClosers,
			ScheduledExecutorService webSocketTimers, ChatProperties properties) {
		return new WebSocketConnections(handler, chatWriterPool, webSocketClosers, webSocketTimers,
				properties.limits().sendQueueBytes().toBytes(), properties.tcp().maxLineBytes());
	}

	@Bean
	WebSocketListener webSocketListener(ChatListeners listeners) {
		return new WebSocketListener(listeners);
	}

	@Bean
	WebSocketConfigurer chatWebSocketEndpoint(WebSocketConnections connections, ChatProperties properties) {
		return registry -> {
			WebSocketHandlerRegistration registration = registry.addHandler(connections, PATH);
			if (!properties.web().allowedOrigins().isEmpty()) {
				// without this Spring allows the same origin only (and clients that send no Origin, i.e. no browser)
				registration.setAllowedOriginPatterns(properties.web().allowedOrigins().toArray(String[]::new));
			}
		};
	}

}
