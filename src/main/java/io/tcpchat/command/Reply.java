package io.tcpchat.command;

import java.util.Map;

/**
 * The result of a successful command: a text for people and data for programs.
 */
public record Reply(String text, Map<String, ?> data) {

	public static Reply of(String text) {
		return new Reply(text, Map.of());
	}

	public static Reply of(String text, Map<String, ?> data) {
		return new Reply(text, data);
	}

}
