package io.tcpchat.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginExecutorTests {

	private final LoginExecutor executor = new LoginExecutor(1, 2);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutdown() {
		this.release.countDown();
		this.executor.shutdown();
	}

	@Test
	void aFullQueueRefusesAtOnceWithRateLimited() throws Exception {
		CompletableFuture<String> running = this.executor.submit(this::blocked);
		CompletableFuture<String> queued1 = this.executor.submit(() -> "one");
		CompletableFuture<String> queued2 = this.executor.submit(() -> "two");

		CompletableFuture<String> refused = this.executor.submit(() -> "three");

		assertThat(refused).isCompletedExceptionally();
		assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(ChatException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.RATE_LIMITED));
		this.release.countDown();
		assertThat(running.get()).isEqualTo("done");
		assertThat(queued1.get()).isEqualTo("one");
		assertThat(queued2.get()).isEqualTo("two");
		assertThat(this.executor.submit(() -> "again").get()).isEqualTo("again");
	}

	@Test
	void workRunsOnNamedLoginThreads() throws Exception {
		assertThat(this.executor.submit(() -> Thread.currentThread().getName()).get()).startsWith("chat-login-");
	}

	private String blocked() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "done";
	}

}
