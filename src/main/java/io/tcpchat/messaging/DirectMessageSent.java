package io.tcpchat.messaging;

import io.tcpchat.event.ChatEvent;

/**
 * A direct message stored and delivered.
 *
 * @param recipientOnline whether the recipient had a session when it was sent; if not, they get it at their next
 * login
 * @param recipientAway the recipient's away text, the first time this sender writes to them while they are away;
 * else null
 */
public record DirectMessageSent(ChatEvent.DirectMessage message, boolean recipientOnline, String recipientAway) {
}
