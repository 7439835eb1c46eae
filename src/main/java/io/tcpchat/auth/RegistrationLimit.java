package io.tcpchat.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.limits.RecentEvents;

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

	private final RecentEvents<String> registrations;

	private final int perAddress;

	RegistrationLimit(ChatProperties properties, Clock clock) {
		this.registrations = new RecentEvents<>(properties.limits().registrationWindow(), clock);
		this.perAddress = properties.limits().registrationsPerAddress();
	}

	/**
	 * Runs a registration if the address has one left; a registration that fails gives its place back.
	 * @throws ChatException {@code rate-limited} while the address has used up its registrations
	 */
	<T> T register(String address, Supplier<T> registration) {
		String key = String.valueOf(address);
		Instant counted = this.registrations.recordIfBelow(key, this.perAddress).orElseThrow(() -> {
			long seconds = Math.max(1, this.registrations.timeUntilBelow(key, this.perAddress).toSeconds());
			return new ChatException(ErrorCode.RATE_LIMITED, "Too many new accounts from your address; try again in "
					+ seconds + " s, or log in to an account you have.");
		});
		try {
			return registration.get();
		}
		catch (RuntimeException ex) {
			this.registrations.remove(key, counted);
			throw ex;
		}
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetOldRegistrations() {
		this.registrations.sweep();
	}

}
