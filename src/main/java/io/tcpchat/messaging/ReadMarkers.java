package io.tcpchat.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelDeletedEvent;
import io.tcpchat.config.ThreadPools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read markers: per account and channel, the newest message read. A message delivered to a live session counts
 * as read, so the markers are written when a user's last session ends (from the newest ids in memory, by a
 * background writer: one write per channel of theirs), by {@code //history} (up to the newest message shown) and by {@code //read}: never per message. At
 * login the channels' unread counts come from one query. Direct messages need no marker: those that arrived while
 * the user was offline are the undelivered ones ({@link DirectMessageHistory#takeMissed}).
 */
@Service
public class ReadMarkers implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReadMarkers.class);

	private final ReadMarkerRepository markers;

	private final NewestMessages newest;

	private final TransactionTemplate transactions;

	/** One writer: the markers of users who leave are written off the connection's thread, in order. */
	private final ThreadPoolExecutor writer = ThreadPools.queued("chat-read-markers", 1);

	ReadMarkers(ReadMarkerRepository markers, NewestMessages newest, TransactionTemplate transactions) {
		this.markers = markers;
		this.newest = newest;
		this.transactions = transactions;
	}

	/**
	 * The user's last session ended: what was delivered is read. The newest ids are taken now, from memory, and
	 * written in the background, so a closing connection never waits for the database (nor a shutdown for
	 * thousands of them one by one).
	 */
	public void wentAway(ChatUser user, Collection<String> channels) {
		if (channels.isEmpty()) {
			return;
		}
		Map<String, Long> seen = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		for (String channel : channels) {
			Long id = this.newest.of(channel);
			if (id != null) {
				seen.put(channel, id);
			}
			else {
				unknown.add(channel);
			}
		}
		try {
			this.writer.execute(() -> write(user, seen, unknown));
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the next login counts a little more as unread, nothing worse
		}
	}

	private void write(ChatUser user, Map<String, Long> seen, List<String> unknown) {
		try {
			this.transactions.executeWithoutResult(status -> {
				Map<String, Long> all = new HashMap<>(seen);
				all.putAll(newestInDatabase(unknown));
				advance(user, all);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not keep the read markers of {}: {}", user.name(), ex.toString());
		}
	}

	/** Whether every marker handed to the background writer is written (for tests). */
	boolean isIdle() {
		return this.writer.getQueue().isEmpty() && this.writer.getActiveCount() == 0;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.writer.shutdown();
		this.writer.awaitTermination(5, TimeUnit.SECONDS);
	}

	/** The channels with messages newer than the user's marker, with their counts, most first. */
	@Transactional(readOnly = true)
	public Map<String, Long> unread(ChatUser user) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.markers.countUnread(user.id())
			.stream()
			.sorted((a, b) -> Long.compare((Long) b[1], (Long) a[1]))
			.forEach(row -> counts.put((String) row[0], (Long) row[1]));
		return counts;
	}

	/** The newest message id of each channel in the database (0 for one without messages). */
	private Map<String, Long> newestInDatabase(Collection<String> channels) {
		Map<String, Long> newest = new HashMap<>();
		if (!channels.isEmpty()) {
			channels.forEach(channel -> newest.put(channel, 0L));
			this.markers.newestIds(channels).forEach(row -> newest.put((String) row[0], (Long) row[1]));
		}
		return newest;
	}

	/** The user read the channel up to {@code messageId} ({@code //history}, {@code //read}). */
	@Transactional
	public void read(ChatUser user, String channel, long messageId) {
		advance(user, Map.of(channel, messageId));
	}

	/** The user read everything in the channel so far ({@code //read}). */
	@Transactional
	public void readAll(ChatUser user, String channel) {
		advance(user, newestInDatabase(List.of(channel)));
	}

	private void advance(ChatUser user, Map<String, Long> newest) {
		Map<String, ReadMarker> existing = this.markers.findByAccountIdAndChannelIn(user.id(), newest.keySet())
			.stream()
			.collect(Collectors.toMap(ReadMarker::channel, Function.identity()));
		newest.forEach((channel, id) -> {
			ReadMarker marker = existing.get(channel);
			if (marker == null) {
				this.markers.save(new ReadMarker(user.id(), channel, id));
			}
			else if (marker.advanceTo(id)) {
				this.markers.save(marker);
			}
		});
	}

	@EventListener
	void forgetChannel(ChannelDeletedEvent deleted) {
		this.markers.deleteByChannel(deleted.channel());
	}

	@EventListener
	void forgetAccount(AccountDeletedEvent deleted) {
		this.markers.deleteByAccountId(deleted.accountId());
	}

}
