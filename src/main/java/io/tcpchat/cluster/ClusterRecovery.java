package io.tcpchat.cluster;

import io.tcpchat.channel.ChannelService;
import io.tcpchat.event.ChatEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * What a node does when it reaches Redis: it subscribes (once; Lettuce resubscribes by itself after a dropped
 * connection, but a node started while Redis was down has no subscription yet). After an outage, or when Redis was
 * down at start, it does more besides rebuilding presence: it may have missed any
 * event published meanwhile (pub/sub does not replay), so it reloads the channel directory from the database and
 * tells its caches ({@link ChatEvent.CachesStale}) to drop what they hold; they refill from the database.
 */
@Component
@OnCluster
class ClusterRecovery {

	private final ChannelService channels;

	private final RedisEventBus events;

	/** Lazily: the container's listeners (the bus, presence) depend on this bean. */
	private final ObjectProvider<RedisMessageListenerContainer> subscriptions;

	ClusterRecovery(ChannelService channels, RedisEventBus events,
			ObjectProvider<RedisMessageListenerContainer> subscriptions) {
		this.channels = channels;
		this.events = events;
		this.subscriptions = subscriptions;
	}

	/**
	 * Subscribes to the events and presence channels unless subscribed already; called on the outbox thread when
	 * Redis has just answered. A failed attempt throws (Redis is then marked down and the next heartbeat tries again).
	 */
	void subscribe() {
		RedisMessageListenerContainer container = this.subscriptions.getObject();
		if (!container.isListening()) {
			// a start that failed leaves the container "running" without a subscription: start() alone would do nothing
			container.stop();
			container.start();
		}
	}

	void afterOutage() {
		this.channels.loadDirectory();
		this.events.deliverLocally(new ChatEvent.CachesStale());
	}

}
