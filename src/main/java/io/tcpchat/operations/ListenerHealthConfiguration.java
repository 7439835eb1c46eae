package io.tcpchat.operations;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.transport.ChatListeners;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code chatListeners} health component: one entry per chat listener, up while it is bound and accepting.
 */
@Configuration(proxyBeanMethods = false)
class ListenerHealthConfiguration {

	@Bean
	HealthContributor chatListenersHealthContributor(ChatListeners listeners, ChatProperties properties) {
		return new ListenerHealth(listeners, properties);
	}

	/** Listeners are looked up on every check: the TLS one may bind after this bean exists. */
	static final class ListenerHealth implements CompositeHealthContributor {

		private final ChatListeners listeners;

		private final Set<String> configured = new TreeSet<>();

		ListenerHealth(ChatListeners listeners, ChatProperties properties) {
			this.listeners = listeners;
			if (properties.tcp().enabled()) {
				this.configured.add("plain");
			}
			if (properties.tls().enabled()) {
				this.configured.add("tls");
			}
			if (properties.irc().enabled()) {
				this.configured.add("irc");
				if (properties.tls().enabled()) {
					this.configured.add("irc-tls");
				}
			}
			if (properties.web().enabled()) {
				this.configured.add("websocket");
			}
		}

		@Override
		public HealthContributor getContributor(String name) {
			return current().get(name);
		}

		@Override
		public Stream<Entry> stream() {
			return current().entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue()));
		}

		private Map<String, HealthContributor> current() {
			Set<String> names = new TreeSet<>(this.configured);
			names.addAll(this.listeners.ports().keySet());
			Map<String, HealthContributor> contributors = new TreeMap<>();
			names.forEach(name -> contributors.put(name, (HealthIndicator) () -> health(name)));
			return contributors;
		}

		private Health health(String name) {
			int port = this.listeners.port(name);
			if (port > 0 && this.listeners.isAccepting(name)) {
				return Health.up().withDetail("port", port).build();
			}
			return Health.down().withDetail("reason", (port > 0) ? "stopped accepting" : "not bound").build();
		}

	}

}
