package io.tcpchat.transport;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.transport.proxy.ProxyProtocol;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.ip.dsl.Tcp;
import org.springframework.integration.util.CompositeExecutor;

/**
 * The IRC listeners ({@code chat.irc.enabled}, default on): the same NIO connection factories, writers, limits
 * and PROXY protocol policy as the chat's own listeners, on {@code chat.irc.port} (and {@code chat.irc.tls-port}
 * when {@code chat.tls.enabled}). Only the framing differs: IRC lines may be longer (message tags), and they are
 * handed on uncleaned, since the IRC dialect above needs the CTCP marker and cleans each line once parsed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.irc.enabled", havingValue = "true", matchIfMissing = true)
class IrcListenerConfiguration {

	static final String IRC = "irc";

	static final String IRC_TLS = "irc-tls";

	/** 8191 bytes of IRCv3 message tags plus the 512 of the line itself. */
	static final int MAX_LINE_BYTES = 8191 + 512;

	@Bean
	ChatServerSpec ircChatConnectionFactory(ChatProperties properties, ListenerHandlers chatListenerHandlers,
			SequencingMessageMapper chatMessageMapper, CompositeExecutor chatReadExecutor,
			ProxyProtocol chatProxyProtocol) {
		QuietCheck quiet = QuietCheck.of(chatListenerHandlers.forListener(IRC), chatMessageMapper);
		return TransportConfiguration.chatServer(properties.irc().port(),
				new ChatNioConnectionSupport(quiet, chatMessageMapper, MAX_LINE_BYTES, chatProxyProtocol, true),
				properties, chatMessageMapper, chatReadExecutor, new LineCodec(MAX_LINE_BYTES, true));
	}

	@Bean
	IntegrationFlow ircChatInbound(@Qualifier("ircChatConnectionFactory") ChatServerSpec connectionFactory,
			TcpConnections connections) {
		return IntegrationFlow.from(Tcp.inboundAdapter(connectionFactory))
			.handle((org.springframework.messaging.MessageHandler) connections::received)
			.get();
	}

	/** IRC inside TLS, with the chat's TLS listener's certificate (after it, so a generated one exists). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "chat.tls.enabled", havingValue = "true")
	static class IrcTlsConfiguration {

		@Bean(IRC_TLS + "ChatConnectionFactory")
		ChatServerSpec ircTlsChatConnectionFactory(ChatProperties properties, SslBundles bundles,
				SslBundleRegistry registry, ChatNioSslConnectionSupport chatSslConnectionSupport,
				ListenerHandlers chatListenerHandlers, SequencingMessageMapper chatMessageMapper,
				CompositeExecutor chatReadExecutor, ProxyProtocol chatProxyProtocol) {
			String name = properties.tls().bundle();
			SslBundle bundle = ServerCertificate.bundle(name, bundles, registry, properties.dataDir());
			ChatNioSslConnectionSupport support = new ChatNioSslConnectionSupport(
					QuietCheck.of(chatListenerHandlers.forListener(IRC_TLS), chatMessageMapper), bundle,
					chatProxyProtocol);
			bundles.addBundleUpdateHandler(name, support::use);
			return TransportConfiguration.chatServer(properties.irc().tlsPort(), support, properties,
					chatMessageMapper, chatReadExecutor, new LineCodec(MAX_LINE_BYTES, true));
		}

		@Bean
		IntegrationFlow ircTlsChatInbound(@Qualifier(IRC_TLS + "ChatConnectionFactory") ChatServerSpec connectionFactory,
				TcpConnections connections) {
			return IntegrationFlow.from(Tcp.inboundAdapter(connectionFactory))
				.handle((org.springframework.messaging.MessageHandler) connections::received)
				.get();
		}

	}

}
