package io.tcpchat.auth;

import io.tcpchat.error.ChatException;

/**
 * The password policy.
 */
public final class Passwords {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private Passwords() {
	}

	public static String requireAcceptable(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw ChatException.invalid("A password needs at least " + MIN_LENGTH + " characters.");
		}
		if (password.length() > MAX_LENGTH) {
			throw ChatException.invalid("A password has at most " + MAX_LENGTH + " characters.");
		}
		return password;
	}

}
