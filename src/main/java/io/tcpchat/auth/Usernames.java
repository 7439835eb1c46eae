package io.tcpchat.auth;

import java.util.Locale;
import java.util.regex.Pattern;

import io.tcpchat.error.ChatException;

/**
 * The rules for account names. A new name is 3-32 characters, a letter first, then {@code [A-Za-z0-9_-]} (so it is
 * a valid IRC nick); names made under the older rule, 3-32 of {@code [A-Za-z0-9_.-]}, keep working for everything
 * but registration. Names are unique ignoring case ({@link #key}) and must not be confusable with another one
 * ({@link #skeleton}).
 */
public final class Usernames {

	/** The rule for new names as a regular expression, also for bean validation of request bodies. */
	public static final String PATTERN = "[A-Za-z][A-Za-z0-9_-]{2,31}";

	public static final String RULE = "A username is 3-32 characters: a letter, then letters, digits, '_' or '-'.";

	private static final Pattern NEW_NAME = Pattern.compile(PATTERN);

	/** Names accounts may have: the current rule and the older one, for accounts made under it. */
	private static final Pattern ANY_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

	private Usernames() {
	}

	/** Whether an account may have this name (the older rule included): the check before any look-up. */
	public static boolean isValid(String name) {
		return name != null && ANY_NAME.matcher(name).matches();
	}

	/** Whether a new account may be given this name. */
	public static boolean isValidNew(String name) {
		return name != null && NEW_NAME.matcher(name).matches();
	}

	public static String requireValidNew(String name) {
		if (!isValidNew(name)) {
			throw ChatException.invalid(RULE);
		}
		return name;
	}

	/** The case-insensitive identity of a name. */
	public static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * What a name looks like, so that names that look alike compare equal, in the spirit of ergo's confusable
	 * skeletons: upper-case {@code I} reads as {@code l}, then case is ignored, {@code 1} reads as {@code l},
	 * {@code 0} as {@code o}, {@code rn} as {@code m} and {@code vv} as {@code w}. Two accounts never share a
	 * skeleton. The V3 migration computes the same for existing accounts in SQL: change both together.
	 */
	public static String skeleton(String name) {
		return name.replace('I', 'l')
			.toLowerCase(Locale.ROOT)
			.replace('1', 'l')
			.replace('0', 'o')
			.replace("rn", "m")
			.replace("vv", "w");
	}

}
