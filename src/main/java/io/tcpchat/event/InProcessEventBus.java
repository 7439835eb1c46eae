package io.tcpchat.event;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers events to this node's listeners, synchronously on the publishing thread. With
 * {@code chat.cluster.enabled=true} {@code cluster.RedisEventBus} replaces it.
 */
@Component
@ConditionalOnProperty(name = "chat.cluster.enabled", havingValue = "false", matchIfMissing = true)
class InProcessEventBus implements ChatEventBus {

	private final List<ChatEventListener> listeners;

	InProcessEventBus(List<ChatEventListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void publish(ChatEvent event) {
		for (ChatEventListener listener : this.listeners) {
			listener.onEvent(event);
		}
	}

}
