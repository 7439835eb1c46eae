package io.tcpchat.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load generator's command line: {@code bench <scenario> [--option value]...}.
 */
record BenchOptions(Scenario scenario, String host, int port, int clients, int channels, int senders, double rate,
		Duration warmup, Duration duration, int window, int messageBytes, String userPrefix, String password,
		int connectConcurrency, int sourceAddresses, int threads, Duration connectTimeout, String serverPid,
		String jmx, boolean spawn, String serverHeap, String serverJvmArgs, List<String> serverArgs, Path jfr,
		Path jsonOut, boolean quiet, double webSocket, int httpPort, boolean ramp, int rampSteps, double rampFactor,
		double irc, int ircPort, boolean externalIrc) {

	static final String USAGE = """
			Usage: java -jar tcp-chat.jar bench <idle|fanout|many-channels|dm|churn|storm|smoke> [options]

			Without --port, a server is started for the run (a child JVM from the same jar, fresh H2 database,
			bcrypt strength 4, limits lifted) and stopped afterwards; the storm restarts it once, with bcrypt 10. With --port, the server at --host is used
			(it must allow many connections, registrations (chat.limits.registrations-per-address) and a high
			message rate per IP).

			  --clients N             logged-in clients (scenario default)
			  --channels C            channels the clients are spread over
			  --senders S             clients that send
			  --rate R                messages per second in total; 0 = as fast as the server accepts
			  --window W              messages a sender may have unacknowledged when --rate is 0 (default 8)
			  --duration 20s          measurement time; --warmup 5s before it
			  --message-bytes B       size of a message text (default 64)
			  --threads T             selector threads of the generator (default 1)
			  --connect-concurrency K logins in flight at once (default 200)
			  --source-addresses A    spread clients over 127.0.0.1..127.0.0.A (default 1; churn: 8)
			  --host H --port P       use a running server (127.0.0.x only)
			  --server-pid PID        with --port: read heap, CPU and GC pauses of that JVM over JMX (attach)
			  --jmx H:P               with --port: same, through a JMX remote port
			  --server-heap 1g        heap of the spawned server (-Xms and -Xmx)
			  --server-jvm-args "..." JVM options of the spawned server (default -XX:+UseZGC)
			  --server-arg --x=y      a Spring property for the spawned server (repeatable)
			  --jfr FILE              record the spawned server with Java Flight Recorder (profile settings)
			  --json FILE             also write the JSON report to FILE
			  --websocket F           put this share of the clients (0..1) on the WebSocket listener (default 0)
			  --http-port P           with --port: the server's HTTP port, where the WebSocket is (default 8080)
			  --irc F                 put this share of the clients (0..1) on the IRC listener (default 0): PASS login,
			                          echo-message, PRIVMSG to their channel (fanout, many-channels, dm, idle, smoke)
			  --irc-port P            with --port: the server's IRC port (default 6667)
			  --external-irc          with --host/--port: drive a third-party IRC server (ngIRCd, InspIRCd): no accounts,
			                          NICK/USER only, every client on IRC, no preparation; see docs/performance.md
			  --user-prefix P --password W   accounts used (default bench / bench-password)
			  --ramp                  raise --rate step by step (each step --warmup + --duration) until delivery
			                          p99 reaches 100 ms or anything is lost; report the highest passing step
			  --ramp-steps N          at most N steps (default 12); --ramp-factor F: rate x F per step (default 1.5)
			""";

	static BenchOptions parse(String[] args) {
		if (args.length == 0 || args[0].startsWith("-")) {
			throw new IllegalArgumentException("Name a scenario.");
		}
		Scenario scenario = Scenario.parse(args[0]);
		Map<String, String> values = new HashMap<>();
		List<String> serverArgs = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
			}
			String key = arg.substring(2);
			String value;
			int equals = key.indexOf('=');
			if (equals > 0 && !key.startsWith("server-arg")) {
				value = key.substring(equals + 1);
				key = key.substring(0, equals);
			}
			else if (key.equals("quiet") || key.equals("ramp") || key.equals("external-irc")) {
				value = "true";
			}
			else if (key.startsWith("server-arg=")) {
				value = key.substring("server-arg=".length());
				key = "server-arg";
			}
			else {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("--" + key + " needs a value");
				}
				value = args[++i];
			}
			if (key.equals("server-arg")) {
				serverArgs.add(value);
			}
			else {
				values.put(key, value);
			}
		}
		Options o = new Options(values);
		String host = o.text("host", "127.0.0.1");
		requireLoopback(host);
		int port = o.integer("port", 0);
		String pid = o.text("server-pid", null);
		if (pid != null && !pid.equals("self") && !pid.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("--server-pid takes a process id (or self)");
		}
		BenchOptions options = new BenchOptions(scenario, host, port, o.integer("clients", scenario.clients),
				o.integer("channels", scenario.channels), o.integer("senders", scenario.senders),
				o.decimal("rate", scenario.rate), o.duration("warmup", Duration.ofSeconds(scenario == Scenario.SMOKE ? 0 : 5)),
				o.duration("duration", Duration.ofSeconds(scenario.seconds)), o.integer("window", 8),
				o.integer("message-bytes", 64), o.text("user-prefix", "bench"), o.text("password", "bench-password"),
				o.integer("connect-concurrency", 200),
				o.integer("source-addresses", scenario == Scenario.CHURN ? 8 : 1), o.integer("threads", 1),
				o.duration("connect-timeout", Duration.ofSeconds(120)), pid,
				o.text("jmx", null), port == 0, o.text("server-heap", "1g"),
				o.text("server-jvm-args", "-XX:+UseZGC"), List.copyOf(serverArgs),
				o.path("jfr"), o.path("json"), o.text("quiet", "false").equals("true"), o.decimal("websocket", 0),
				o.integer("http-port", 8080), o.text("ramp", "false").equals("true"), o.integer("ramp-steps", 12),
				o.decimal("ramp-factor", 1.5), o.decimal("irc", 0), o.integer("irc-port", 6667),
				o.text("external-irc", "false").equals("true"));
		o.rejectUnknown();
		if (options.senders() > options.clients()) {
			throw new IllegalArgumentException("--senders cannot exceed --clients");
		}
		if (options.messageBytes() < 40 || options.messageBytes() > 2000) {
			throw new IllegalArgumentException("--message-bytes must be 40..2000");
		}
		if (options.ramp() && (!scenario.sendsMessages() || options.rampSteps() < 1 || options.rampFactor() <= 1)) {
			throw new IllegalArgumentException("--ramp needs a scenario that sends, --ramp-steps >= 1 and --ramp-factor > 1");
		}
		if (options.webSocket() < 0 || options.webSocket() > 1) {
			throw new IllegalArgumentException("--websocket is a share of the clients, 0..1");
		}
		if (options.irc() < 0 || options.irc() > 1 || options.irc() > 0 && options.webSocket() > 0) {
			throw new IllegalArgumentException("--irc is a share of the clients, 0..1, not combined with --websocket");
		}
		boolean anyIrc = options.irc() > 0 || options.externalIrc();
		if (anyIrc && (scenario == Scenario.CHURN || scenario == Scenario.STORM)) {
			throw new IllegalArgumentException("IRC clients take part in idle, fanout, many-channels, dm and smoke");
		}
		if (options.externalIrc() && (options.spawn() || options.webSocket() > 0)) {
			throw new IllegalArgumentException("--external-irc needs --port (the IRC server's) and no --websocket");
		}
				if (options.sourceAddresses() < 1 || options.sourceAddresses() > 250) {
			throw new IllegalArgumentException("--source-addresses must be 1..250");
		}
		return options;
	}

	/** Load is only ever generated against this machine. */
	private static void requireLoopback(String host) {
		if (!host.equals("localhost") && !host.startsWith("127.")) {
			throw new IllegalArgumentException("The load generator targets 127.0.0.0/8 only, not " + host);
		}
	}

	/** Whether client {@code index} uses the WebSocket listener: the share asked for, spread evenly. */
	boolean onWebSocket(int index) {
		return Math.floor((index + 1) * this.webSocket) > Math.floor(index * this.webSocket);
	}

	/** Whether client {@code index} speaks IRC: every client against a third-party server, else the share. */
	boolean onIrc(int index) {
		if (this.externalIrc) {
			return true;
		}
		return Math.floor((index + 1) * this.irc) > Math.floor(index * this.irc);
	}

		String userName(int index) {
		return this.userPrefix + "-" + index;
	}

	/** The channel of a client, or null for clients that stay in the default channel only. */
	String channelOf(int index) {
		return (this.channels <= 0) ? null : this.userPrefix + "-c" + (index % this.channels);
	}

	private static final class Options {

		private final Map<String, String> values;

		private final Set<String> used = new HashSet<>();

		Options(Map<String, String> values) {
			this.values = values;
		}

		String text(String key, String fallback) {
			this.used.add(key);
			return this.values.getOrDefault(key, fallback);
		}

		int integer(String key, int fallback) {
			String value = text(key, null);
			return (value != null) ? Integer.parseInt(value.replace("_", "")) : fallback;
		}

		double decimal(String key, double fallback) {
			String value = text(key, null);
			return (value != null) ? Double.parseDouble(value) : fallback;
		}

		Duration duration(String key, Duration fallback) {
			String value = text(key, null);
			if (value == null) {
				return fallback;
			}
			if (value.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
			}
			if (value.endsWith("s")) {
				return Duration.ofMillis((long) (Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
			}
			if (value.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
			}
			return Duration.ofSeconds(Long.parseLong(value));
		}

		Path path(String key) {
			String value = text(key, null);
			return (value != null) ? Path.of(value) : null;
		}

		void rejectUnknown() {
			for (String key : this.values.keySet()) {
				if (!this.used.contains(key)) {
					throw new IllegalArgumentException("Unknown option --" + key);
				}
			}
		}

	}

}
