package io.tcpchat.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients count, shared by the generator's threads. Phases read it through {@link #snapshot()} and
 * subtract.
 */
final class Stats {

	final LongAdder connected = new LongAdder();

	final LongAdder loggedIn = new LongAdder();

	/** Logins by resume token (storm scenario). */
	final LongAdder resumed = new LongAdder();

	final LongAdder sent = new LongAdder();

	final LongAdder accepted = new LongAdder();

	final LongAdder delivered = new LongAdder();

	final LongAdder cycles = new LongAdder();

	final LongAdder sendBlocked = new LongAdder();

	final LongAdder bytesIn = new LongAdder();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	/** Delivery latency in microseconds: receipt minus the send time stamped into the message. */
	private final Recorder deliveryLatency = new Recorder(3);

	/** Connect to {@code logged-in}, in microseconds. */
	private final Recorder loginLatency = new Recorder(3);

	/** Deliveries of messages sent before this are counted but not timed (warm-up). */
	private volatile long timeFrom = Long.MIN_VALUE;

	void error(String what) {
		this.errors.computeIfAbsent(what, k -> new LongAdder()).increment();
	}

	void delivery(long sentNanos, long receivedNanos) {
		this.delivered.increment();
		if (sentNanos >= this.timeFrom) {
			this.deliveryLatency.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(receivedNanos - sentNanos)));
		}
	}

	void login(long micros) {
		this.loginLatency.recordValue(Math.max(0, micros));
	}

	/** Starts a measurement window: latencies recorded so far are dropped. */
	void startWindow(long nanos) {
		this.timeFrom = nanos;
		this.deliveryLatency.reset();
		this.loginLatency.reset();
	}

	Histogram takeDeliveryLatency() {
		return this.deliveryLatency.getIntervalHistogram();
	}

	Histogram takeLoginLatency() {
		return this.loginLatency.getIntervalHistogram();
	}

	Snapshot snapshot() {
		Map<String, Long> errorCounts = new TreeMap<>();
		this.errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
		return new Snapshot(System.nanoTime(), this.connected.sum(), this.loggedIn.sum(), this.sent.sum(),
				this.accepted.sum(), this.delivered.sum(), this.cycles.sum(), this.sendBlocked.sum(),
				this.bytesIn.sum(), errorCounts);
	}

	record Snapshot(long nanos, long connected, long loggedIn, long sent, long accepted, long delivered, long cycles,
			long sendBlocked, long bytesIn, Map<String, Long> errors) {

		long errorTotal() {
			return this.errors.values().stream().mapToLong(Long::longValue).sum();
		}

		Snapshot minus(Snapshot earlier) {
			Map<String, Long> errorDelta = new TreeMap<>();
			this.errors.forEach((k, v) -> {
				long d = v - earlier.errors.getOrDefault(k, 0L);
				if (d != 0) {
					errorDelta.put(k, d);
				}
			});
			return new Snapshot(this.nanos - earlier.nanos, this.connected - earlier.connected,
					this.loggedIn - earlier.loggedIn, this.sent - earlier.sent, this.accepted - earlier.accepted,
					this.delivered - earlier.delivered, this.cycles - earlier.cycles,
					this.sendBlocked - earlier.sendBlocked, this.bytesIn - earlier.bytesIn, errorDelta);
		}

		double seconds() {
			return this.nanos / 1e9;
		}

	}

}
