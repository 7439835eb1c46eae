package io.tcpchat.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The chat's own meters, all named {@code chat.*}. The core calls in at the points where things happen; this
 * class only knows names, tags and meter types.
 */
@Component
public class ChatMetrics {

	/** Tag value for command names that are not registered, so typos cannot create new time series. */
	public static final String UNKNOWN_COMMAND = "unknown";

	private final MeterRegistry registry;

	private final Counter deliveriesSent;

	private final Counter deliveriesDropped;

	private final Counter loginsSucceeded;

	private final Counter slowConsumersDropped;

	/**
	 * Meters by their tags, registered on first use and then reused: registering again on every command looked the
	 * meter up by its full id each time. The tag values are bounded (command names, error codes, kinds).
	 */
	private final Map<String, Timer> commandTimers = new ConcurrentHashMap<>();

	private final Map<String, Counter> messageCounters = new ConcurrentHashMap<>();

	private final Map<String, Counter> loginFailureCounters = new ConcurrentHashMap<>();

	private final Map<String, Counter> proxyCounters = new ConcurrentHashMap<>();

	public ChatMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.deliveriesSent = Counter.builder("chat.deliveries.sent")
			.description("Events queued for a client")
			.register(registry);
		this.deliveriesDropped = Counter.builder("chat.deliveries.dropped")
			.description("Events not queued because the client's connection was closing or over its send queue")
			.register(registry);
		this.loginsSucceeded = Counter.builder("chat.logins.succeeded")
			.description("Successful logins with username and password")
			.register(registry);
		this.slowConsumersDropped = Counter.builder("chat.connections.slow-dropped")
			.description("Connections closed because the client stopped reading and its send queue filled up")
			.register(registry);
		loginsFailed("bad-credentials");
		for (String kind : new String[] { "channel", "direct", "broadcast" }) {
			messagesReceived(kind);
		}
	}

	/** @param listener the listener's name: {@code plain}, {@code tls}, {@code websocket} */
	public void connectionsOpen(String listener, Supplier<Number> count) {
		Gauge.builder("chat.connections.open", count)
			.description("Open chat connections on this node, by listener")
			.tag("listener", listener)
			.register(this.registry);
	}

	public void usersOnline(Supplier<Number> count) {
		Gauge.builder("chat.users.online", count).description("Distinct users logged in").register(this.registry);
	}

	/** A chat message accepted and stored; {@code kind} is {@code channel}, {@code direct} or {@code broadcast}. */
	public void messageReceived(String kind) {
		messagesReceived(kind).increment();
	}

	/** @param queued whether the event was queued for the client, or dropped */
	public void delivery(boolean queued) {
		(queued ? this.deliveriesSent : this.deliveriesDropped).increment();
	}

	public void slowConsumerDropped() {
		this.slowConsumersDropped.increment();
	}

	public void loginSucceeded() {
		this.loginsSucceeded.increment();
	}

	/** @param reason the error code of the refusal, e.g. {@code bad-credentials} or {@code banned} */
	public void loginFailed(String reason) {
		loginsFailed(reason).increment();
	}

	/**
	 * @param command a registered command name, or {@link #UNKNOWN_COMMAND}
	 * @param outcome {@code ok}, or the error code of the refusal
	 */
	public void commandCompleted(String command, String outcome, Duration took) {
		this.commandTimers.computeIfAbsent(command + ' ' + outcome, key -> Timer.builder("chat.command")
			.description("Time to run a //command (until its reply, or until handed off for asynchronous ones)")
			.tag("command", command)
			.tag("outcome", outcome)
			.register(this.registry)).record(took);
	}

	/** @param kind {@code v1} or {@code v2} (a client address), or {@code local} (the proxy's own connection) */
	public void proxyHeaderAccepted(String kind) {
		this.proxyCounters.computeIfAbsent("accepted " + kind, key -> Counter.builder("chat.proxy.headers")
			.description("PROXY protocol headers accepted on the TCP listeners")
			.tag("kind", kind)
			.register(this.registry)).increment();
	}

	/**
	 * @param reason {@code untrusted}, {@code missing}, {@code malformed}, {@code oversized} or {@code timeout}
	 */
	public void proxyHeaderRefused(String reason) {
		this.proxyCounters.computeIfAbsent("refused " + reason, key -> Counter.builder("chat.proxy.refused")
			.description("Connections refused by the PROXY protocol check of the TCP listeners")
			.tag("reason", reason)
			.register(this.registry)).increment();
	}

	private Counter messagesReceived(String kind) {
		return this.messageCounters.computeIfAbsent(kind, key -> Counter.builder("chat.messages.received")
			.description("Chat messages accepted and stored")
			.tag("kind", kind)
			.register(this.registry));
	}

	private Counter loginsFailed(String reason) {
		return this.loginFailureCounters.computeIfAbsent(reason, key -> Counter.builder("chat.logins.failed")
			.description("Refused logins")
			.tag("reason", reason)
			.register(this.registry));
	}

}
