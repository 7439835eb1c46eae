package io.tcpchat.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a guesser lock the owner out. Failures count three ways:
 * <ul>
 * <li>per account and address: after {@code chat.limits.login-failures-before-delay} failures, that address must
 * wait before trying that account again;</li>
 * <li>per address: after {@code chat.limits.login-failures-per-address} failures on any accounts, that address must
 * wait before trying any;</li>
 * <li>per account: only after {@code chat.limits.login-failures-per-account} failures from everywhere (far more than
 * one address can make while it waits), and never for an address that logged in to that account within
 * {@code chat.limits.login-known-address-ttl}: a guesser elsewhere cannot lock out an owner who logs in from
 * home.</li>
 * </ul>
 * The first wait is {@code chat.limits.login-first-delay}, doubling per further failure up to
 * {@code chat.limits.login-max-delay}. An attempt inside its
 * wait is refused with {@code rate-limited} before any password is hashed, so guessing cannot burn CPU either,
 * and it does not count as a failure. Failures are forgotten 15 minutes after the last one.
 * <p>
 * Used for every password check (TCP logins, HTTP Basic, the current password of {@code //passwd}) and for resume
 * tokens ({@code //resume}). The address is
 * the one the connection reports (behind a trusted proxy, the client's); this class never parses one.
 */
@Component
public class LoginThrottle {

	private static final int MAX_DOUBLINGS = 30;

	private final LoginAttempts attempts;

	private final Clock clock;

	private final ChatProperties.Limits limits;

	LoginThrottle(LoginAttempts attempts, Clock clock, ChatProperties properties) {
		this.attempts = attempts;
		this.clock = clock;
		this.limits = properties.limits();
	}

	/**
	 * @param address the client's address as its connection reports it; may be null when unknown
	 * @throws ChatException {@code rate-limited} while this account or this address must wait
	 */
	public void checkAllowed(String username, String address) {
		Instant now = this.clock.instant();
		Duration wait = max(wait(pairKey(username, address), this.limits.loginFailuresBeforeDelay(), now),
				wait(addressKey(address), this.limits.loginFailuresPerAddress(), now));
		if (!this.attempts.succeededRecently(pairKey(username, address), now)) {
			wait = max(wait, wait(accountKey(username), this.limits.loginFailuresPerAccount(), now));
		}
		if (!wait.isNegative() && !wait.isZero()) {
			long seconds = Math.max(1, wait.plusMillis(999).toSeconds());
			throw new ChatException(ErrorCode.RATE_LIMITED, "Too many failed logins; try again in " + seconds + " s.");
		}
	}

	public void failed(String username, String address) {
		Instant now = this.clock.instant();
		this.attempts.recordFailure(pairKey(username, address), now);
		this.attempts.recordFailure(addressKey(address), now);
		this.attempts.recordFailure(accountKey(username), now);
	}

	/**
	 * Clears this address's failures on the account and remembers the address as one the owner uses. The
	 * account's own count stays: a guesser elsewhere is not let off because the owner logged in.
	 */
	public void succeeded(String username, String address) {
		Instant now = this.clock.instant();
		this.attempts.forgetFailures(pairKey(username, address));
		this.attempts.rememberSuccess(pairKey(username, address), now);
	}

	private Duration wait(String key, int threshold, Instant now) {
		LoginAttempts.Failures failures = this.attempts.failures(key, now);
		if (failures == null || failures.count() < threshold) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures.count() - threshold, MAX_DOUBLINGS);
		Duration delay = this.limits.loginFirstDelay().multipliedBy(1L << doublings);
		if (delay.compareTo(this.limits.loginMaxDelay()) > 0) {
			delay = this.limits.loginMaxDelay();
		}
		return Duration.between(now, failures.last().plus(delay));
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String accountKey(String username) {
		return "account:" + nameKey(username);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private static String pairKey(String username, String address) {
		return "pair:" + nameKey(username) + "@" + address;
	}

	/** Names that cannot exist share one key: guessing with junk names neither fills memory nor matters. */
	private static String nameKey(String username) {
		return (username != null && Usernames.isValid(username)) ? Usernames.key(username) : "(not a name)";
	}

}
