package io.tcpchat.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.config.ChatProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link LoginAttempts} in this node's memory. Failures are forgotten {@link #FORGET_FAILURES_AFTER} after the
 * last one, successes after {@code chat.limits.login-known-address-ttl}; both maps are swept every minute and
 * when they pass {@link #MAX_TRACKED} keys, so guessing with ever new names cannot exhaust memory.
 */
@Component
@ConditionalOnProperty(name = "chat.cluster.enabled", havingValue = "false", matchIfMissing = true)
public class InMemoryLoginAttempts implements LoginAttempts {

	static final Duration FORGET_FAILURES_AFTER = Duration.ofMinutes(15);

	static final int MAX_TRACKED = 100_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Map<String, Instant> successes = new ConcurrentHashMap<>();

	private final Duration rememberSuccesses;

	private final Clock clock;

	@Autowired
	InMemoryLoginAttempts(ChatProperties properties, Clock clock) {
		this(properties.limits().loginKnownAddressTtl(), clock);
	}

	/** Also the fallback of a cluster's Redis-held attempts while Redis is away. */
	public InMemoryLoginAttempts(Duration rememberSuccesses, Clock clock) {
		this.rememberSuccesses = rememberSuccesses;
		this.clock = clock;
	}

	@Override
	public Failures recordFailure(String key, Instant now) {
		if (this.failures.size() >= MAX_TRACKED) {
			sweep(now);
		}
		return this.failures.compute(key, (k, previous) -> (previous == null || isStale(previous, now))
				? new Failures(1, now) : new Failures(previous.count() + 1, now));
	}

	@Override
	public Failures failures(String key, Instant now) {
		Failures found = this.failures.get(key);
		return (found == null || isStale(found, now)) ? null : found;
	}

	@Override
	public void forgetFailures(String key) {
		this.failures.remove(key);
	}

	@Override
	public void rememberSuccess(String key, Instant now) {
		if (this.successes.size() >= MAX_TRACKED) {
			sweep(now);
		}
		this.successes.put(key, now);
	}

	@Override
	public boolean succeededRecently(String key, Instant now) {
		Instant last = this.successes.get(key);
		return last != null && !last.plus(this.rememberSuccesses).isBefore(now);
	}

	@Scheduled(fixedDelay = 60_000)
	void sweep() {
		sweep(this.clock.instant());
	}

	private void sweep(Instant now) {
		this.failures.values().removeIf(f -> isStale(f, now));
		this.successes.values().removeIf(last -> last.plus(this.rememberSuccesses).isBefore(now));
	}

	private static boolean isStale(Failures failures, Instant now) {
		return failures.last().plus(FORGET_FAILURES_AFTER).isBefore(now);
	}

}
