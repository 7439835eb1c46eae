package io.tcpchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;

/**
 * {@code --ramp}: raises the offered message rate step by step (each step {@code --ramp-factor} times the last,
 * from {@code --rate}) until a step fails, and reports the highest step that passed: delivery p99 under
 * {@link #P99_LIMIT_MS} ms, nothing lost (no error, nothing unacknowledged after a short drain) and the offered
 * rate accepted. Each step runs {@code --warmup} unmeasured, then {@code --duration} measured.
 */
final class Ramp {

	static final double P99_LIMIT_MS = 100;

	/** Share of the offered rate that must be accepted for the server to count as keeping up. */
	static final double KEEPING_UP = 0.95;

	private final BenchOptions options;

	private final Stats stats;

	private final Consumer<String> progress;

	Ramp(BenchOptions options, Stats stats, Consumer<String> progress) {
		this.options = options;
		this.stats = stats;
		this.progress = progress;
	}

	Map<String, Object> run(LoadEngine engine, int senders) throws InterruptedException {
		double rate = (this.options.rate() > 0) ? this.options.rate() : 100;
		List<Map<String, Object>> steps = new ArrayList<>();
		Map<String, Object> best = null;
		for (int i = 0; i < this.options.rampSteps(); i++) {
			Map<String, Object> step = step(engine, senders, rate);
			steps.add(step);
			this.progress.accept("ramp step " + (i + 1) + ": " + step);
			if (!Boolean.TRUE.equals(step.get("passed"))) {
				break;
			}
			best = step;
			rate *= this.options.rampFactor();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("p99LimitMs", P99_LIMIT_MS);
		result.put("highestPassingRate", (best != null) ? best.get("offeredRate") : null);
		result.put("highestPassingDeliveriesPerSecond", (best != null) ? best.get("deliveriesPerSecond") : null);
		result.put("steps", steps);
		return result;
	}

	private Map<String, Object> step(LoadEngine engine, int senders, double rate) throws InterruptedException {
		engine.startSending(senders, rate);
		Thread.sleep(this.options.warmup().toMillis());
		Stats.Snapshot start = this.stats.snapshot();
		this.stats.startWindow(System.nanoTime());
		this.stats.takeDeliveryLatency();
		Thread.sleep(this.options.duration().toMillis());
		Stats.Snapshot delta = this.stats.snapshot().minus(start);
		Histogram latency = this.stats.takeDeliveryLatency();
		engine.stopSending();
		long unacknowledged = drain(engine);
		double seconds = delta.seconds();
		double p99 = latency.getValueAtPercentile(99) / 1000.0;
		long lost = delta.errorTotal() + unacknowledged;
		boolean keptUp = delta.accepted() >= KEEPING_UP * rate * seconds;
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("offeredRate", ScenarioRunner.round(rate));
		step.put("acceptedPerSecond", ScenarioRunner.round(delta.accepted() / seconds));
		step.put("deliveriesPerSecond", ScenarioRunner.round(delta.delivered() / seconds));
		step.put("p99Ms", ScenarioRunner.round(p99));
		step.put("lost", lost);
		step.put("passed", p99 < P99_LIMIT_MS && lost == 0 && keptUp);
		return step;
	}

	/** Waits (at most 5 s) for messages under way; returns how many are still unacknowledged. */
	private static long drain(LoadEngine engine) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		long outstanding = engine.outstanding();
		while (outstanding > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
			outstanding = engine.outstanding();
		}
		return outstanding;
	}

}
