package io.tcpchat.moderation;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tcpchat.event.ChatEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bans checked at login come from memory, and a ban, an unban or a deleted account is seen by the next check,
 * also when it lands while a login is reading the old state.
 */
class BanCacheTests {

	private final BanCache cache = new BanCache();

	private final AtomicReference<Optional<BanInfo>> record = new AtomicReference<>(Optional.empty());

	private static final BanInfo BAN = new BanInfo("mallory", "spam", "admin", Instant.EPOCH, null);

	private Optional<BanInfo> check() {
		return this.cache.find("mallory", key -> this.record.get());
	}

	@Test
	void aBanIsSeenByTheNextCheck() {
		assertThat(check()).isEmpty();

		this.record.set(Optional.of(BAN));
		this.cache.onEvent(new ChatEvent.UserBanned(7, "Mallory"));

		assertThat(check()).contains(BAN);
	}

	@Test
	void anUnbanIsSeenByTheNextCheck() {
		this.record.set(Optional.of(BAN));
		check();

		this.record.set(Optional.empty());
		this.cache.onEvent(new ChatEvent.UserUnbanned("mallory"));

		assertThat(check()).isEmpty();
	}

	@Test
	void aDeletedAccountTakesItsBanAlong() {
		this.record.set(Optional.of(BAN));
		check();

		this.record.set(Optional.empty());
		this.cache.onEvent(new ChatEvent.UserDeleted(7, "mallory"));

		assertThat(check()).isEmpty();
	}

	@Test
	void aBanLandingWhileALoginReadsTheOldStateIsSeenByTheNextCheck() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch banned = new CountDownLatch(1);
		CompletableFuture<Optional<BanInfo>> login = CompletableFuture.supplyAsync(() -> this.cache.find("mallory",
				key -> {
					Optional<BanInfo> before = this.record.get();
					reading.countDown();
					await(banned);
					return before;
				}));
		assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
		this.record.set(Optional.of(BAN));
		this.cache.onEvent(new ChatEvent.UserBanned(7, "mallory"));
		banned.countDown();

		// that login read before the ban: its session is registered, so the ban's SessionsTerminated ends it
		assertThat(login.get(5, TimeUnit.SECONDS)).isEmpty();
		assertThat(check()).contains(BAN);
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
