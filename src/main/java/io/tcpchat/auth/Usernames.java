package io.tcpchat.auth;

import java.util.Locale;
import java.util.regex.Pattern;

import io.tcpchat.error.ChatException;

/**
 * The rules for account names: 3-32 of {@code [A-Za-z0-9_.-]}, unique ignoring case.
 */
public final class Usernames {

	/** The rule as a regular expression, also for bean validation of request bodies. */
	public static final String PATTERN = "[A-Za-z0-9_.-]{3,32}";

	public static final String RULE = "A username is 3-32 characters of A-Z, a-z, 0-9, '_', '.' and '-'.";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	private Usernames() {
	}

	public static boolean isValid(String name) {
		return name != null && VALID.matcher(name).matches();
	}

	public static String requireValid(String name) {
		if (!isValid(name)) {
			throw ChatException.invalid(RULE);
		}
		return name;
	}

	/** The case-insensitive identity of a name. */
	public static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
