package io.tcpchat.command;

/**
 * A check the gate runs before every command, after access and arguments passed; it refuses by throwing a
 * {@link io.tcpchat.error.ChatException}. Features contribute guards (e.g. flood control) without the gate
 * knowing them.
 */
public interface CommandGuard {

	void check(CommandSpec command, CommandContext context);

}
