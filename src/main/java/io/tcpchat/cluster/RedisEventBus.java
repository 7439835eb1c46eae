package io.tcpchat.cluster;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.event.ChatEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.stereotype.Component;

/**
 * The event bus of a cluster. An event is delivered to this node's listeners at once, on the publishing thread,
 * exactly as on a single node, and then handed to the outbox, which publishes it to the Redis channel
 * {@code <prefix>:events}; every other node receives it there and delivers it to its own listeners. A node
 * ignores its own events coming back. Pub/sub rather than Streams, and why: docs/cluster.md.
 */
@Component
@OnCluster
class RedisEventBus implements ChatEventBus, MessageListener {

	private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

	private final List<ChatEventListener> listeners;

	private final RedisLink link;

	private final EventCodec codec = new EventCodec();

	RedisEventBus(List<ChatEventListener> listeners, RedisLink link) {
		this.listeners = listeners;
		this.link = link;
	}

	@Override
	public void publish(ChatEvent event) {
		deliverLocally(event);
		this.link.publish(this.link.keys().events(), this.codec.encode(this.link.node(), event));
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		EventCodec.Envelope envelope;
		try {
			envelope = this.codec.decode(new String(message.getBody(), StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			log.warn("Ignored an event from another node that this version cannot read: {}", ex.getMessage());
			return;
		}
		if (!envelope.node().equals(this.link.node())) {
			deliverLocally(envelope.event());
		}
	}

	/** To this node's listeners only. */
	void deliverLocally(ChatEvent event) {
		for (ChatEventListener listener : this.listeners) {
			listener.onEvent(event);
		}
	}

}
