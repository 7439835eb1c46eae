package io.tcpchat.messaging;

import java.util.Map;

import io.tcpchat.channel.ChannelService;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;

@CommandHandler
class ReadCommands {

	private final ReadMarkers readMarkers;

	private final ChannelService channels;

	ReadCommands(ReadMarkers readMarkers, ChannelService channels) {
		this.readMarkers = readMarkers;
		this.channels = channels;
	}

	@ChatCommand(name = "read", usage = "(channel)",
			description = "Marks a channel you are in (the current one by default) as read, for the unread counts at your next login.")
	Reply read(CommandContext context, Arguments arguments) {
		String channel = this.channels.requireMember(context.requireUser(),
				arguments.optional(0).orElseGet(context::requireCurrentChannel));
		this.readMarkers.readAll(context.requireUser(), channel);
		return Reply.of("Marked #" + channel + " as read.", Map.of("channel", channel));
	}

}
