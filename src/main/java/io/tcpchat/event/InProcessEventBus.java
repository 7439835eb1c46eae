package io.tcpchat.event;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Delivers events to this node's listeners, synchronously on the publishing thread. A Redis bus is to replace it
 * when {@code chat.cluster.enabled=true} (not built yet; see {@code config.ClusterSupport}).
 */
@Component
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
