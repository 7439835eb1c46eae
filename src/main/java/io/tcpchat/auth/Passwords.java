package io.tcpchat.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.tcpchat.error.ChatException;

/**
 * The password policy: 8-128 characters after leading and trailing spaces are removed, and none of the most
 * common passwords (a list shipped in the jar, compared ignoring case). Every way in (the login prompt,
 * {@code //login}, {@code //register}, {@code //passwd}, REST) passes passwords through {@link #normalize}, so
 * surrounding spaces never matter.
 */
public final class Passwords {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load("common-passwords.txt");

	private Passwords() {
	}

	/** A password as typed, without leading and trailing whitespace. */
	public static String normalize(String password) {
		return (password == null) ? null : password.strip();
	}

	/** @return the normalized password, if the policy accepts it */
	public static String requireAcceptable(String typed) {
		String password = normalize(typed);
		if (password == null || password.length() < MIN_LENGTH) {
			throw ChatException.invalid("A password needs at least " + MIN_LENGTH + " characters.");
		}
		if (password.length() > MAX_LENGTH) {
			throw ChatException.invalid("A password has at most " + MAX_LENGTH + " characters.");
		}
		if (isCommon(password)) {
			throw ChatException.invalid("That password is one of the most common ones; choose another.");
		}
		return password;
	}

	static boolean isCommon(String password) {
		return COMMON.contains(password.toLowerCase(Locale.ROOT));
	}

	private static Set<String> load(String resource) {
		try (InputStream in = Passwords.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
