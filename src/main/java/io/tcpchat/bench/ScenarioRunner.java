package io.tcpchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;

/**
 * Runs one scenario from start to end: set up accounts (not measured), log the clients in (measured), apply the
 * load (warm-up, then the measured window), drain, disconnect, and put everything in one report.
 */
final class ScenarioRunner {

	private static final long MB = 1024 * 1024;

	private final BenchOptions options;

	private final Consumer<String> progress;

	private final Stats stats = new Stats();

	private final Map<String, Object> report = new LinkedHashMap<>();

	private ServerProbe probe;

	/** The server's process id, when known (spawned, or --server-pid). */
	private String serverPid;

	ScenarioRunner(BenchOptions options, Consumer<String> progress) {
		this.options = options;
		this.progress = progress;
	}

	Map<String, Object> run() throws Exception {
		this.report.put("scenario", this.options.scenario().label);
		this.report.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		this.report.put("machine", machine());
		this.report.put("settings", settings());
		SpawnedServer spawned = null;
		try {
			int port = this.options.port();
			int httpPort = this.options.httpPort();
			int ircPort = this.options.externalIrc() ? port : this.options.ircPort();
			Path gcLog = null;
			String pid = this.options.serverPid();
			if (this.options.spawn()) {
				this.progress.accept("starting a server (" + this.options.serverHeap() + " heap)...");
				spawned = SpawnedServer.start(this.options);
				port = spawned.port();
				httpPort = spawned.httpPort();
				ircPort = spawned.ircPort();
				pid = String.valueOf(spawned.pid());
				gcLog = spawned.gcLog();
			}
			this.serverPid = pid;
			try {
				// no JVM attach to a third-party server: the attach request (SIGQUIT) would end it; its CPU comes
				// from /proc
				this.probe = this.options.externalIrc() ? null : ServerProbe.connect(pid, this.options.jmx(), gcLog);
			}
			catch (IOException | RuntimeException ex) {
				this.report.put("probeError", "server heap/GC unknown" + ((ProcessCpu.nanos(pid) >= 0)
						? " (CPU from /proc)" : ", CPU too") + ": " + ex.getMessage());
			}
			this.report.put("server", serverInfo(spawned, port));
			try (LoadEngine engine = new LoadEngine(this.options, this.stats, port, httpPort, ircPort)) {
				if (this.options.scenario() == Scenario.CHURN) {
					churn(engine);
				}
				else if (this.options.scenario() == Scenario.STORM) {
					spawned = new ReconnectStorm(this.options, this.stats, this.report, this.progress, this::reprobe)
						.run(engine, spawned, () -> prepare(engine));
				}
				else {
					if (!this.options.externalIrc()) {
						// a third-party IRC server has no accounts to prepare: NICK and USER are enough
						prepare(engine);
					}
					sessions(engine);
				}
				engine.disconnectAll();
			}
		}
		finally {
			this.report.put("errors", this.stats.snapshot().errors());
			this.report.put("loadAverageAtEnd", loadAverage());
			if (this.probe != null) {
				this.probe.close();
			}
			if (spawned != null) {
				this.progress.accept("stopping the server...");
				spawned.close();
			}
		}
		return this.report;
	}

	// ---- phases

	/** Accounts (and channel memberships) created before anything is measured; reported separately. */
	private void prepare(LoadEngine engine) throws InterruptedException {
		this.progress.accept("preparing " + this.options.clients() + " accounts...");
		long start = System.nanoTime();
		int prepared = engine.connect(0, this.options.clients(), LoadClient.Mode.PREPARE,
				this.options.connectConcurrency(), this.options.connectTimeout().toMillis());
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> phase = new LinkedHashMap<>();
		phase.put("accounts", prepared);
		phase.put("seconds", round(seconds));
		phase.put("perSecond", round(prepared / seconds));
		this.report.put("prepare", phase);
		awaitQuiet();
	}

	private void sessions(LoadEngine engine) throws Exception {
		Long heapBefore = heapAfterGc();
		long rssBefore = (this.probe != null) ? this.probe.rssBytes() : -1;
		this.progress.accept("logging in " + this.options.clients() + " clients...");
		this.stats.startWindow(System.nanoTime());
		Stats.Snapshot before = this.stats.snapshot();
		int ready = engine.connect(0, this.options.clients(), LoadClient.Mode.SESSION,
				this.options.connectConcurrency(), this.options.connectTimeout().toMillis());
		Stats.Snapshot connected = this.stats.snapshot().minus(before);
		Map<String, Object> phase = new LinkedHashMap<>();
		phase.put("requested", this.options.clients());
		phase.put("loggedIn", ready);
		phase.put("seconds", round(connected.seconds()));
		phase.put("loginsPerSecond", round(ready / connected.seconds()));
		phase.put("loginLatencyMs", latency(this.stats.takeLoginLatency()));
		phase.put("errors", connected.errors());
		this.report.put("connect", phase);
		this.progress.accept(ready + " clients logged in (" + round(ready / connected.seconds()) + "/s)");

		Long heapAfter = heapAfterGc();
		long rssAfter = (this.probe != null) ? this.probe.rssBytes() : -1;
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("heapAfterGcBeforeMb", mb(heapBefore));
		memory.put("heapAfterGcWithClientsMb", mb(heapAfter));
		memory.put("heapPerConnectionBytes", (heapBefore != null && heapAfter != null && ready > 0)
				? (heapAfter - heapBefore) / ready : null);
		memory.put("rssBeforeMb", (rssBefore > 0) ? rssBefore / MB : null);
		memory.put("rssWithClientsMb", (rssAfter > 0) ? rssAfter / MB : null);
		memory.put("rssPerConnectionBytes", (rssBefore > 0 && rssAfter > 0 && ready > 0)
				? (rssAfter - rssBefore) / ready : null);
		this.report.put("memory", memory);

		if (!this.options.scenario().sendsMessages()) {
			this.progress.accept("holding " + ready + " idle clients for " + this.options.duration().toSeconds() + " s...");
			window(engine, this.options.duration(), "idle");
			return;
		}
		int senders = Math.min(this.options.senders(), ready);
		if (this.options.ramp()) {
			this.report.put("ramp", new Ramp(this.options, this.stats, this.progress).run(engine, senders));
			return;
		}
		engine.startSending(senders, this.options.rate());
		if (!this.options.warmup().isZero()) {
			this.progress.accept("warming up for " + this.options.warmup().toSeconds() + " s...");
			Thread.sleep(this.options.warmup().toMillis());
		}
		this.progress.accept("measuring for " + this.options.duration().toSeconds() + " s (" + senders
				+ " senders, rate " + (this.options.rate() > 0 ? this.options.rate() + "/s" : "open") + ")...");
		window(engine, this.options.duration(), "traffic");
		engine.stopSending();
		drain(engine);
	}

	private void churn(LoadEngine engine) throws Exception {
		this.progress.accept("preparing " + this.options.clients() + " accounts...");
		prepare(engine);
		this.progress.accept("churning " + this.options.clients() + " clients for " + this.options.warmup().toSeconds()
				+ " s warm-up + " + this.options.duration().toSeconds() + " s...");
		engine.startChurn(this.options.clients(), this.options.connectConcurrency());
		Thread.sleep(this.options.warmup().toMillis());
		window(engine, this.options.duration(), "churn");
		engine.stopChurn();
		awaitQuiet();
	}

	/** The measured window: counters, latencies and the server's heap, CPU and GC pauses over it. */
	private void window(LoadEngine engine, Duration length, String name) throws Exception {
		Stats.Snapshot start = this.stats.snapshot();
		this.stats.startWindow(System.nanoTime());
		long serverCpuStart = (this.probe != null) ? this.probe.cpuNanos() : 0;
		long processCpuStart = (this.probe == null) ? ProcessCpu.nanos(this.serverPid) : -1;
		long uptimeStart = (this.probe != null) ? this.probe.uptimeMillis() : 0;
		long ownCpuStart = ownCpuNanos();
		long heapMax = 0;
		long heapSum = 0;
		int samples = 0;
		long end = System.nanoTime() + length.toNanos();
		while (System.nanoTime() < end) {
			Thread.sleep(Math.min(500, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
			if (this.probe != null) {
				long heap = this.probe.heapUsed();
				heapMax = Math.max(heapMax, heap);
				heapSum += heap;
				samples++;
			}
		}
		Stats.Snapshot delta = this.stats.snapshot().minus(start);
		double seconds = delta.seconds();
		Map<String, Object> phase = new LinkedHashMap<>();
		phase.put("seconds", round(seconds));
		if (name.equals("traffic")) {
			phase.put("sent", delta.sent());
			phase.put("accepted", delta.accepted());
			phase.put("acceptedPerSecond", round(delta.accepted() / seconds));
			phase.put("delivered", delta.delivered());
			phase.put("deliveriesPerSecond", round(delta.delivered() / seconds));
			phase.put("deliveryLatencyMs", latency(this.stats.takeDeliveryLatency()));
			phase.put("sendsSkippedSocketFull", delta.sendBlocked());
			phase.put("inboundMbPerSecond", round(delta.bytesIn() / seconds / MB));
		}
		if (name.equals("churn")) {
			phase.put("cycles", delta.cycles());
			phase.put("cyclesPerSecond", round(delta.cycles() / seconds));
			phase.put("loginsPerSecond", round(delta.loggedIn() / seconds));
			phase.put("loginLatencyMs", latency(this.stats.takeLoginLatency()));
		}
		phase.put("errors", delta.errors());
		Map<String, Object> server = new LinkedHashMap<>();
		if (this.probe != null) {
			server.put("cpuCores", round((this.probe.cpuNanos() - serverCpuStart) / 1e9 / seconds));
			server.put("heapUsedMaxMb", heapMax / MB);
			server.put("heapUsedAvgMb", (samples > 0) ? heapSum / samples / MB : null);
			server.put("threads", this.probe.threads());
			server.put("gcPauses", ServerProbe.summarize(this.probe.pauses(uptimeStart, this.probe.uptimeMillis())));
		}
		else if (processCpuStart >= 0 && ProcessCpu.nanos(this.serverPid) >= 0) {
			server.put("cpuCores", round((ProcessCpu.nanos(this.serverPid) - processCpuStart) / 1e9 / seconds));
		}
		phase.put("server", server);
		phase.put("generatorCpuCores", round((ownCpuNanos() - ownCpuStart) / 1e9 / seconds));
		this.report.put(name, phase);
	}

	/** Lets messages still under way arrive (at most 10 s), so the generator ends with nothing in flight. */
	private void drain(LoadEngine engine) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline && engine.outstanding() > 0) {
			Thread.sleep(50);
		}
		this.report.put("unacknowledgedAtEnd", engine.outstanding());
	}

	private static void awaitQuiet() throws InterruptedException {
		// sockets closed by //quit are gone from the server's registry shortly after; a moment is enough
		Thread.sleep(500);
	}

	/** After a restart the server is another process: heap, CPU and GC are read from the new one. */
	private void reprobe(SpawnedServer server) {
		ServerProbe old = this.probe;
		this.probe = null;
		try {
			if (old != null) {
				old.close();
			}
		}
		catch (IOException ex) {
			// the process it watched is gone
		}
		try {
			this.probe = ServerProbe.connect(String.valueOf(server.pid()), null, server.gcLog());
		}
		catch (IOException | RuntimeException ex) {
			this.report.put("probeError", "server heap/CPU/GC unknown after the restart: " + ex.getMessage());
		}
	}

	// ---- report parts

	private Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memoryGb", round(((com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize() / 1e9));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("cpu", cpuModel());
		machine.put("loadAverageAtStart", loadAverage());
		return machine;
	}

	private Map<String, Object> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("clients", this.options.clients());
		settings.put("channels", this.options.channels());
		settings.put("senders", this.options.senders());
		settings.put("rate", (this.options.rate() > 0) ? this.options.rate() : "open (window " + this.options.window() + ")");
		settings.put("messageBytes", this.options.messageBytes());
		settings.put("warmupSeconds", this.options.warmup().toSeconds());
		settings.put("durationSeconds", this.options.duration().toSeconds());
		settings.put("generatorThreads", this.options.threads());
		settings.put("webSocketShare", this.options.webSocket());
		settings.put("ircShare", this.options.externalIrc() ? 1.0 : this.options.irc());
		settings.put("externalIrcServer", this.options.externalIrc());
		return settings;
	}

	private Map<String, Object> serverInfo(SpawnedServer spawned, int port) throws IOException {
		Map<String, Object> server = new LinkedHashMap<>();
		server.put("address", this.options.host() + ":" + port);
		server.put("spawned", spawned != null);
		if (spawned != null) {
			server.put("jvm", "-Xms" + this.options.serverHeap() + " -Xmx" + this.options.serverHeap() + " "
					+ this.options.serverJvmArgs());
			server.put("database", "H2 (file, fresh)");
			server.put("logs", spawned.directory().toString());
		}
		if (this.probe != null) {
			server.put("heapMaxMb", this.probe.heapMax() / MB);
			server.put("collectors", this.probe.collectors());
		}
		return server;
	}

	private Long heapAfterGc() throws IOException {
		return (this.probe != null) ? this.probe.heapAfterGc() : null;
	}

	static Map<String, Object> latency(Histogram histogram) {
		Map<String, Object> latency = new LinkedHashMap<>();
		latency.put("count", histogram.getTotalCount());
		latency.put("p50", ms(histogram.getValueAtPercentile(50)));
		latency.put("p99", ms(histogram.getValueAtPercentile(99)));
		latency.put("p999", ms(histogram.getValueAtPercentile(99.9)));
		latency.put("max", ms(histogram.getMaxValue()));
		return latency;
	}

	private static double ms(long micros) {
		return round(micros / 1000.0);
	}

	private static Long mb(Long bytes) {
		return (bytes != null) ? bytes / MB : null;
	}

	static double round(double value) {
		return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
	}

	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
