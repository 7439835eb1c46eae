package io.tcpchat.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most {@code chat.limits.registrations-per-address} self-service registrations per address within
 * {@code chat.limits.registration-window}: one address cannot mint accounts (each with its own flood allowance)
 * faster than that. Checked before the password is hashed; a registration that fails does not count, and
 * accounts that admins create do not either.
 */
@Component
class RegistrationLimit {

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final int perAddress;

	private final Duration window;

	private final Clock clock;

	RegistrationLimit(ChatProperties properties, Clock clock) {
		this.perAddress = properties.limits().registrationsPerAddress();
		this.window = properties.limits().registrationWindow();
		this.clock = clock;
	}

	/**
	 * Runs a registration if the address has one left; a registration that fails gives its place back.
	 * @throws ChatException {@code rate-limited} while the address has used up its registrations
	 */
	<T> T register(String address, Supplier<T> registration) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.recent.computeIfAbsent(String.valueOf(address), a -> new ArrayDeque<>());
		synchronized (times) {
			dropOld(times, now);
			if (times.size() >= this.perAddress) {
				long seconds = Math.max(1, Duration.between(now, times.peekFirst().plus(this.window)).toSeconds());
				throw new ChatException(ErrorCode.RATE_LIMITED, "Too many new accounts from your address; try again in "
						+ seconds + " s, or log in to an account you have.");
			}
			times.addLast(now);
		}
		try {
			return registration.get();
		}
		catch (RuntimeException ex) {
			synchronized (times) {
				times.removeLastOccurrence(now);
			}
			throw ex;
		}
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetOldRegistrations() {
		Instant now = this.clock.instant();
		this.recent.values().removeIf(times -> {
			synchronized (times) {
				dropOld(times, now);
				return times.isEmpty();
			}
		});
	}

	private void dropOld(Deque<Instant> times, Instant now) {
		while (!times.isEmpty() && !times.peekFirst().plus(this.window).isAfter(now)) {
			times.removeFirst();
		}
	}

}
