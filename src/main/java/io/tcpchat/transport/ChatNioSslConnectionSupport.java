package io.tcpchat.transport;

import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import io.tcpchat.transport.proxy.ProxyProtocol;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.ip.tcp.connection.TcpNioConnection;
import org.springframework.integration.ip.tcp.connection.TcpNioConnectionSupport;

/**
 * Creates the TLS listener's connections from the current SSL bundle: TLS 1.2 and 1.3 only (narrowed further if
 * the bundle's options say so); the bundle's ciphers if it names any, else only AEAD suites with forward secrecy
 * (every TLS 1.3 suite; for TLS 1.2 ECDHE or DHE with AES-GCM or ChaCha20-Poly1305: no CBC, no SHA-1).
 * {@link #use(SslBundle)} swaps the bundle when its files are reloaded; connections already open keep theirs.
 */
class ChatNioSslConnectionSupport implements TcpNioConnectionSupport {

	static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	private final QuietCheck quiet;

	private final ProxyProtocol proxyProtocol;

	private volatile Engines engines;

	ChatNioSslConnectionSupport(QuietCheck quiet, SslBundle bundle, ProxyProtocol proxyProtocol) {
		this.quiet = quiet;
		this.proxyProtocol = proxyProtocol;
		this.engines = Engines.of(bundle);
	}

	void use(SslBundle bundle) {
		this.engines = Engines.of(bundle);
	}

	@Override
	public TcpNioConnection createNewConnection(SocketChannel socketChannel, boolean server, boolean lookupHost,
			ApplicationEventPublisher applicationEventPublisher, String connectionFactoryName) {
		ChatNioSslConnection connection = new ChatNioSslConnection(socketChannel, lookupHost,
				applicationEventPublisher, connectionFactoryName, this.engines.create(), this.quiet,
				this.proxyProtocol);
		connection.init();
		return connection;
	}

	/** A TLS 1.3 suite, or a TLS 1.2 AEAD suite with an ephemeral key exchange (the renegotiation signal stays). */
	static boolean isModern(String suite) {
		boolean tls13 = suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
		boolean forwardSecret = suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_");
		boolean aead = suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_");
		return tls13 || (forwardSecret && aead) || suite.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
	}

	private record Engines(SSLContext context, String[] protocols, String[] ciphers) {

		static Engines of(SslBundle bundle) {
			SSLContext context = bundle.createSslContext();
			SslOptions options = bundle.getOptions();
			String[] supported = context.getSupportedSSLParameters().getProtocols();
			String[] protocols = PROTOCOLS.stream()
				.filter((protocol) -> Arrays.asList(supported).contains(protocol))
				.filter((protocol) -> options.getEnabledProtocols() == null
						|| Arrays.asList(options.getEnabledProtocols()).contains(protocol))
				.toArray(String[]::new);
			if (protocols.length == 0) {
				throw new IllegalStateException("The TLS listener serves only " + PROTOCOLS
						+ ", but the SSL bundle enables " + Arrays.toString(options.getEnabledProtocols()));
			}
			String[] ciphers = (options.getCiphers() != null) ? options.getCiphers()
					: Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
						.filter(ChatNioSslConnectionSupport::isModern)
						.toArray(String[]::new);
			return new Engines(context, protocols, ciphers);
		}

		SSLEngine create() {
			SSLEngine engine = this.context.createSSLEngine();
			engine.setUseClientMode(false);
			engine.setEnabledProtocols(this.protocols);
			engine.setEnabledCipherSuites(this.ciphers);
			return engine;
		}

	}

}
