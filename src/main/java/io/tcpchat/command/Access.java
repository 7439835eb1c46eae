package io.tcpchat.command;

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
	ADMIN

}
