package io.tcpchat.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.lettuce.core.ClientOptions;
import io.tcpchat.auth.LoginAttempts;
import io.tcpchat.auth.LoginAttempts.Failures;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.NodeIdentity;
import io.tcpchat.support.TcpProxy;
import io.tcpchat.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle's memory in the real Redis: what one node counts, another sees; without Redis a node counts
 * on its own.
 */
class RedisLoginAttemptsTests {

	private final Instant now = Instant.parse("2026-11-30T18:00:00Z");

	private ChatProperties properties;

	private TcpProxy proxy;

	private LettuceConnectionFactory direct;

	private LettuceConnectionFactory viaProxy;

	@BeforeEach
	void connect() throws Exception {
		TestRedis.assumeAvailable();
		this.properties = new Binder(new MapConfigurationPropertySource(
				Map.of("chat.cluster.redis-prefix", TestRedis.uniquePrefix("login"))))
			.bindOrCreate("chat", ChatProperties.class);
		this.proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT);
		this.direct = factory(TestRedis.PORT);
		this.viaProxy = factory(this.proxy.port());
	}

	@AfterEach
	void close() throws Exception {
		if (this.direct != null) {
			this.direct.destroy();
			this.viaProxy.destroy();
			this.proxy.close();
		}
	}

	@Test
	void failuresCountedOnOneNodeAreSeenOnAnother() {
		LoginAttempts a = node("a", this.direct);
		LoginAttempts b = node("b", this.direct);

		a.recordFailure("alice|127.0.0.1", this.now);
		Failures second = b.recordFailure("alice|127.0.0.1", this.now.plusSeconds(1));

		assertThat(second.count()).isEqualTo(2);
		assertThat(a.failures("alice|127.0.0.1", this.now.plusSeconds(2)))
			.isEqualTo(new Failures(2, this.now.plusSeconds(1)));
		assertThat(b.failures("bob|127.0.0.1", this.now)).isNull();

		b.forgetFailures("alice|127.0.0.1");
		assertThat(a.failures("alice|127.0.0.1", this.now.plusSeconds(3))).isNull();

		assertThat(b.succeededRecently("alice|10.0.0.1", this.now)).isFalse();
		a.rememberSuccess("alice|10.0.0.1", this.now);
		assertThat(b.succeededRecently("alice|10.0.0.1", this.now)).isTrue();
	}

	@Test
	void withoutRedisANodeCountsOnItsOwn() {
		LoginAttempts cut = node("c", this.viaProxy);
		this.proxy.cut();

		cut.recordFailure("carol|127.0.0.1", this.now);
		cut.recordFailure("carol|127.0.0.1", this.now);

		assertThat(cut.failures("carol|127.0.0.1", this.now).count()).isEqualTo(2);
	}

	private LoginAttempts node(String id, LettuceConnectionFactory connections) {
		RedisLink link = new RedisLink(new StringRedisTemplate(connections), this.properties, new NodeIdentity(id));
		link.up();
		return new RedisLoginAttempts(link, this.properties, Clock.systemUTC());
	}

	private static LettuceConnectionFactory factory(int port) {
		// as the server configures its client: fail at once while disconnected, never wait long
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(2))
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build())
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(TestRedis.HOST, port), client);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
