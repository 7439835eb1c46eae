package io.tcpchat.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code chat.*} setting, with its default. The commented {@code application.yml} documents them.
 */
@ConfigurationProperties("chat")
public record ChatProperties(
		@DefaultValue Tcp tcp,
		@DefaultValue Tls tls,
		@DefaultValue("./data") Path dataDir,
		@DefaultValue Admin admin,
		@DefaultValue("open") Registration registration,
		@DefaultValue({ "ChatServ", "NickServ", "ChanServ", "server", "system" }) List<String> reservedNames,
		@DefaultValue("general") String defaultChannel,
		@DefaultValue Cluster cluster,
		String nodeId,
		@DefaultValue Keepalive keepalive,
		@DefaultValue Limits limits,
		@DefaultValue Security security,
		@DefaultValue Storage storage,
		@DefaultValue Web web,
		@DefaultValue Shutdown shutdown,
		@DefaultValue Irc irc) {

	public enum Registration {
		OPEN, CLOSED;

		public String label() {
			return name().toLowerCase();
		}
	}

	/**
	 * @param proxyProtocol whether the TCP listeners read a PROXY protocol header (v1 or v2) first
	 * @param trustedProxies addresses and CIDR blocks a PROXY header is accepted from
	 * @param proxyHeaderTimeout how long a trusted proxy's connection may take to send its header
	 */
	public record Tcp(@DefaultValue("true") boolean enabled, @DefaultValue("7777") int port,
			@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("4096") int maxLineBytes,
			@DefaultValue("off") ProxyProtocol proxyProtocol, @DefaultValue List<String> trustedProxies,
			@DefaultValue("5s") Duration proxyHeaderTimeout) {
	}

	/** {@code chat.tcp.proxy-protocol}: see docs/load-balancing.md. */
	public enum ProxyProtocol {
		OFF, OPTIONAL, REQUIRED
	}

	public record Tls(@DefaultValue("false") boolean enabled, @DefaultValue("7778") int port,
			@DefaultValue("chat") String bundle) {
	}

	public record Admin(@DefaultValue("admin") String username, String password) {
	}

	/**
	 * @param redisPrefix the start of every Redis key and channel of this cluster (several clusters, or tests, can
	 * share one Redis)
	 * @param heartbeat how often a node renews its heartbeat key (and sweeps dead nodes)
	 * @param nodeTimeout how long a node's heartbeat key lives: a node silent for longer is swept from presence
	 * @param outboxCapacity events waiting to be published to Redis; beyond it (Redis too slow) they are dropped
	 */
	public record Cluster(@DefaultValue("false") boolean enabled, @DefaultValue("tcpchat") String redisPrefix,
			@DefaultValue("2s") Duration heartbeat, @DefaultValue("10s") Duration nodeTimeout,
			@DefaultValue("10000") int outboxCapacity) {
	}

	public record Keepalive(@DefaultValue("60s") Duration idle, @DefaultValue("30s") Duration timeout) {
	}

	public record Limits(@DefaultValue("30s") Duration loginTimeout, @DefaultValue("20") int connectionsPerIp,
			@DefaultValue("5") double messagesPerSecond, @DefaultValue("20") int burst,
			@DefaultValue("true") boolean exemptAdmins, @DefaultValue("1MB") DataSize sendQueueBytes,
			@DefaultValue("2000") int maxMessageLength, @DefaultValue("100") int historyMax,
			@DefaultValue("100") int maxChannelsPerUser, @DefaultValue("10000") int maxMembersPerChannel,
			@DefaultValue("10") int channelCreations, @DefaultValue("1h") Duration channelCreationPeriod,
			@DefaultValue("5") int loginFailuresBeforeDelay, @DefaultValue("20") int loginFailuresPerAddress,
			@DefaultValue("100") int loginFailuresPerAccount, @DefaultValue("30d") Duration loginKnownAddressTtl,
			@DefaultValue("1s") Duration loginFirstDelay, @DefaultValue("5m") Duration loginMaxDelay,
			@DefaultValue("3") int registrationsPerAddress, @DefaultValue("10m") Duration registrationWindow,
			@DefaultValue("15m") Duration editWindow, @DefaultValue("20") double readsPerSecond,
			@DefaultValue("60") int readBurst) {
	}

	/**
	 * @param loginThreads threads that verify passwords and resume tokens (0: one per core)
	 * @param loginQueue logins waiting for such a thread; past it a login is refused {@code rate-limited}
	 * @param resumeTtl lifetime of a resume token
	 */
	public record Security(@DefaultValue("10") int bcryptStrength, @DefaultValue("0") int loginThreads,
			@DefaultValue("1000") int loginQueue, @DefaultValue("24h") Duration resumeTtl) {
	}

	/**
	 * @param drainDelay on shutdown, how long the node reports readiness DOWN (so a load balancer sends no new
	 * connections) before it says {@code bye shutdown} to its clients
	 */
	public record Shutdown(@DefaultValue("2s") Duration drainDelay) {
	}

	public record Storage(@DefaultValue("500") int batchSize) {
	}

	/**
	 * The web client at {@code /} and its WebSocket listener at {@code /ws} on {@code server.port}.
	 * @param allowedOrigins origins (patterns such as {@code https://*.example.com} allowed) whose pages may open
	 * the WebSocket; empty: only pages served by this server
	 */
	public record Web(@DefaultValue("true") boolean enabled, @DefaultValue List<String> allowedOrigins) {
	}

	/**
	 * The IRC listener (docs/irc.md): IRC clients over the same accounts, channels and limits.
	 * @param tlsPort the IRC listener inside TLS, only when {@code chat.tls.enabled} (same certificate)
	 * @param serverName the name the server gives itself in IRC lines
	 * @param motd the message of the day, one IRC line per line of text; empty: none
	 */
	public record Irc(@DefaultValue("true") boolean enabled, @DefaultValue("6667") int port,
			@DefaultValue("6697") int tlsPort, @DefaultValue("tcp-chat") String serverName,
			@DefaultValue("tcp-chat IRC listener") String serverDescription,
			@DefaultValue("Welcome to tcp-chat over IRC. /msg ChatServ help lists the chat's own commands.") String motd) {
	}

}
