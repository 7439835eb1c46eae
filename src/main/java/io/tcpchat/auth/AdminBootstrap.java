package io.tcpchat.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import io.tcpchat.config.ChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap admin on first start, before any listener accepts a connection. Without a configured
 * password a random one is generated and logged once: it is never stored in clear.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountService accounts;

	private final ChatProperties properties;

	AdminBootstrap(AccountService accounts, ChatProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String username = this.properties.admin().username();
		if (this.accounts.findUser(username).isPresent()) {
			return;
		}
		String password = this.properties.admin().password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] bytes = new byte[18];
			new SecureRandom().nextBytes(bytes);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		this.accounts.create(username, password, EnumSet.of(Role.ADMIN));
		if (generated) {
			log.warn("Created admin account '{}' with generated password: {}  (shown only once; change it with //passwd)",
					username, password);
		}
		else {
			log.info("Created admin account '{}' from chat.admin.*", username);
		}
	}

}
