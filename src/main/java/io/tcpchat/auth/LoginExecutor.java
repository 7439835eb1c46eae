package io.tcpchat.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

/**
 * Where logins run: a fixed number of threads (one per core by default) and a bounded queue. Password hashing is
 * slow on purpose, so it never runs on the threads that read chat lines; and since at most this many logins touch
 * the database at once, a reconnect storm cannot take the connection pool from chat traffic. A login that finds
 * the queue full is refused at once with {@code rate-limited} (nothing was tried, so the client may simply retry
 * a little later).
 */
final class LoginExecutor {

	private final ThreadPoolExecutor executor;

	LoginExecutor(int threads, int queueLength) {
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, queueLength)), task -> {
					Thread thread = new Thread(task, "chat-login-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/** Runs {@code work} on a login thread; the future fails with {@code rate-limited} if the queue is full. */
	<T> CompletableFuture<T> submit(Supplier<T> work) {
		try {
			return CompletableFuture.supplyAsync(work, this.executor);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.failedFuture(new ChatException(ErrorCode.RATE_LIMITED,
					"The server is busy with many logins at once; nothing was tried. Try again in a few seconds."));
		}
	}

	int threads() {
		return this.executor.getMaximumPoolSize();
	}

	void shutdown() {
		this.executor.shutdownNow();
	}

}
