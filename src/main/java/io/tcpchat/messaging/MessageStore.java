package io.tcpchat.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.tcpchat.channel.ChannelService;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.ThreadPools;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.OrderedLanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes messages in batches: one writer thread takes whatever has queued up and stores it in one transaction,
 * so a busy server commits hundreds of messages at once instead of one each. A message counts as accepted only
 * when its future completes, i.e. after the commit. If a batch fails because of one message's data, each message
 * is tried again on its own, so one bad message fails alone; if the database is away, the batch fails at once. A
 * channel message whose channel was deleted while it waited is not written.
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

	/** Whether a channel (canonical name) still exists: asked in memory just before its messages are written. */
	private final Predicate<String> channelExists;

	private volatile boolean running;

	private Thread writer;

	@Autowired
	MessageStore(MessageRepository messages, TransactionTemplate transactions, ChatProperties properties,
			ChannelService channels) {
		this(messages, transactions, properties, channels::exists);
	}

	MessageStore(MessageRepository messages, TransactionTemplate transactions, ChatProperties properties,
			Predicate<String> channelExists) {
		this.messages = messages;
		this.transactions = transactions;
		this.batchSize = Math.max(1, properties.storage().batchSize());
		this.channelExists = channelExists;
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
		List<Pending> writable = new ArrayList<>(batch.size());
		for (Pending pending : batch) {
			String channel = pending.message().channel();
			if (pending.message().kind() == StoredMessage.Kind.CHANNEL && !this.channelExists.test(channel)) {
				fail(List.of(pending), ChatException.notFound("#" + channel + " was deleted; the message was not sent."));
			}
			else {
				writable.add(pending);
			}
		}
		if (writable.isEmpty()) {
			return;
		}
		try {
			complete(writable, save(writable));
		}
		catch (RuntimeException ex) {
			if (writable.size() > 1 && isAboutTheData(ex)) {
				writeOneByOne(writable);
				return;
			}
			log.warn("Could not store {} message(s): {}", writable.size(), ex.getMessage());
			fail(writable, unavailable());
		}
	}

	/** After a batch failed on its data: each message in its own transaction, so only the bad ones fail. */
	private void writeOneByOne(List<Pending> batch) {
		for (int i = 0; i < batch.size(); i++) {
			Pending pending = batch.get(i);
			try {
				complete(List.of(pending), save(List.of(pending)));
			}
			catch (RuntimeException ex) {
				if (!isAboutTheData(ex)) {
					log.warn("Could not store {} message(s): {}", batch.size() - i, ex.getMessage());
					fail(batch.subList(i, batch.size()), unavailable());
					return;
				}
				log.warn("Could not store a message: {}", ex.getMessage());
				fail(List.of(pending), new ChatException(ErrorCode.UNAVAILABLE,
						"The message could not be stored; it was not sent."));
			}
		}
	}

	private List<StoredMessage> save(List<Pending> batch) {
		return this.transactions.execute(status -> this.messages.saveAll(batch.stream().map(Pending::message).toList()));
	}

	/** A refusal of these rows (a constraint, a value the column cannot hold), not an unreachable database. */
	static boolean isAboutTheData(RuntimeException ex) {
		return ex instanceof NonTransientDataAccessException && !(ex instanceof DataAccessResourceFailureException)
				&& !(ex instanceof NonTransientDataAccessResourceException);
	}

	private static ChatException unavailable() {
		return new ChatException(ErrorCode.UNAVAILABLE,
				"The message could not be stored (database unavailable); it was not sent.");
	}

	private void complete(List<Pending> batch, List<StoredMessage> saved) {
		for (int i = 0; i < batch.size(); i++) {
			CompletableFuture<StoredMessage> future = batch.get(i).stored();
			StoredMessage message = saved.get(i);
			this.completions.execute(laneKey(message), () -> future.complete(message));
		}
	}

	/**
	 * Runs {@code task} on the lane of {@code message}, after everything already handed to that lane: news about a
	 * message (an edit) never overtakes the message's own delivery.
	 */
	void afterOnItsLane(StoredMessage message, Runnable task) {
		this.completions.execute(laneKey(message), task);
	}

	/** What must stay in order: a channel's messages, the DMs to one user, the broadcasts. */
	static Object laneKey(StoredMessage message) {
		if (message.channel() != null) {
			return message.channel();
		}
		return (message.recipientId() != null) ? message.recipientId() : BROADCASTS;
	}

	private void fail(List<Pending> batch, ChatException failure) {
		for (Pending pending : batch) {
			this.completions.execute(laneKey(pending.message()), () -> pending.stored().completeExceptionally(failure));
		}
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
