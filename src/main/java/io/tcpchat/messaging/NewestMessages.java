package io.tcpchat.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;

import org.springframework.stereotype.Component;

/**
 * The newest message id of each channel that had a message since the start, in memory (one map update per
 * message, whatever the audience): what a user who leaves has seen, without asking the database.
 */
@Component
class NewestMessages implements ChatEventListener {

	private final Map<String, Long> byChannel = new ConcurrentHashMap<>();

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.ChannelMessage message) {
			this.byChannel.merge(message.channel(), message.id(), Math::max);
		}
		else if (event instanceof ChatEvent.ChannelDeleted deleted) {
			this.byChannel.remove(deleted.channel());
		}
	}

	/** Null when the channel had no message since the start. */
	Long of(String channel) {
		return this.byChannel.get(channel);
	}

}
