package io.tcpchat.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.connection.ConnectionHandler;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.dsl.Tcp;
import org.springframework.integration.ip.dsl.TcpNioServerConnectionFactorySpec;
import org.springframework.integration.ip.tcp.connection.TcpNioConnectionSupport;
import org.springframework.integration.util.CompositeExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The chat listeners: Spring Integration NIO server connection factories with the chat's codec, feeding an
 * inbound channel adapter whose flow hands each line to the session layer.
 */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

	static final String PLAIN = "plain";

	static final String TLS = "tls";

	private static final String FACTORY_SUFFIX = "ChatConnectionFactory";

	static String listenerName(String connectionFactoryName) {
		if (connectionFactoryName != null && connectionFactoryName.endsWith(FACTORY_SUFFIX)) {
			return connectionFactoryName.substring(0, connectionFactoryName.length() - FACTORY_SUFFIX.length());
		}
		return String.valueOf(connectionFactoryName);
	}

	@Bean
	SequencingMessageMapper chatMessageMapper() {
		return new SequencingMessageMapper();
	}

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService chatWriterPool() {
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		return Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("chat-write-"));
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService chatWriteRetries() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-write-retry-"));
	}

	/** Reads and line assembly: cached pools, since an assembler waits while a client sends half a line. */
	@Bean(destroyMethod = "")
	CompositeExecutor chatReadExecutor() {
		return new CompositeExecutor(Executors.newCachedThreadPool(new CustomizableThreadFactory("chat-io-")),
				Executors.newCachedThreadPool(new CustomizableThreadFactory("chat-read-")));
	}

	/** Writers that may block on one client (TLS): a thread each, so that nobody else waits. */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService chatBlockingWriterPool() {
		return Executors.newCachedThreadPool(new CustomizableThreadFactory("chat-write-tls-"));
	}

	@Bean
	TcpConnections tcpConnections(ConnectionHandler handler, SequencingMessageMapper chatMessageMapper,
			ExecutorService chatWriterPool, ExecutorService chatBlockingWriterPool,
			ScheduledExecutorService chatWriteRetries, ChatProperties properties) {
		return new TcpConnections(handler, chatMessageMapper, chatWriterPool, chatBlockingWriterPool,
				chatWriteRetries, properties);
	}

	@Bean
	@ConditionalOnProperty(name = "chat.tcp.enabled", havingValue = "true", matchIfMissing = true)
	TcpNioServerConnectionFactorySpec plainChatConnectionFactory(ChatProperties properties,
			ConnectionHandler handler, SequencingMessageMapper chatMessageMapper,
			CompositeExecutor chatReadExecutor) {
		return chatServer(properties.tcp().port(), new ChatNioConnectionSupport(QuietCheck.of(handler, chatMessageMapper)), properties,
				chatMessageMapper, chatReadExecutor);
	}

	/**
	 * A listener of the chat protocol; the plain and the TLS one differ only in port and connection support.
	 */
	static TcpNioServerConnectionFactorySpec chatServer(int port, TcpNioConnectionSupport connectionSupport,
			ChatProperties properties, SequencingMessageMapper chatMessageMapper,
			CompositeExecutor chatReadExecutor) {
		ChatProperties.Tcp tcp = properties.tcp();
		LineCodec codec = new LineCodec(tcp.maxLineBytes());
		return Tcp.nioServer(port)
			.localAddress(tcp.bindAddress())
			.deserializer(codec)
			.serializer(codec)
			.mapper(chatMessageMapper)
			.connectionSupport(connectionSupport)
			.taskExecutor(chatReadExecutor)
			.soTimeout(backstopTimeoutMillis(properties))
			.soTcpNoDelay(true)
			.lookupHost(false)
			.backlog(1024);
	}

	@Bean
	@ConditionalOnProperty(name = "chat.tcp.enabled", havingValue = "true", matchIfMissing = true)
	IntegrationFlow plainChatInbound(
			@Qualifier("plainChatConnectionFactory") TcpNioServerConnectionFactorySpec connectionFactory,
			TcpConnections connections) {
		return IntegrationFlow.from(Tcp.inboundAdapter(connectionFactory))
			.handle((org.springframework.messaging.MessageHandler) connections::received)
			.get();
	}

	/**
	 * Spring Integration closes a connection silent for this long. The keepalive closes silent clients earlier;
	 * this is only the backstop.
	 */
	private static int backstopTimeoutMillis(ChatProperties properties) {
		ChatProperties.Keepalive keepalive = properties.keepalive();
		return (int) keepalive.idle().plus(keepalive.timeout()).plusSeconds(30).toMillis();
	}

}
