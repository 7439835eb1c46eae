package io.tcpchat.auth;

import java.time.Duration;
import java.util.Map;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.support.ManualClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The throttle's policy with a clock the test moves: per account and address 3, per address 12, per account 10
 * failures before attempts must wait; waits of 1 s doubling up to 10 s; known addresses remembered for 7 days.
 */
class LoginThrottleTests {

	private final ManualClock clock = new ManualClock();

	private final LoginThrottle throttle = new LoginThrottle(new InMemoryLoginAttempts(Duration.ofDays(7), this.clock),
			this.clock, properties());

	@Test
	void failuresBelowTheThresholdCostNothing() {
		fail("alice", "10.0.0.1", 2);

		assertAllowed("alice", "10.0.0.1");
	}

	@Test
	void delaysDoubleAfterTheThresholdForThatAccountFromThatAddressOnly() {
		fail("alice", "10.0.0.1", 3);
		assertRateLimited("alice", "10.0.0.1");
		assertAllowed("ALICE", "10.0.0.2");
		assertAllowed("bob", "10.0.0.1");

		advanceMillis(1000);
		assertAllowed("alice", "10.0.0.1");
		fail("alice", "10.0.0.1", 1);
		advanceMillis(1500);
		assertRateLimited("alice", "10.0.0.1");
		advanceMillis(500);
		assertAllowed("alice", "10.0.0.1");
	}

	@Test
	void delaysStopGrowingAtTheMaximum() {
		fail("alice", "10.0.0.1", 40);

		advanceMillis(9_999);
		assertRateLimited("alice", "10.0.0.1");
		advanceMillis(1);
		assertAllowed("alice", "10.0.0.1");
	}

	@Test
	void oneAddressGuessingManyAccountsIsThrottledOnAll() {
		for (int i = 0; i < 12; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}

		assertRateLimited("someone-else", "10.0.0.9");
		assertAllowed("someone-else", "10.0.0.10");
	}

	@Test
	void guessesFromEverywhereThrottleTheAccountButNeverForAnAddressItsOwnerUses() {
		this.throttle.succeeded("admin", "192.0.2.1");
		for (int i = 0; i < 5; i++) {
			fail("admin", "10.0.1." + i, 2);
		}

		assertRateLimited("admin", "10.0.2.1");
		assertAllowed("admin", "192.0.2.1");
		assertAllowed("bob", "10.0.2.1");
	}

	@Test
	void aSuccessClearsItsAddressButNotTheAccountsCount() {
		fail("alice", "10.0.0.1", 3);
		this.throttle.succeeded("alice", "10.0.0.1");
		assertAllowed("alice", "10.0.0.1");

		for (int i = 0; i < 5; i++) {
			fail("alice", "10.0.3." + i, 2);
		}
		assertRateLimited("alice", "10.0.4.1");
		assertAllowed("alice", "10.0.0.1");
	}

	@Test
	void failuresAndKnownAddressesAreForgottenInTime() {
		fail("bob", "10.0.0.1", 5);
		this.clock.advance(InMemoryLoginAttempts.FORGET_FAILURES_AFTER.plusSeconds(1));
		assertAllowed("bob", "10.0.0.1");

		this.throttle.succeeded("carol", "192.0.2.7");
		this.clock.advance(Duration.ofDays(8));
		for (int i = 0; i < 5; i++) {
			fail("carol", "10.0.5." + i, 2);
		}
		assertRateLimited("carol", "192.0.2.7");
	}

	@Test
	void junkNamesShareOneKey() {
		fail("x".repeat(3000), "10.0.0.1", 2);
		fail("not a name\nINFO forged", "10.0.0.1", 1);

		assertRateLimited("\u0000", "10.0.0.1");
		assertAllowed("alice", "10.0.0.1");
	}

	private void fail(String user, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(user, address);
		}
	}

	private void advanceMillis(long millis) {
		this.clock.advance(Duration.ofMillis(millis));
	}

	private void assertAllowed(String user, String address) {
		assertThatCode(() -> this.throttle.checkAllowed(user, address)).as(user + "@" + address)
			.doesNotThrowAnyException();
	}

	private void assertRateLimited(String user, String address) {
		assertThatThrownBy(() -> this.throttle.checkAllowed(user, address)).as(user + "@" + address)
			.isInstanceOf(ChatException.class)
			.satisfies(ex -> assertThat(((ChatException) ex).code()).isEqualTo(ErrorCode.RATE_LIMITED));
	}

	static ChatProperties properties() {
		return new Binder(new MapConfigurationPropertySource(Map.of("chat.limits.login-failures-before-delay", "3",
				"chat.limits.login-failures-per-address", "12", "chat.limits.login-failures-per-account", "10",
				"chat.limits.login-max-delay", "10s")))
			.bindOrCreate("chat", ChatProperties.class);
	}

}
