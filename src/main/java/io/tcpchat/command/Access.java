package io.tcpchat.command;

import io.tcpchat.auth.ChatUser;

/**
 * Who may run a command.
 */
public enum Access {

	/** Anyone, logged in or not. */
	ANYONE,

	/** Only before login. */
	GUEST,

	/** Logged-in users. */
	USER,

	/** Logged-in admins. */
	ADMIN;

	/** Whether {@code user} (null: not logged in) may run a command with this access. */
	public boolean permits(ChatUser user) {
		return switch (this) {
			case ANYONE -> true;
			case GUEST -> user == null;
			case USER -> user != null;
			case ADMIN -> user != null && user.isAdmin();
		};
	}

}
