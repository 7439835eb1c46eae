package io.tcpchat.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelDeletedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read markers: per account and channel, the newest message read. A message delivered to a live session counts
 * as read, so the markers are written when a user's last session ends (one query and a write per channel of
 * theirs), by {@code //history} (up to the newest message shown) and by {@code //read}: never per message. At
 * login the channels' unread counts come from one query. Direct messages need no marker: those that arrived while
 * the user was offline are the undelivered ones ({@link DirectMessageHistory#takeMissed}).
 */
@Service
public class ReadMarkers {

	private final ReadMarkerRepository markers;

	ReadMarkers(ReadMarkerRepository markers) {
		this.markers = markers;
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

	/** Everything in these channels is read up to their newest message (the user's last session ended). */
	@Transactional
	public void caughtUp(ChatUser user, Collection<String> channels) {
		if (channels.isEmpty()) {
			return;
		}
		Map<String, Long> newest = new HashMap<>();
		channels.forEach(channel -> newest.put(channel, 0L));
		this.markers.newestIds(channels).forEach(row -> newest.put((String) row[0], (Long) row[1]));
		advance(user, newest);
	}

	/** The user read the channel up to {@code messageId} ({@code //history}, {@code //read}). */
	@Transactional
	public void read(ChatUser user, String channel, long messageId) {
		advance(user, Map.of(channel, messageId));
	}

	/** The user read everything in the channel so far ({@code //read}). */
	@Transactional
	public void readAll(ChatUser user, String channel) {
		caughtUp(user, List.of(channel));
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
