package io.tcpchat.command;

import java.util.ArrayList;
import java.util.List;

import io.tcpchat.error.ChatException;

/**
 * A registered command: its name, how to call it, who may, and how its arguments split.
 */
public record CommandSpec(String name, String usage, String description, Access access, int required,
		int optional, boolean restOfLine, boolean sendsMessage) {

	static CommandSpec of(ChatCommand annotation) {
		int required = 0;
		int optional = 0;
		boolean inOptionalGroup = false;
		for (String token : annotation.usage().trim().split("\\s+")) {
			// "(before <id>)" is one optional group of two words
			if (token.startsWith("(")) {
				inOptionalGroup = !token.endsWith(")");
				optional++;
			}
			else if (inOptionalGroup) {
				inOptionalGroup = !token.endsWith(")");
				optional++;
			}
			else if (token.startsWith("<")) {
				required++;
			}
		}
		return new CommandSpec(annotation.name(), annotation.usage().trim(), annotation.description(),
				annotation.access(), required, optional, annotation.restOfLine(), annotation.sendsMessage());
	}

	public boolean adminOnly() {
		return this.access == Access.ADMIN;
	}

	/** The whole call, e.g. {@code //ban <username> (reason)}. */
	public String synopsis() {
		return "//" + this.name + (this.usage.isEmpty() ? "" : " " + this.usage);
	}

	/**
	 * Splits the text after the command name into arguments.
	 * @throws ChatException {@code invalid-argument} with the usage when there are too few or too many
	 */
	public Arguments parse(String text) {
		int max = this.required + this.optional;
		String rest = text.strip();
		List<String> values = new ArrayList<>();
		while (!rest.isEmpty()) {
			if (values.size() == max - 1 && this.restOfLine) {
				values.add(rest);
				break;
			}
			int space = indexOfWhitespace(rest);
			values.add(space < 0 ? rest : rest.substring(0, space));
			rest = space < 0 ? "" : rest.substring(space).strip();
		}
		if (values.size() < this.required || values.size() > max) {
			throw ChatException.invalid("Usage: " + synopsis());
		}
		return new Arguments(List.copyOf(values));
	}

	private static int indexOfWhitespace(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

}
