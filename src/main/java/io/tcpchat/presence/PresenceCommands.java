package io.tcpchat.presence;

import java.util.List;
import java.util.Map;

import io.tcpchat.auth.AccountService;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;

@CommandHandler
class PresenceCommands {

	private final PresenceService presence;

	private final ChannelService channels;

	private final AccountService accounts;

	PresenceCommands(PresenceService presence, ChannelService channels, AccountService accounts) {
		this.presence = presence;
		this.channels = channels;
		this.accounts = accounts;
	}

	@ChatCommand(name = "users", usage = "(channel)", description = "Lists the users online, or those of a channel.",
			reads = true)
	Reply users(CommandContext context, Arguments arguments) {
		List<String> online;
		String where = "";
		if (arguments.size() == 1) {
			String channel = this.channels.requireReadable(context.requireUser(), arguments.get(0));
			online = this.presence.onlineAmong(this.channels.memberIds(channel))
				.stream()
				.map(OnlineUser::username)
				.sorted(String.CASE_INSENSITIVE_ORDER)
				.toList();
			where = " in #" + channel;
		}
		else {
			online = this.presence.usernames();
		}
		String text = online.size() + " online" + where + (online.isEmpty() ? "" : ": " + String.join(", ", online));
		return Reply.of(text, Map.of("users", online, "colors", this.accounts.colorsOf(online)));
	}

	@ChatCommand(name = "user-count", description = "Counts the users online.", reads = true)
	Reply userCount() {
		int count = this.presence.userCount();
		return Reply.of(count + " user" + (count == 1 ? "" : "s") + " online.", Map.of("count", count));
	}

}
