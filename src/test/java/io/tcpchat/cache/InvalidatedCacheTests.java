package io.tcpchat.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidatedCacheTests {

	private final InvalidatedCache<String, String> cache = new InvalidatedCache<>(100);

	@Test
	void loadsOnceThenServesFromMemory() {
		AtomicInteger loads = new AtomicInteger();

		assertThat(this.cache.get("alice", key -> "v" + loads.incrementAndGet())).isEqualTo("v1");
		assertThat(this.cache.get("alice", key -> "v" + loads.incrementAndGet())).isEqualTo("v1");
		assertThat(loads).hasValue(1);
	}

	@Test
	void anInvalidationMakesTheNextReadLoadAgain() {
		this.cache.get("alice", key -> "old");

		this.cache.invalidate("alice");

		assertThat(this.cache.get("alice", key -> "new")).isEqualTo("new");
	}

	@Test
	void aLoadThatRanDuringAnInvalidationIsNotKept() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch invalidated = new CountDownLatch(1);
		CompletableFuture<String> slowLoad = CompletableFuture.supplyAsync(() -> this.cache.get("alice", key -> {
			// read the old record, then the change commits and its event arrives before the put
			reading.countDown();
			await(invalidated);
			return "stale";
		}));
		reading.await(5, TimeUnit.SECONDS);
		this.cache.invalidate("alice");
		invalidated.countDown();

		assertThat(slowLoad.get(5, TimeUnit.SECONDS)).isEqualTo("stale");
		assertThat(this.cache.getIfPresent("alice")).isNull();
		assertThat(this.cache.get("alice", key -> "fresh")).isEqualTo("fresh");
	}

	@Test
	void invalidatingAllDropsEverything() {
		this.cache.get("alice", key -> "a");
		this.cache.get("bob", key -> "b");

		this.cache.invalidateAll();

		assertThat(this.cache.size()).isZero();
	}

	@Test
	void concurrentLoadsAndInvalidationsNeverLeaveAnOldValueBehind() throws Exception {
		AtomicInteger version = new AtomicInteger();
		Thread[] readers = new Thread[4];
		for (int i = 0; i < readers.length; i++) {
			readers[i] = new Thread(() -> {
				for (int n = 0; n < 20_000; n++) {
					this.cache.get("alice", key -> "v" + version.get());
				}
			});
			readers[i].start();
		}
		for (int n = 0; n < 2_000; n++) {
			// a change: the record first, then its event
			version.incrementAndGet();
			this.cache.invalidate("alice");
		}
		for (Thread reader : readers) {
			reader.join();
		}
		assertThat(this.cache.get("alice", key -> "v" + version.get())).isEqualTo("v" + version.get());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
