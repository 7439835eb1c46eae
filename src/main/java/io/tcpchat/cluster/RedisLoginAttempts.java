package io.tcpchat.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.tcpchat.auth.InMemoryLoginAttempts;
import io.tcpchat.auth.LoginAttempts;
import io.tcpchat.config.ChatProperties;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The login throttle's memory in Redis, so that a guesser gains nothing by spreading attempts over the nodes:
 * failures in a hash per key ({@code count}, {@code last}) that expires {@link #FORGET_FAILURES_AFTER} after the
 * last one, successes in a key that expires after {@code chat.limits.login-known-address-ttl}: the same rules as
 * {@link InMemoryLoginAttempts}, kept by Redis's time to live. While Redis is unreachable this node falls back to
 * its own memory (logins go on; the throttle is per node meanwhile).
 */
@Component
@OnCluster
class RedisLoginAttempts implements LoginAttempts {

	static final Duration FORGET_FAILURES_AFTER = Duration.ofMinutes(15);

	/** One more failure, atomically: count, time of the last, and the expiry counted from it. */
	private static final RedisScript<Long> RECORD_FAILURE = RedisScript.of("""
			local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
			redis.call('HSET', KEYS[1], 'last', ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return count""", Long.class);

	private final RedisLink link;

	private final Duration rememberSuccesses;

	private final InMemoryLoginAttempts fallback;

	RedisLoginAttempts(RedisLink link, ChatProperties properties, Clock clock) {
		this.link = link;
		this.rememberSuccesses = properties.limits().loginKnownAddressTtl();
		this.fallback = new InMemoryLoginAttempts(this.rememberSuccesses, clock);
	}

	@Override
	public Failures recordFailure(String key, Instant now) {
		return orFallback(() -> {
			Long count = redis().execute(RECORD_FAILURE, List.of(this.link.keys().loginFailures(key)),
					Long.toString(now.toEpochMilli()), Long.toString(FORGET_FAILURES_AFTER.toMillis()));
			return new Failures((count != null) ? count.intValue() : 1, now);
		}, () -> this.fallback.recordFailure(key, now));
	}

	@Override
	public Failures failures(String key, Instant now) {
		return orFallback(() -> {
			List<Object> values = redis().opsForHash()
				.multiGet(this.link.keys().loginFailures(key), List.of("count", "last"));
			if (values.get(0) == null || values.get(1) == null) {
				return null;
			}
			return new Failures(Integer.parseInt((String) values.get(0)),
					Instant.ofEpochMilli(Long.parseLong((String) values.get(1))));
		}, () -> this.fallback.failures(key, now));
	}

	@Override
	public void forgetFailures(String key) {
		this.fallback.forgetFailures(key);
		orFallback(() -> redis().delete(this.link.keys().loginFailures(key)), () -> null);
	}

	@Override
	public void rememberSuccess(String key, Instant now) {
		this.fallback.rememberSuccess(key, now);
		orFallback(() -> {
			redis().opsForValue()
				.set(this.link.keys().loginSuccess(key), Long.toString(now.toEpochMilli()), this.rememberSuccesses);
			return null;
		}, () -> null);
	}

	@Override
	public boolean succeededRecently(String key, Instant now) {
		return orFallback(() -> Boolean.TRUE.equals(redis().hasKey(this.link.keys().loginSuccess(key))),
				() -> this.fallback.succeededRecently(key, now));
	}

	private <T> T orFallback(Supplier<T> inRedis, Supplier<T> inMemory) {
		if (!this.link.isUp()) {
			return inMemory.get();
		}
		try {
			return inRedis.get();
		}
		catch (RuntimeException ex) {
			this.link.down(ex);
			return inMemory.get();
		}
	}

	private StringRedisTemplate redis() {
		return this.link.redis();
	}

}
