package io.tcpchat.event;

import java.time.Instant;

import io.tcpchat.error.ErrorCode;

/**
 * Something that happened which connected users may need to see. Feature services publish these through
 * {@link ChatEventBus}; the session layer delivers them. In a cluster they travel through Redis.
 */
public sealed interface ChatEvent {

	record ChannelMessage(long id, Instant ts, String channel, String from, String color, String text)
			implements ChatEvent {
	}

	record DirectMessage(long id, Instant ts, String from, String to, String color, String text)
			implements ChatEvent {
	}

	record Broadcast(long id, Instant ts, String from, String text) implements ChatEvent {
	}

	record MemberJoined(String channel, String user) implements ChatEvent {
	}

	record MemberLeft(String channel, String user) implements ChatEvent {
	}

	record ChannelDeleted(String channel) implements ChatEvent {
	}

	/**
	 * Close every session of {@code user}, on every node: after an optional error, a {@code bye} with
	 * {@code reason}.
	 */
	record SessionsTerminated(String user, ErrorCode error, String text, String reason) implements ChatEvent {
	}

}
