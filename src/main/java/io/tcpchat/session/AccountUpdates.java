package io.tcpchat.session;

import java.util.EnumSet;
import java.util.Set;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Role;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;

import org.springframework.stereotype.Component;

/**
 * Gives every session of a user the account's new colour and roles ({@code UserUpdated}), on every node: a
 * {@code //color} in one session colours the messages sent from the others too.
 */
@Component
class AccountUpdates implements ChatEventListener {

	private final SessionRegistry registry;

	AccountUpdates(SessionRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.UserUpdated updated) {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			updated.roles().forEach(role -> roles.add(Role.valueOf(role)));
			ChatUser user = new ChatUser(updated.userId(), updated.user(), Set.copyOf(roles), updated.color());
			this.registry.ofUser(updated.userId()).forEach(session -> session.updateUser(user));
		}
	}

}
