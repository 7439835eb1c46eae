package io.tcpchat.channel;

import java.time.Clock;
import java.time.Duration;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.limits.RecentEvents;

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

	private final RecentEvents<Long> created;

	ChannelCreationLimit(ChatProperties properties, Clock clock) {
		this.limit = properties.limits().channelCreations();
		this.period = properties.limits().channelCreationPeriod();
		this.created = new RecentEvents<>(this.period, clock);
	}

	/** @throws ChatException {@code rate-limited} if the user created too many channels lately */
	void check(ChatUser user) {
		if (user.isAdmin()) {
			return;
		}
		Duration wait = this.created.timeUntilBelow(user.id(), this.limit);
		if (!wait.isZero()) {
			throw new ChatException(ErrorCode.RATE_LIMITED, "You may create at most " + this.limit + " channels per "
					+ describe(this.period) + "; try again in " + describe(wait) + ".");
		}
	}

	/** Counts a channel the user created (after it was committed). */
	void record(ChatUser user) {
		if (user.isAdmin()) {
			return;
		}
		this.created.record(user.id());
	}

	@Scheduled(fixedDelay = 600_000)
	void forgetOld() {
		this.created.sweep();
	}

	private static String describe(Duration duration) {
		long seconds = Math.max(1, duration.toSeconds());
		return (seconds % 3600 == 0) ? (seconds / 3600) + " h"
				: (seconds % 60 == 0) ? (seconds / 60) + " min" : seconds + " s";
	}

}
