package io.tcpchat.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who a logged-in session speaks for: a snapshot of the account, safe to share between threads. The account
 * {@code id} is the identity; the name is an attribute shown to people.
 */
public record ChatUser(long id, String name, Set<Role> roles, String color) {

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

	/** The user as a {@code UserUpdated} event describes it. */
	public static ChatUser of(long id, String name, List<String> roleNames, String color) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roleNames.forEach(role -> roles.add(Role.valueOf(role)));
		return new ChatUser(id, name, Set.copyOf(roles), color);
	}

	public List<String> roleNames() {
		return this.roles.stream().sorted().map(Role::name).toList();
	}

	public ChatUser withColor(String newColor) {
		return new ChatUser(this.id, this.name, this.roles, newColor);
	}

}
