package io.tcpchat.audit;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The origin of an audited action is the innermost one set on this thread, and nothing once its scope is closed.
 */
class AuditOriginTests {

	@Test
	void scopesNestAndLeaveNothingBehind() {
		assertThat(AuditOrigin.address()).isNull();
		AuditOrigin.from("203.0.113.7", () -> {
			assertThat(AuditOrigin.address()).isEqualTo("203.0.113.7");
			try (AuditOrigin.Scope inner = AuditOrigin.open("127.0.0.1")) {
				assertThat(AuditOrigin.address()).isEqualTo("127.0.0.1");
			}
			assertThat(AuditOrigin.address()).isEqualTo("203.0.113.7");
		});
		assertThat(AuditOrigin.address()).isNull();
	}

	@Test
	void anotherThreadDoesNotInheritIt() {
		AuditOrigin.from("203.0.113.7",
				() -> assertThat(CompletableFuture.supplyAsync(AuditOrigin::address).join()).isNull());
	}

	@Test
	void theScopeIsClosedWhenTheWorkFails() {
		try {
			AuditOrigin.from("203.0.113.7", () -> {
				throw new IllegalStateException("refused");
			});
		}
		catch (IllegalStateException expected) {
			// the work's own failure
		}
		assertThat(AuditOrigin.address()).isNull();
	}

}
