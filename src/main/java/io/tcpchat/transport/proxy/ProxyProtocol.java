package io.tcpchat.transport.proxy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.metrics.ChatMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PROXY protocol policy of the TCP listeners ({@code chat.tcp.proxy-protocol}, {@code trusted-proxies},
 * {@code proxy-header-timeout}): starts a {@link ProxyHandshake} for each new connection, times it, and logs and
 * counts what it accepts and refuses.
 * <ul>
 * <li>{@code off}: no handshake; the socket's peer is the client.
 * <li>{@code optional}: a trusted proxy's connection is served once its header is read, or without one when its
 * first bytes are not a header (or it sends nothing within the timeout: a direct client waiting for the
 * welcome); anyone else is served at once, but a header from them is refused.
 * <li>{@code required}: only trusted proxies, and only with a header.
 * </ul>
 */
public final class ProxyProtocol implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ProxyProtocol.class);

	/** Long enough for the selector thread to register the new connection that is about to be refused. */
	static final long REFUSAL_DELAY_MILLIS = 100;

	private final ChatProperties.ProxyProtocol mode;

	private final TrustedProxies trusted;

	private final Duration timeout;

	private final ScheduledExecutorService timer;

	private final ChatMetrics metrics;

	/** @param timer runs the header timeouts (may be null when the protocol is off) */
	public ProxyProtocol(ChatProperties.Tcp tcp, ScheduledExecutorService timer, ChatMetrics metrics) {
		this.mode = tcp.proxyProtocol();
		this.trusted = TrustedProxies.of(tcp.trustedProxies());
		this.timeout = tcp.proxyHeaderTimeout();
		this.timer = timer;
		this.metrics = metrics;
		if (this.mode != ChatProperties.ProxyProtocol.OFF && this.trusted.isEmpty()) {
			throw new IllegalStateException("chat.tcp.proxy-protocol=" + this.mode.name().toLowerCase()
					+ " needs chat.tcp.trusted-proxies: the addresses of the proxies allowed to send a PROXY header");
		}
		if (this.mode != ChatProperties.ProxyProtocol.OFF) {
			log.info("PROXY protocol {} on the chat listeners, from trusted proxies {}",
					this.mode.name().toLowerCase(), this.trusted);
		}
	}

	/**
	 * The handshake of a new connection from {@code peer}, already timed; null when the protocol is off.
	 */
	public ProxyHandshake begin(InetSocketAddress peer, ProxyHandshake.Connection connection) {
		if (this.mode == ChatProperties.ProxyProtocol.OFF) {
			return null;
		}
		boolean fromProxy = this.trusted.contains(peer.getAddress());
		ProxyHandshake handshake = new ProxyHandshake(this, connection, peer, fromProxy);
		if (fromProxy || required()) {
			// not trusted but required: refused at once, from the timer once the new connection is registered
			long delay = fromProxy ? this.timeout.toMillis() : REFUSAL_DELAY_MILLIS;
			synchronized (handshake) {
				handshake.timeoutAfter(this.timer.schedule(handshake::expire, delay, TimeUnit.MILLISECONDS));
			}
		}
		return handshake;
	}

	/** Stops the timer. */
	@Override
	public void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
	}

	boolean required() {
		return this.mode == ChatProperties.ProxyProtocol.REQUIRED;
	}

	Duration timeout() {
		return this.timeout;
	}

	void accepted(ProxyHeader header) {
		this.metrics.proxyHeaderAccepted(header.hasSource() ? "v" + header.version() : "local");
	}

	void refused(InetSocketAddress peer, ProxyHeaderException reason) {
		this.metrics.proxyHeaderRefused(reason.reason().tag());
		log.warn("Refused a connection from {}: {} ({})", peer.getAddress().getHostAddress(), reason.getMessage(),
				reason.reason().tag());
	}

}
