package io.tcpchat.cluster;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The Redis side of a cluster: one subscription for events and presence, applied in the order Redis delivers them
 * (made by the first heartbeat that reaches Redis, {@link ClusterRecovery#subscribe}, not with the context: the
 * container's start fails when Redis is down, and a node must start without Redis), and a Lettuce client that fails
 * fast while Redis is away (rather than queueing commands without bound) and tries again every half second, so
 * that the cluster heals within seconds of Redis's return.
 */
@Configuration(proxyBeanMethods = false)
@OnCluster
class ClusterConfiguration {

	static final Duration RECONNECT_DELAY = Duration.ofMillis(500);

	@Bean
	RedisMessageListenerContainer clusterSubscriptions(RedisConnectionFactory connections, RedisLink link,
			RedisEventBus events, ClusterPresence presence) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setTaskExecutor(link.inbound());
		container.setRecoveryInterval(RECONNECT_DELAY.toMillis());
		container.setAutoStartup(false);
		container.addMessageListener(events, new ChannelTopic(link.keys().events()));
		container.addMessageListener(presence, new ChannelTopic(link.keys().presence()));
		return container;
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsAway() {
		return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean
	ClientResourcesBuilderCustomizer reconnectQuickly() {
		return resources -> resources.reconnectDelay(Delay.constant(RECONNECT_DELAY));
	}

}
