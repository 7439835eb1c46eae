package io.tcpchat.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.ThreadPools;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.OrderedLanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes messages in batches: one writer thread takes whatever has queued up and stores it in one transaction,
 * so a busy server commits hundreds of messages at once instead of one each. A message counts as accepted only
 * when its future completes, i.e. after the commit.
 * <p>
 * It starts before and stops after the chat listeners, so on shutdown everything accepted is written.
 */
@Component
class MessageStore implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MessageStore.class);

	static final int MAX_QUEUED = 100_000;

	private static final Object BROADCASTS = new Object();

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(MAX_QUEUED);

	/**
	 * Complete the futures of stored messages, which runs their delivery and then the sender's reply; meanwhile
	 * the writer stores the next batch (delivering on the writer thread made the fan-out of one batch hold up the
	 * next commit). A message goes to the lane of its channel (of its recipient for a DM; broadcasts share one),
	 * so each channel's messages are delivered in order while other channels are delivered on the other lanes:
	 * one channel of thousands no longer delays everyone (it did on the single delivery thread before).
	 */
	private OrderedLanes completions;

	private final MessageRepository messages;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private volatile boolean running;

	private Thread writer;

	MessageStore(MessageRepository messages, TransactionTemplate transactions, ChatProperties properties) {
		this.messages = messages;
		this.transactions = transactions;
		this.batchSize = Math.max(1, properties.storage().batchSize());
	}

	CompletableFuture<StoredMessage> store(StoredMessage message) {
		CompletableFuture<StoredMessage> stored = new CompletableFuture<>();
		if (!this.running || !this.queue.offer(new Pending(message, stored))) {
			stored.completeExceptionally(
					new ChatException(ErrorCode.UNAVAILABLE, "The server cannot store messages right now; not sent."));
		}
		return stored;
	}

	private void writeLoop() {
		List<Pending> batch = new ArrayList<>(this.batchSize);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.batchSize - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Pending> batch) {
		List<StoredMessage> saved;
		try {
			saved = this.transactions
				.execute(status -> this.messages.saveAll(batch.stream().map(Pending::message).toList()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not store {} message(s): {}", batch.size(), ex.getMessage());
			ChatException failure = new ChatException(ErrorCode.UNAVAILABLE,
					"The message could not be stored (database unavailable); it was not sent.");
			for (Pending pending : batch) {
				this.completions.execute(laneKey(pending.message()), () -> pending.stored().completeExceptionally(failure));
			}
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			CompletableFuture<StoredMessage> future = batch.get(i).stored();
			StoredMessage message = saved.get(i);
			this.completions.execute(laneKey(message), () -> future.complete(message));
		}
	}

	/** What must stay in order: a channel's messages, the DMs to one user, the broadcasts. */
	static Object laneKey(StoredMessage message) {
		if (message.channel() != null) {
			return message.channel();
		}
		return (message.recipientId() != null) ? message.recipientId() : BROADCASTS;
	}

	@Override
	public void start() {
		this.completions = new OrderedLanes("message-delivery", ThreadPools.perCore(1, 2));
		this.running = true;
		this.writer = new Thread(this::writeLoop, "message-store");
		this.writer.start();
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			this.writer.join(TimeUnit.SECONDS.toMillis(30));
			this.completions.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts first and stops last among lifecycle beans. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private record Pending(StoredMessage message, CompletableFuture<StoredMessage> stored) {
	}

}
