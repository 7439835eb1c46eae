package io.tcpchat.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap admin on start when it is missing, before any listener accepts a connection: on first
 * start, and again after a restart if its account is gone (a deleted account's tombstone holding the name is
 * released for it). Without a configured password a random one is generated and logged once: it is never stored
 * in clear.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountService accounts;

	private final AccountAdminService admin;

	private final ChatProperties properties;

	AdminBootstrap(AccountService accounts, AccountAdminService admin, ChatProperties properties) {
		this.accounts = accounts;
		this.admin = admin;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String username = this.properties.admin().username();
		Optional<ChatUser> existing = this.accounts.findUser(username);
		if (existing.isPresent()) {
			if (!existing.get().isAdmin()) {
				// made before names were reserved: never hand admin rights to whoever registered the name
				log.error("The account '{}' (chat.admin.username) is not an admin; it keeps its rights. Delete it and "
						+ "restart, or choose another chat.admin.username, to get the bootstrap admin back.", username);
			}
			return;
		}
		if (this.admin.releaseForBootstrap(username)) {
			log.warn("The bootstrap admin '{}' had been deleted; creating it again", username);
		}
		String password = this.properties.admin().password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] bytes = new byte[18];
			new SecureRandom().nextBytes(bytes);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		try {
			this.accounts.createBootstrapAdmin(username, password);
		}
		catch (ChatException ex) {
			if (ex.code() != ErrorCode.ALREADY_EXISTS) {
				throw ex;
			}
			// another node of a cluster starting at the same time created it first: its password is the real one
			// (logged by that node), never the one generated here
			log.info("The bootstrap admin '{}' was created by another node meanwhile", username);
			return;
		}
		if (generated) {
			log.warn("Created admin account '{}' with generated password: {}  (shown only once; change it with //passwd)",
					username, password);
		}
		else {
			log.info("Created admin account '{}' from chat.admin.*", username);
		}
	}

}
