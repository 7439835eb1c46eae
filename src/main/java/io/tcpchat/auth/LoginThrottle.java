package io.tcpchat.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address. After
 * {@code chat.limits.login-failures-before-delay} failures (four times as many per address), each further attempt
 * must wait a delay that doubles per failure up to {@code chat.limits.login-max-delay}; an attempt inside the delay
 * is refused with {@code rate-limited} before any password is hashed, so guessing cannot burn CPU either. A
 * success clears the account's count; failures are forgotten after {@link #FORGET_AFTER} without any.
 */
@Component
public class LoginThrottle {

	static final Duration FORGET_AFTER = Duration.ofMinutes(15);

	static final int MAX_TRACKED = 100_000;

	private static final int ADDRESS_FACTOR = 4;

	private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	private final int threshold;

	private final long maxDelayNanos;

	private final LongSupplier nanoTime;

	@Autowired
	LoginThrottle(ChatProperties properties) {
		this(properties, System::nanoTime);
	}

	LoginThrottle(ChatProperties properties, LongSupplier nanoTime) {
		this.threshold = properties.limits().loginFailuresBeforeDelay();
		this.maxDelayNanos = properties.limits().loginMaxDelay().toNanos();
		this.nanoTime = nanoTime;
	}

	/** @throws ChatException {@code rate-limited} while the account or the address must wait */
	public void checkAllowed(String username, String address) {
		long now = this.nanoTime.getAsLong();
		long wait = Math.max(waitNanos(this.byAccount.get(Usernames.key(username)), this.threshold, now),
				waitNanos(address == null ? null : this.byAddress.get(address), this.threshold * ADDRESS_FACTOR, now));
		if (wait > 0) {
			throw new ChatException(ErrorCode.RATE_LIMITED, "Too many failed logins; try again in "
					+ Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L)) + " s.");
		}
	}

	public void failed(String username, String address) {
		long now = this.nanoTime.getAsLong();
		record(this.byAccount, Usernames.key(username), now);
		if (address != null) {
			record(this.byAddress, address, now);
		}
	}

	public void succeeded(String username) {
		this.byAccount.remove(Usernames.key(username));
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetOldFailures() {
		long now = this.nanoTime.getAsLong();
		this.byAccount.values().removeIf(f -> f.isStale(now));
		this.byAddress.values().removeIf(f -> f.isStale(now));
	}

	private void record(Map<String, Failures> failures, String key, long now) {
		if (failures.size() >= MAX_TRACKED) {
			forgetOldFailures();
		}
		failures.compute(key, (k, previous) -> (previous == null || previous.isStale(now)) ? new Failures(1, now)
				: new Failures(previous.count() + 1, now));
	}

	private long waitNanos(Failures failures, int threshold, long now) {
		if (failures == null || failures.count() < threshold || failures.isStale(now)) {
			return 0;
		}
		int doublings = Math.min(failures.count() - threshold, 30);
		long delay = Math.min(TimeUnit.SECONDS.toNanos(1) << doublings, this.maxDelayNanos);
		return failures.lastNanos() + delay - now;
	}

	private record Failures(int count, long lastNanos) {

		boolean isStale(long now) {
			return now - this.lastNanos > FORGET_AFTER.toNanos();
		}

	}

}
