package io.tcpchat.messaging;

import java.util.List;
import java.util.Map;

import io.tcpchat.event.ChatEvent;

/**
 * The direct messages a user received while offline, handed over once at login.
 *
 * @param bySender how many each sender left, in the order of their latest message (newest first)
 * @param latest the newest of them, oldest first, at most {@code chat.limits.history-max}
 */
public record MissedDirectMessages(Map<String, Long> bySender, List<ChatEvent.DirectMessage> latest) {

	public static final MissedDirectMessages NONE = new MissedDirectMessages(Map.of(), List.of());

	public long total() {
		return this.bySender.values().stream().mapToLong(Long::longValue).sum();
	}

	public boolean isEmpty() {
		return this.bySender.isEmpty();
	}

}
