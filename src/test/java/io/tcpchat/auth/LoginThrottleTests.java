package io.tcpchat.auth;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTests {

	private final AtomicLong now = new AtomicLong(0);

	private final LoginThrottle throttle = new LoginThrottle(properties(), this.now::get);

	@Test
	void failuresBelowTheThresholdCostNothing() {
		fail("alice", "10.0.0.1", 2);

		assertThatCode(() -> this.throttle.checkAllowed("alice", "10.0.0.1")).doesNotThrowAnyException();
	}

	@Test
	void delaysDoubleAfterTheThresholdAndAreRefusedWithoutCheckingThePassword() {
		fail("alice", "10.0.0.1", 3);
		assertRateLimited("alice", "10.0.0.2");

		advanceMillis(1000);
		assertThatCode(() -> this.throttle.checkAllowed("ALICE", "10.0.0.2")).doesNotThrowAnyException();

		fail("alice", "10.0.0.2", 1);
		advanceMillis(1500);
		assertRateLimited("alice", "10.0.0.3");
		advanceMillis(500);
		assertThatCode(() -> this.throttle.checkAllowed("alice", "10.0.0.3")).doesNotThrowAnyException();
	}

	@Test
	void delaysStopGrowingAtTheMaximum() {
		fail("alice", null, 40);

		advanceMillis(9_999);
		assertRateLimited("alice", null);
		advanceMillis(1);
		assertThatCode(() -> this.throttle.checkAllowed("alice", null)).doesNotThrowAnyException();
	}

	@Test
	void oneAddressGuessingManyAccountsIsThrottledToo() {
		for (int i = 0; i < 12; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}

		assertRateLimited("someone-else", "10.0.0.9");
		assertThatCode(() -> this.throttle.checkAllowed("someone-else", "10.0.0.10")).doesNotThrowAnyException();
	}

	@Test
	void successClearsTheAccountAndOldFailuresAreForgotten() {
		fail("alice", null, 5);
		this.throttle.succeeded("alice");
		assertThatCode(() -> this.throttle.checkAllowed("alice", null)).doesNotThrowAnyException();

		fail("bob", null, 5);
		this.now.addAndGet(LoginThrottle.FORGET_AFTER.toNanos() + 1);
		assertThatCode(() -> this.throttle.checkAllowed("bob", null)).doesNotThrowAnyException();
	}

	private void fail(String user, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(user, address);
		}
	}

	private void advanceMillis(long millis) {
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
	}

	private void assertRateLimited(String user, String address) {
		assertThatThrownBy(() -> this.throttle.checkAllowed(user, address)).isInstanceOf(ChatException.class)
			.satisfies(ex -> org.assertj.core.api.Assertions.assertThat(((ChatException) ex).code())
				.isEqualTo(ErrorCode.RATE_LIMITED));
	}

	static ChatProperties properties() {
		return new Binder(new MapConfigurationPropertySource(java.util.Map.of("chat.limits.login-failures-before-delay",
				"3", "chat.limits.login-max-delay", "10s")))
			.bindOrCreate("chat", ChatProperties.class);
	}

}
