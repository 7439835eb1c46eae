package io.tcpchat.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Pieces of the {@code text} format that more than the session layer writes: a channel message or a DM looks
 * the same live and in the text of a {@code //history} reply.
 */
public final class TextLines {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private TextLines() {
	}

	/** {@code 09:48:23 [#general] alice: hi} (time of day in UTC). */
	public static String channelMessage(Instant ts, String channel, String from, String text) {
		return time(ts) + " [#" + channel + "] " + from + ": " + text;
	}

	/** {@code 09:48:23 [#general] * alice waves}. */
	public static String channelAction(Instant ts, String channel, String from, String text) {
		return time(ts) + " [#" + channel + "] * " + from + " " + text;
	}

	/** {@code 09:48:23 [dm] alice -> bob: hi}. */
	public static String directMessage(Instant ts, String from, String to, String text) {
		return time(ts) + " [dm] " + from + " -> " + to + ": " + text;
	}

	/** {@code Tuesday, 1 December 2026 (UTC)}: the date line of the text format when the day changes. */
	public static String day(Instant instant) {
		return DAY.format(instant) + " (UTC)";
	}

	/** The time of day in UTC, {@code HH:mm:ss}. */
	public static String time(Instant instant) {
		return TIME.format(instant);
	}

}
