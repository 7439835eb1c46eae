package io.tcpchat.cluster;

import io.tcpchat.channel.ChannelService;
import io.tcpchat.event.ChatEvent;

import org.springframework.stereotype.Component;

/**
 * What a node does when it regains Redis after an outage, besides rebuilding presence: it may have missed any
 * event published meanwhile (pub/sub does not replay), so it reloads the channel directory from the database and
 * tells its caches ({@link ChatEvent.CachesStale}) to drop what they hold; they refill from the database.
 */
@Component
@OnCluster
class ClusterRecovery {

	private final ChannelService channels;

	private final RedisEventBus events;

	ClusterRecovery(ChannelService channels, RedisEventBus events) {
		this.channels = channels;
		this.events = events;
	}

	void afterOutage() {
		this.channels.loadDirectory();
		this.events.deliverLocally(new ChatEvent.CachesStale());
	}

}
