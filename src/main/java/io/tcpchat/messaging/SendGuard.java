package io.tcpchat.messaging;

import io.tcpchat.auth.ChatUser;

/**
 * A veto on sending (channel messages, actions, DMs), e.g. a mute. Implemented by other features so that the rule
 * of who may send stays in one place without messaging depending on them. Checked in memory: no database read
 * per message.
 */
public interface SendGuard {

	/**
	 * @throws io.tcpchat.error.ChatException to refuse the message
	 */
	void check(ChatUser sender);

}
