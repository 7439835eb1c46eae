package io.tcpchat.command;

/**
 * A question to the user; the next line answers it. A {@code secret} prompt takes the next line as the answer
 * even if it starts with {@code //}.
 */
public record Prompt(String field, String text, boolean secret) {

	public static Prompt open(String field, String text) {
		return new Prompt(field, text, false);
	}

	public static Prompt secret(String field, String text) {
		return new Prompt(field, text, true);
	}

}
