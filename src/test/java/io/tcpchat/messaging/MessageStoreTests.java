package io.tcpchat.messaging;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Batch semantics of the message writer: a bad message fails alone, an unreachable database fails the batch at
 * once, and a message whose channel was deleted while it waited is not written.
 */
class MessageStoreTests {

	private final FakeMessages messages = new FakeMessages();

	private final Set<String> channels = Set.of("general");

	private final MessageStore store = new MessageStore(this.messages.repository(),
			new TransactionTemplate(new NoTransactions()),
			new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("chat", ChatProperties.class),
			this.channels::contains);

	@AfterEach
	void stop() {
		this.store.stop();
	}

	@Test
	void aBadMessageFailsAloneNotTheBatchItCameIn() throws Exception {
		this.store.start();
		CompletableFuture<StoredMessage> first = this.store.store(message("first"));
		assertThat(this.messages.writing.await(5, TimeUnit.SECONDS)).isTrue();
		// the writer is busy with the first: these three queue up and are written as one batch
		CompletableFuture<StoredMessage> before = this.store.store(message("before"));
		CompletableFuture<StoredMessage> bad = this.store.store(message("bad"));
		CompletableFuture<StoredMessage> after = this.store.store(message("after"));
		this.messages.release.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("first");
		assertThat(before.get(5, TimeUnit.SECONDS).body()).isEqualTo("before");
		assertThat(after.get(5, TimeUnit.SECONDS).body()).isEqualTo("after");
		assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ChatException.class);
		assertThat(this.messages.batchSizes).containsExactly(1, 3, 1, 1, 1);
		assertThat(this.messages.saved).extracting(StoredMessage::body).containsExactly("first", "before", "after");
	}

	@Test
	void anUnreachableDatabaseFailsTheBatchAtOnce() throws Exception {
		this.messages.away = true;
		this.messages.release.countDown();
		this.store.start();

		CompletableFuture<StoredMessage> lost = this.store.store(message("lost"));

		assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(ChatException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.UNAVAILABLE));
		assertThat(this.messages.batchSizes).containsExactly(1);
	}

	@Test
	void aMessageOfAChannelDeletedWhileItWaitedIsNotWritten() throws Exception {
		this.messages.release.countDown();
		this.store.start();

		CompletableFuture<StoredMessage> orphan = this.store.store(new StoredMessage(StoredMessage.Kind.CHANNEL,
				"deleted", 1L, "alice", null, null, "#888888", "too late", Instant.EPOCH));
		CompletableFuture<StoredMessage> kept = this.store.store(message("kept"));

		assertThat(kept.get(5, TimeUnit.SECONDS).body()).isEqualTo("kept");
		assertThatThrownBy(() -> orphan.get(5, TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(ChatException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
		assertThat(this.messages.saved).extracting(StoredMessage::body).containsExactly("kept");
	}

	private static StoredMessage message(String body) {
		return new StoredMessage(StoredMessage.Kind.CHANNEL, "general", 1L, "alice", null, null, "#888888", body,
				Instant.EPOCH);
	}

	/** Writes in memory; refuses a message "bad" like a constraint would, and all of them while "away". */
	static class FakeMessages {

		final CountDownLatch writing = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

		final List<StoredMessage> saved = new CopyOnWriteArrayList<>();

		volatile boolean away;

		List<StoredMessage> saveAll(Iterable<StoredMessage> batch) {
			List<StoredMessage> list = new ArrayList<>();
			batch.forEach(list::add);
			this.batchSizes.add(list.size());
			this.writing.countDown();
			try {
				this.release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (this.away) {
				throw new DataAccessResourceFailureException("connection refused");
			}
			if (list.stream().anyMatch(m -> m.body().equals("bad"))) {
				throw new DataIntegrityViolationException("value too long");
			}
			this.saved.addAll(list);
			return list;
		}

		/** The repository, of which the writer only calls {@code saveAll}. */
		MessageRepository repository() {
			return (MessageRepository) Proxy.newProxyInstance(MessageRepository.class.getClassLoader(),
					new Class<?>[] { MessageRepository.class }, (proxy, method, args) -> {
						if (method.getName().equals("saveAll")) {
							@SuppressWarnings("unchecked")
							Iterable<StoredMessage> batch = (Iterable<StoredMessage>) args[0];
							return saveAll(batch);
						}
						throw new UnsupportedOperationException(method.getName());
					});
		}

	}

	static class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
