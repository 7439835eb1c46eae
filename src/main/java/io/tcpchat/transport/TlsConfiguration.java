package io.tcpchat.transport;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.connection.ConnectionHandler;
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
 * The TLS listener ({@code chat.tls.enabled=true}): the same protocol, sessions, commands and limits as the plain
 * one, inside TLS 1.2 or 1.3, with the certificate of the SSL bundle {@code chat.tls.bundle} (reloaded when the
 * bundle is) or a generated self-signed one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.tls.enabled", havingValue = "true")
class TlsConfiguration {

	@Bean
	ChatNioSslConnectionSupport chatSslConnectionSupport(ChatProperties properties, SslBundles bundles,
			SslBundleRegistry registry, ConnectionHandler handler, SequencingMessageMapper chatMessageMapper,
			ProxyProtocol chatProxyProtocol) {
		String name = properties.tls().bundle();
		SslBundle bundle = ServerCertificate.bundle(name, bundles, registry, properties.dataDir());
		ChatNioSslConnectionSupport support = new ChatNioSslConnectionSupport(QuietCheck.of(handler, chatMessageMapper), bundle,
				chatProxyProtocol);
		bundles.addBundleUpdateHandler(name, (updated) -> {
			support.use(updated);
			ServerCertificate.describe("reloaded SSL bundle '" + name + "'", updated);
		});
		return support;
	}

	@Bean
	ChatServerSpec tlsChatConnectionFactory(ChatProperties properties,
			ChatNioSslConnectionSupport chatSslConnectionSupport, SequencingMessageMapper chatMessageMapper,
			CompositeExecutor chatReadExecutor) {
		return TransportConfiguration.chatServer(properties.tls().port(), chatSslConnectionSupport, properties,
				chatMessageMapper, chatReadExecutor);
	}

	@Bean
	IntegrationFlow tlsChatInbound(
			@Qualifier("tlsChatConnectionFactory") ChatServerSpec connectionFactory,
			TcpConnections connections) {
		return IntegrationFlow.from(Tcp.inboundAdapter(connectionFactory))
			.handle((org.springframework.messaging.MessageHandler) connections::received)
			.get();
	}

}
