package io.tcpchat.command;

/**
 * Continues a conversation with the answer to a {@link Prompt}. It may ask again.
 */
@FunctionalInterface
public interface Answer {

	void accept(CommandContext context, String line);

}
