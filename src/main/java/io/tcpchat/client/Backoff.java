package io.tcpchat.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff between reconnect attempts: 1 s, 2 s, 4 s ... capped at 30 s, each spread by up to 20 %
 * either way so that the clients of a restarted server do not all knock at the same instant.
 */
final class Backoff {

	static final Duration INITIAL = Duration.ofSeconds(1);

	static final Duration MAX = Duration.ofSeconds(30);

	private static final double SPREAD = 0.2;

	private final Duration initial;

	private final Duration max;

	private final DoubleSupplier random;

	Backoff(Duration initial, Duration max, DoubleSupplier random) {
		this.initial = initial;
		this.max = max;
		this.random = random;
	}

	static Backoff standard() {
		return new Backoff(INITIAL, MAX, Math::random);
	}

	/** The pause before attempt {@code attempt} (1 = the first attempt after the connection was lost). */
	Duration delay(int attempt) {
		long base = this.initial.toMillis();
		for (int i = 1; i < attempt && base < this.max.toMillis(); i++) {
			base *= 2;
		}
		base = Math.min(base, this.max.toMillis());
		double factor = 1 - SPREAD + 2 * SPREAD * this.random.getAsDouble();
		return Duration.ofMillis(Math.round(base * factor));
	}

}
