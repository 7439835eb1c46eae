package io.tcpchat.messaging;

import java.util.Map;
import java.util.Set;

import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;

@CommandHandler
class IgnoreCommands {

	private final IgnoreService ignores;

	IgnoreCommands(IgnoreService ignores) {
		this.ignores = ignores;
	}

	@ChatCommand(name = "ignore", usage = "<user>",
			description = "Stops delivering a user's messages and DMs to you (in every session and client).")
	Reply ignore(CommandContext context, Arguments arguments) {
		Set<String> now = this.ignores.ignore(context.requireUser(), arguments.get(0));
		return Reply.of("You ignore " + arguments.get(0) + " now.", Map.of("ignored", now));
	}

	@ChatCommand(name = "unignore", usage = "<user>", description = "Delivers a user's messages and DMs to you again.")
	Reply unignore(CommandContext context, Arguments arguments) {
		Set<String> now = this.ignores.unignore(context.requireUser(), arguments.get(0));
		return Reply.of("You no longer ignore " + arguments.get(0) + ".", Map.of("ignored", now));
	}

	@ChatCommand(name = "ignored", description = "Lists the users you ignore.")
	Reply ignored(CommandContext context) {
		Set<String> now = this.ignores.ignoredBy(context.requireUser());
		return Reply.of(now.isEmpty() ? "You ignore nobody." : "You ignore: " + String.join(", ", now),
				Map.of("ignored", now));
	}

}
