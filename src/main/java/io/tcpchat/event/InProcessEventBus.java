package io.tcpchat.event;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers events to this node's listeners, synchronously on the publishing thread. Replaced by the Redis bus
 * when {@code chat.cluster.enabled=true}.
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
