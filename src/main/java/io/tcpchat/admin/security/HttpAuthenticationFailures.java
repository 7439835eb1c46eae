package io.tcpchat.admin.security;

import io.tcpchat.auth.AccountService;
import io.tcpchat.text.ChatText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs every failed HTTP login, for operators and tools such as fail2ban. The name given is logged only when it
 * is an account's: anything else may be a password typed into the wrong field, or a forged log line.
 */
@Component
class HttpAuthenticationFailures {

	private static final Logger log = LoggerFactory.getLogger(HttpAuthenticationFailures.class);

	private final AccountService accounts;

	HttpAuthenticationFailures(AccountService accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		String address = (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		log.info("HTTP login failed for {} from {}: {}", this.accounts.nameForLog(name), address,
				ChatText.forLog(event.getException().getMessage(), 200));
	}

}
