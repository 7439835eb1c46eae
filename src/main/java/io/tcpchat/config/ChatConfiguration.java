package io.tcpchat.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChatConfiguration {

	/** Injected everywhere time matters, so tests can move it instead of sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	NodeIdentity nodeIdentity(ChatProperties properties) {
		return NodeIdentity.of(properties.nodeId());
	}

}
