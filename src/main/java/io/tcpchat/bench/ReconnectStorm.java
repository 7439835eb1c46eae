package io.tcpchat.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The storm scenario: every client logs in once with its password (and so holds a resume token), the server
 * restarts (a running server given with {@code --port} cannot be restarted: then every client just disconnects),
 * a bystander comes back first and sends at {@code --rate}, and then all the others come back at once with their
 * tokens, at most {@code --connect-concurrency} logins in flight. Reported: how long until all were back, how many
 * by token, their login latency, and the bystander's message latency meanwhile.
 */
final class ReconnectStorm {

	/** Sets up accounts; the runner's own phase. */
	interface Preparation {

		void prepare() throws Exception;

	}

	private final BenchOptions options;

	private final Stats stats;

	private final Map<String, Object> report;

	private final Consumer<String> progress;

	private final Consumer<SpawnedServer> restarted;

	ReconnectStorm(BenchOptions options, Stats stats, Map<String, Object> report, Consumer<String> progress,
			Consumer<SpawnedServer> restarted) {
		this.options = options;
		this.stats = stats;
		this.report = report;
		this.progress = progress;
		this.restarted = restarted;
	}

	/** @return the server now running (after a restart, another process) */
	SpawnedServer run(LoadEngine engine, SpawnedServer spawned, Preparation preparation) throws Exception {
		int clients = this.options.clients();
		if (clients < 2) {
			throw new IllegalArgumentException("The storm needs --clients 2 or more (one is the bystander)");
		}
		preparation.prepare();
		this.progress.accept("logging in " + clients + " clients with their passwords...");
		long start = System.nanoTime();
		int first = engine.connect(0, clients, LoadClient.Mode.SESSION, this.options.connectConcurrency(),
				this.options.connectTimeout().toMillis());
		Map<String, Object> firstLogin = new LinkedHashMap<>();
		firstLogin.put("loggedIn", first);
		firstLogin.put("seconds", ScenarioRunner.round((System.nanoTime() - start) / 1e9));
		this.report.put("passwordLogins", firstLogin);
		this.stats.takeLoginLatency();

		engine.disconnectAll();
		SpawnedServer server = spawned;
		if (server != null) {
			this.progress.accept("restarting the server...");
			long down = System.nanoTime();
			server = server.restart(this.options);
			this.report.put("restartSeconds", ScenarioRunner.round((System.nanoTime() - down) / 1e9));
			this.restarted.accept(server);
		}
		else {
			Thread.sleep(500);
		}

		this.stats.startWindow(System.nanoTime());
		Stats.Snapshot before = this.stats.snapshot();
		long resumedBefore = this.stats.resumed.sum();
		int bystander = engine.connect(0, 1, LoadClient.Mode.SESSION, 1, this.options.connectTimeout().toMillis());
		this.stats.takeLoginLatency();
		engine.startSending(bystander, this.options.rate());
		this.progress.accept("the bystander sends " + this.options.rate() + "/s; " + (clients - 1)
				+ " clients reconnect at once...");
		long stormStart = System.nanoTime();
		int back = engine.connect(1, clients, LoadClient.Mode.SESSION, this.options.connectConcurrency(),
				this.options.connectTimeout().toMillis());
		double seconds = (System.nanoTime() - stormStart) / 1e9;
		engine.stopSending();
		Thread.sleep(500);
		Stats.Snapshot delta = this.stats.snapshot().minus(before);

		Map<String, Object> storm = new LinkedHashMap<>();
		storm.put("clients", clients - 1);
		storm.put("back", back);
		storm.put("byResumeToken", this.stats.resumed.sum() - resumedBefore - bystander);
		storm.put("seconds", ScenarioRunner.round(seconds));
		storm.put("loginsPerSecond", ScenarioRunner.round(back / seconds));
		storm.put("loginLatencyMs", ScenarioRunner.latency(this.stats.takeLoginLatency()));
		Map<String, Object> bystanderReport = new LinkedHashMap<>();
		bystanderReport.put("sent", delta.sent());
		bystanderReport.put("delivered", delta.delivered());
		bystanderReport.put("latencyMs", ScenarioRunner.latency(this.stats.takeDeliveryLatency()));
		storm.put("bystander", bystanderReport);
		storm.put("errors", delta.errors());
		this.report.put("storm", storm);
		this.progress.accept(back + " of " + (clients - 1) + " back in " + ScenarioRunner.round(seconds) + " s");
		return server;
	}

}
