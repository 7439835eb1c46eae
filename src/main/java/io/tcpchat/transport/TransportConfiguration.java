package io.tcpchat.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.ThreadPools;
import io.tcpchat.connection.ConnectionHandler;
import io.tcpchat.connection.Dialect;
import io.tcpchat.metrics.ChatMetrics;
import io.tcpchat.transport.proxy.ProxyProtocol;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.dsl.Tcp;
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

	/** The most threads a pool that may wait for one TLS client has. */
	static final int MAX_BLOCKING_THREADS = 64;

	/** The TCP listeners (plain, TLS, IRC and IRC over TLS), each with a selector loop on the read pool. */
	static final int LISTENERS = 4;

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

	/** Writers of the plain connections: writes never block, so one thread per core (at least two). */
	@Bean(destroyMethod = "close")
	WriterThreads chatWriterPool() {
		return new WriterThreads("chat-write", ThreadPools.perCore(1, 2));
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService chatWriteRetries() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("chat-write-retry-"));
	}

	/**
	 * Reads, on two bounded pools. On the first, each listener's selector loop holds one thread for good, and the
	 * other threads read: plain connections read and cut lines without blocking ({@link ChatNioConnection}) and
	 * hand each line to the session on the same thread, so the command runs there (a database write may wait for
	 * a pooled connection: four threads per core). The second pool runs Spring Integration's line assemblers,
	 * which only TLS connections still use and which wait while a client sends half a line; when all its threads
	 * are busy Spring Integration delays the read and tries again.
	 */
	@Bean(destroyMethod = "")
	CompositeExecutor chatReadExecutor() {
		return new CompositeExecutor(ThreadPools.queued("chat-read", ThreadPools.perCore(4, 8) + LISTENERS),
				ThreadPools.handOff("chat-tls-read", MAX_BLOCKING_THREADS));
	}

	/**
	 * Writers that may block on one client (TLS, until the socket timeout): many threads so that one stalled
	 * client holds up few others, but a bounded number; further writes wait in line.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService chatBlockingWriterPool() {
		return ThreadPools.queued("chat-write-tls", MAX_BLOCKING_THREADS);
	}

	/**
	 * The PROXY protocol policy of both TCP listeners, with one timer thread for the header timeouts (a header
	 * usually arrives at once, so its timeout is dropped then rather than kept queued for seconds).
	 */
	@Bean(destroyMethod = "close")
	ProxyProtocol chatProxyProtocol(ChatProperties properties, ChatMetrics metrics) {
		ScheduledThreadPoolExecutor timer = null;
		if (properties.tcp().proxyProtocol() != ChatProperties.ProxyProtocol.OFF) {
			timer = new ScheduledThreadPoolExecutor(1, new CustomizableThreadFactory("chat-proxy-timer-"));
			timer.setRemoveOnCancelPolicy(true);
		}
		return new ProxyProtocol(properties.tcp(), timer, metrics);
	}

	@Bean
	ListenerHandlers chatListenerHandlers(ConnectionHandler handler, ObjectProvider<Dialect> dialects) {
		return new ListenerHandlers(handler, dialects.orderedStream().toList());
	}

	@Bean
	TcpConnections tcpConnections(ListenerHandlers handlers, SequencingMessageMapper chatMessageMapper,
			WriterThreads chatWriterPool, ExecutorService chatBlockingWriterPool,
			ScheduledExecutorService chatWriteRetries, ChatProperties properties) {
		return new TcpConnections(handlers, chatMessageMapper, chatWriterPool, chatBlockingWriterPool,
				chatWriteRetries, properties);
	}

	@Bean
	@ConditionalOnProperty(name = "chat.tcp.enabled", havingValue = "true", matchIfMissing = true)
	ChatServerSpec plainChatConnectionFactory(ChatProperties properties,
			ConnectionHandler handler, SequencingMessageMapper chatMessageMapper,
			CompositeExecutor chatReadExecutor, ProxyProtocol chatProxyProtocol) {
		return chatServer(properties.tcp().port(), new ChatNioConnectionSupport(QuietCheck.of(handler, chatMessageMapper), chatMessageMapper,
				properties.tcp().maxLineBytes(), chatProxyProtocol), properties,
				chatMessageMapper, chatReadExecutor);
	}

	/**
	 * A listener of the chat protocol; the plain and the TLS one differ only in port and connection support.
	 */
	static ChatServerSpec chatServer(int port, TcpNioConnectionSupport connectionSupport,
			ChatProperties properties, SequencingMessageMapper chatMessageMapper,
			CompositeExecutor chatReadExecutor) {
		return chatServer(port, connectionSupport, properties, chatMessageMapper, chatReadExecutor,
				new LineCodec(properties.tcp().maxLineBytes()));
	}

	/** A listener with its own framing (the IRC listeners: their line length, uncleaned lines). */
	static ChatServerSpec chatServer(int port, TcpNioConnectionSupport connectionSupport,
			ChatProperties properties, SequencingMessageMapper chatMessageMapper,
			CompositeExecutor chatReadExecutor, LineCodec codec) {
		ChatProperties.Tcp tcp = properties.tcp();
		return new ChatServerSpec(port)
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
			@Qualifier("plainChatConnectionFactory") ChatServerSpec connectionFactory,
			TcpConnections connections) {
		return IntegrationFlow.from(Tcp.inboundAdapter(connectionFactory))
			.handle((org.springframework.messaging.MessageHandler) connections::received)
			.get();
	}

	/**
	 * The socket timeout, which now only bounds a TLS write blocked on a client that does not read. Idle
	 * connections are not timed out by the factory ({@link ChatNioServerConnectionFactory}): the keepalive closes
	 * silent clients.
	 */
	private static int backstopTimeoutMillis(ChatProperties properties) {
		ChatProperties.Keepalive keepalive = properties.keepalive();
		return (int) keepalive.idle().plus(keepalive.timeout()).plusSeconds(30).toMillis();
	}

}
