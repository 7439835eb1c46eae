package io.tcpchat.moderation;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tcpchat.error.ChatException;

/**
 * The duration of a {@code //ban}, typed as a whole number with a unit: {@code 90s}, {@code 10m}, {@code 2h},
 * {@code 7d}, {@code 1w}. A word that only looks like one ({@code 1.5h}, {@code -5m}, {@code 10}) is refused rather
 * than taken as the start of the reason, so a typo never bans for ever. The range is checked by
 * {@link BanService}, the same for TCP and REST.
 */
final class BanDuration {

	static final String SYNTAX = "a whole number with s, m, h, d or w, e.g. 10m or 7d";

	/** What a user may have meant as a duration: digits, perhaps signed or with a fraction, and one letter. */
	private static final Pattern ATTEMPT = Pattern.compile("[+-]?[0-9][0-9.,]*[a-zA-Z]?");

	private static final Pattern VALID = Pattern.compile("([0-9]{1,12})([smhdwSMHDW])");

	private BanDuration() {
	}

	static boolean looksLikeDuration(String word) {
		return ATTEMPT.matcher(word).matches();
	}

	/** @throws ChatException {@code invalid-argument} for anything but a whole number with a unit */
	static Duration parse(String word) {
		Matcher matcher = VALID.matcher(word);
		if (!matcher.matches()) {
			throw ChatException.invalid("Not a duration: " + word + ". A duration is " + SYNTAX + ".");
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration unit = switch (Character.toLowerCase(matcher.group(2).charAt(0))) {
			case 's' -> Duration.ofSeconds(1);
			case 'm' -> Duration.ofMinutes(1);
			case 'h' -> Duration.ofHours(1);
			case 'd' -> Duration.ofDays(1);
			default -> Duration.ofDays(7);
		};
		if (amount > BanService.MAX_DURATION.dividedBy(unit)) {
			throw ChatException.invalid("A duration is at most " + BanService.MAX_DURATION.toDays()
					+ " days; give none for no expiry.");
		}
		return unit.multipliedBy(amount);
	}

	/** The duration at the start of {@code words}, if its first word is meant as one. */
	static Optional<Duration> leading(String firstWord) {
		return looksLikeDuration(firstWord) ? Optional.of(parse(firstWord)) : Optional.empty();
	}

}
