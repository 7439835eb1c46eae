package io.tcpchat.event;

/**
 * Receives every chat event meant for this node.
 */
public interface ChatEventListener {

	void onEvent(ChatEvent event);

}
