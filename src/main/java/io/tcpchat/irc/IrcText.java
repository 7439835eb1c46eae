package io.tcpchat.irc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The small text rules of IRC: what a nick is, how chat channel names look on IRC ({@code #name}), how long a
 * line may be (512 bytes with CR LF) and how a longer text is cut (between UTF-8 characters, never inside one).
 */
final class IrcText {

	/** RFC 2812's nick characters: a letter or special first, then letters, digits, specials and '-'. */
	private static final Pattern NICK = Pattern.compile("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]*");

	static final int MAX_LINE_BYTES = 512;

	static final String CTCP = "\u0001";

	private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private IrcText() {
	}

	static boolean isNick(String name) {
		return name != null && NICK.matcher(name).matches();
	}

	/** Why an account name cannot be an IRC nick, for {@code ERR_ERRONEUSNICKNAME}. */
	static String whyNotANick(String name) {
		return "IRC nicks start with a letter and hold only letters, digits, '-', '_' and []\\`^{|}: " + name
				+ " is not one, so that account can use the line protocol or the web client, not IRC";
	}

	/** {@code #dev} to {@code dev}; null for a name that is no channel on IRC. */
	static String channel(String ircName) {
		if (ircName == null || ircName.length() < 2 || ircName.charAt(0) != '#') {
			return null;
		}
		return ircName.substring(1).toLowerCase(Locale.ROOT);
	}

	static String ircChannel(String channel) {
		return "#" + channel;
	}

	static String serverTime(Instant instant) {
		return SERVER_TIME.format(instant);
	}

	/**
	 * The text without IRC's formatting codes: bold, italics, underline, strike-through, monospace, reverse and
	 * reset, and the colour codes with their numbers (0x03 then {@code 04,12}, or 0x04 then {@code FF0000}), which would
	 * otherwise stay behind as digits once the control character is gone. Decoding IRC, not cleaning: what is left
	 * is cleaned like every other listener's text.
	 */
	static String withoutFormatting(String text) {
		StringBuilder out = null;
		int i = 0;
		while (i < text.length()) {
			char ch = text.charAt(i);
			int skip = switch (ch) {
				case '\u0002', '\u000f', '\u0011', '\u0016', '\u001d', '\u001e', '\u001f' -> 1;
				case '\u0003' -> 1 + colourLength(text, i + 1, 2, false);
				case '\u0004' -> 1 + colourLength(text, i + 1, 6, true);
				default -> 0;
			};
			if (skip > 0 && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (skip == 0 && out != null) {
				out.append(ch);
			}
			i += Math.max(skip, 1);
		}
		return (out == null) ? text : out.toString();
	}

	/** The length of {@code fg[,bg]} at {@code from}: up to {@code digits} digits each (hex ones exactly six). */
	private static int colourLength(String text, int from, int digits, boolean hex) {
		int fg = number(text, from, digits, hex);
		if (fg == 0) {
			return 0;
		}
		int comma = from + fg;
		if (comma < text.length() && text.charAt(comma) == ',') {
			int bg = number(text, comma + 1, digits, hex);
			if (bg > 0) {
				return fg + 1 + bg;
			}
		}
		return fg;
	}

	private static int number(String text, int from, int digits, boolean hex) {
		int n = 0;
		while (n < digits && from + n < text.length()
				&& Character.digit(text.charAt(from + n), hex ? 16 : 10) >= 0 && text.charAt(from + n) < 0x80) {
			n++;
		}
		return (hex && n != digits) ? 0 : n;
	}

	static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	/**
	 * Cuts {@code text} into pieces of at most {@code maxBytes} UTF-8 bytes each, between characters (a code point
	 * is never split), preferring the last space of a piece when there is one in its second half.
	 */
	static List<String> split(String text, int maxBytes) {
		int limit = Math.max(maxBytes, 4);
		List<String> pieces = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int bytes = 0;
			int i = start;
			int lastSpace = -1;
			while (i < text.length()) {
				int cp = text.codePointAt(i);
				int size = (cp < 0x80) ? 1 : (cp < 0x800) ? 2 : (cp < 0x10000) ? 3 : 4;
				if (bytes + size > limit) {
					break;
				}
				if (cp == ' ') {
					lastSpace = i;
				}
				bytes += size;
				i += Character.charCount(cp);
			}
			if (i < text.length() && lastSpace > start && bytes > limit / 2 && (i - lastSpace) < (i - start) / 2) {
				pieces.add(text.substring(start, lastSpace));
				start = lastSpace + 1;
			}
			else {
				pieces.add(text.substring(start, i));
				start = i;
			}
		}
		if (pieces.isEmpty()) {
			pieces.add("");
		}
		return pieces;
	}

}
