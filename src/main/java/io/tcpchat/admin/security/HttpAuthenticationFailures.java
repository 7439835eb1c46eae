package io.tcpchat.admin.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Hears every failed HTTP login. The place to hook a throttle for repeated failures in.
 */
@Component
class HttpAuthenticationFailures {

	private static final Logger log = LoggerFactory.getLogger(HttpAuthenticationFailures.class);

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		log.info("HTTP login failed for '{}': {}", event.getAuthentication().getName(),
				event.getException().getMessage());
	}

}
