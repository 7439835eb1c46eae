package io.tcpchat.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tcpchat.error.ChatException;

/**
 * The arguments of one command line, already checked against the command's usage.
 */
public record Arguments(List<String> values) {

	public String get(int index) {
		return this.values.get(index);
	}

	public Optional<String> optional(int index) {
		return index < this.values.size() ? Optional.of(this.values.get(index)) : Optional.empty();
	}

	/**
	 * An optional {@code on} or {@code off} (any case) at {@code index}: empty when absent.
	 * @throws ChatException {@code invalid} with {@code usage} for any other word
	 */
	public Optional<Boolean> onOff(int index, String usage) {
		return optional(index).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
			case "on" -> true;
			case "off" -> false;
			default -> throw ChatException.invalid("Usage: " + usage);
		});
	}

	public int size() {
		return this.values.size();
	}

	public static int parsePositive(String value, String what) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw ChatException.invalid(what + " must be a positive whole number.");
	}

}
