package io.tcpchat.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.tcpchat.error.ChatException;

/**
 * Name colours must stay readable on dark and on light terminals: the WCAG contrast ratio against both black and
 * white has to be at least {@value #MIN_CONTRAST}, which keeps relative luminance between 0.10 and 0.30.
 */
public final class UserColors {

	static final double MIN_CONTRAST = 3.0;

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("red", "#e53935"),
			Map.entry("green", "#2e9d3a"), Map.entry("blue", "#3f7fe0"), Map.entry("orange", "#cc6d00"),
			Map.entry("purple", "#a05cd6"), Map.entry("magenta", "#d640b0"), Map.entry("teal", "#1a9a8f"),
			Map.entry("cyan", "#0d9bb5"), Map.entry("pink", "#e0508a"), Map.entry("brown", "#b06a3b"),
			Map.entry("olive", "#8a8a1e"), Map.entry("gray", "#888888"), Map.entry("grey", "#888888"));

	private static final List<String> PALETTE = List.copyOf(NAMED.values().stream().distinct().sorted().toList());

	private UserColors() {
	}

	/**
	 * Parses {@code #rrggbb} or a colour name and checks readability.
	 * @return the colour as lower-case {@code #rrggbb}
	 */
	public static String parse(String input) {
		String value = input == null ? "" : input.trim().toLowerCase(Locale.ROOT);
		String hex = NAMED.getOrDefault(value, value);
		if (!HEX.matcher(hex).matches()) {
			throw ChatException
				.invalid("A colour is #rrggbb or one of: " + String.join(", ", NAMED.keySet().stream().sorted().toList()));
		}
		if (!isReadable(hex)) {
			throw ChatException.invalid(hex + " is unreadable on a dark or a light background; pick a mid tone.");
		}
		return hex;
	}

	public static boolean isReadable(String hex) {
		double luminance = luminance(hex);
		double againstBlack = (luminance + 0.05) / 0.05;
		double againstWhite = 1.05 / (luminance + 0.05);
		return againstBlack >= MIN_CONTRAST && againstWhite >= MIN_CONTRAST;
	}

	/** A readable colour derived from the name, so a new user is recognisable at once. */
	public static String defaultFor(String username) {
		return PALETTE.get(Math.floorMod(Usernames.key(username).hashCode(), PALETTE.size()));
	}

	static double luminance(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
	}

	private static double channel(int value) {
		double c = (value & 0xff) / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
