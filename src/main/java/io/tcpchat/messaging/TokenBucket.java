package io.tcpchat.messaging;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code ratePerSecond}. Time comes from a supplier of
 * nanoseconds so tests can move it.
 */
final class TokenBucket {

	private final double ratePerNano;

	private final double capacity;

	private final LongSupplier nanoTime;

	private double tokens;

	private long lastRefill;

	TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
		this.ratePerNano = ratePerSecond / 1_000_000_000d;
		this.capacity = Math.max(1, burst);
		this.nanoTime = nanoTime;
		this.tokens = this.capacity;
		this.lastRefill = nanoTime.getAsLong();
	}

	synchronized boolean tryTake() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) * this.ratePerNano);
		this.lastRefill = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

	/** Full again, i.e. nothing to remember about this sender. */
	synchronized boolean isFull() {
		long now = this.nanoTime.getAsLong();
		return this.tokens + (now - this.lastRefill) * this.ratePerNano >= this.capacity;
	}

}
