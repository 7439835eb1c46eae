package io.tcpchat.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.tcpchat.config.ChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resume tokens: 256 random bits, handed to the client once and stored only as their SHA-256 (a plain hash is
 * enough: unlike a password the token has full entropy, and it must be checkable without a slow hash). A token
 * works once and expires after {@code chat.security.resume-ttl}; all of an account's tokens go when its password
 * changes, it is banned or deleted, or its owner sends {@code //logout-all}.
 */
@Component
public class ResumeTokens {

	private static final Logger log = LoggerFactory.getLogger(ResumeTokens.class);

	private static final int TOKEN_BYTES = 32;

	private final ResumeTokenRepository tokens;

	private final Clock clock;

	private final Duration ttl;

	private final SecureRandom random = new SecureRandom();

	ResumeTokens(ResumeTokenRepository tokens, Clock clock, ChatProperties properties) {
		this.tokens = tokens;
		this.clock = clock;
		this.ttl = properties.security().resumeTtl();
	}

	/** A new token for the account; the caller hands it to the client (it is not kept here). */
	@Transactional
	String issue(long accountId) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.tokens.save(new ResumeToken(accountId, hash(token), now, now.plus(this.ttl)));
		return token;
	}

	/** Uses up the token if the account holds it unexpired. */
	@Transactional
	boolean redeem(long accountId, String token) {
		return token != null && this.tokens.redeem(hash(token), accountId, this.clock.instant()) == 1;
	}

	/** Uses up {@code token} and issues a fresh one in one transaction; empty if the token is not good. */
	@Transactional
	Optional<String> exchange(long accountId, String token) {
		return redeem(accountId, token) ? Optional.of(issue(accountId)) : Optional.empty();
	}

	/** Revokes every token of the account. Joins the caller's transaction, so it is revoked if that commits. */
	@Transactional
	public void revokeAll(long accountId) {
		this.tokens.deleteByAccount(accountId);
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	@Transactional
	public void forgetExpired() {
		int removed = this.tokens.deleteExpired(this.clock.instant());
		if (removed > 0) {
			log.debug("Removed {} expired resume tokens", removed);
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
