package io.tcpchat.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many channels one user may create ({@code //create-channel}, or {@code //join} of a new one): at most
 * {@code chat.limits.channel-creations} per {@code chat.limits.channel-creation-period}, counted per account on
 * this node. Admins are exempt.
 */
@Component
class ChannelCreationLimit {

	private final int limit;

	private final Duration period;

	private final Clock clock;

	private final Map<Long, Deque<Instant>> created = new ConcurrentHashMap<>();

	ChannelCreationLimit(ChatProperties properties, Clock clock) {
		this.limit = properties.limits().channelCreations();
		this.period = properties.limits().channelCreationPeriod();
		this.clock = clock;
	}

	/** @throws ChatException {@code rate-limited} if the user created too many channels lately */
	void check(ChatUser user) {
		if (user.isAdmin()) {
			return;
		}
		Instant now = this.clock.instant();
		Deque<Instant> times = this.created.get(user.id());
		if (times == null) {
			return;
		}
		synchronized (times) {
			prune(times, now);
			if (times.size() >= this.limit) {
				Duration wait = Duration.between(now, times.peekFirst().plus(this.period));
				throw new ChatException(ErrorCode.RATE_LIMITED, "You may create at most " + this.limit
						+ " channels per " + describe(this.period) + "; try again in " + describe(wait) + ".");
			}
		}
	}

	/** Counts a channel the user created (after it was committed). */
	void record(ChatUser user) {
		if (user.isAdmin()) {
			return;
		}
		Deque<Instant> times = this.created.computeIfAbsent(user.id(), id -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(this.clock.instant());
		}
	}

	@Scheduled(fixedDelay = 600_000)
	void forgetOld() {
		Instant now = this.clock.instant();
		this.created.values().removeIf(times -> {
			synchronized (times) {
				prune(times, now);
				return times.isEmpty();
			}
		});
	}

	private void prune(Deque<Instant> times, Instant now) {
		while (!times.isEmpty() && !times.peekFirst().plus(this.period).isAfter(now)) {
			times.removeFirst();
		}
	}

	private static String describe(Duration duration) {
		long seconds = Math.max(1, duration.toSeconds());
		return (seconds % 3600 == 0) ? (seconds / 3600) + " h"
				: (seconds % 60 == 0) ? (seconds / 60) + " min" : seconds + " s";
	}

}
