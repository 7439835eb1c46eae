package io.tcpchat.channel;

import java.util.Locale;
import java.util.regex.Pattern;

import io.tcpchat.error.ChatException;

/**
 * Channel names: 1-50 of {@code [a-z0-9_-]}, compared ignoring case, a leading {@code #} accepted and ignored.
 */
public final class ChannelNames {

	private static final Pattern VALID = Pattern.compile("[a-z0-9_-]{1,50}");

	private ChannelNames() {
	}

	/** @return the canonical (lower-case, no {@code #}) name */
	public static String normalize(String input) {
		String name = input == null ? "" : input.trim();
		if (name.startsWith("#")) {
			name = name.substring(1);
		}
		name = name.toLowerCase(Locale.ROOT);
		if (!VALID.matcher(name).matches()) {
			throw ChatException.invalid("A channel name is 1-50 characters of a-z, 0-9, '_' and '-'.");
		}
		return name;
	}

	public static boolean looksLikeChannel(String token) {
		return token != null && token.startsWith("#");
	}

}
