package io.tcpchat.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Prompt;
import io.tcpchat.command.Reply;
import io.tcpchat.error.ChatException;

@CommandHandler
class ChannelCommands {

	private final ChannelService channels;

	private final ChannelTopics topics;

	ChannelCommands(ChannelService channels, ChannelTopics topics) {
		this.channels = channels;
		this.topics = topics;
	}

	@ChatCommand(name = "channels", description = "Lists the public channels and the private ones you are in.",
			reads = true)
	Reply list(CommandContext context) {
		List<ChannelInfo> visible = this.channels.visibleTo(context.requireUser());
		String text = visible.isEmpty() ? "No channels."
				: visible.stream()
					.map(c -> "#" + c.name() + (c.isPrivate() ? " (private)" : "") + " - " + c.members() + " member"
							+ (c.members() == 1 ? "" : "s") + ((c.owner() == null) ? "" : ", owner " + c.owner())
							+ ((c.topic() == null) ? "" : ": " + c.topic()))
					.collect(Collectors.joining("\n"));
		List<Map<String, Object>> data = visible.stream().map(ChannelCommands::describe).toList();
		return Reply.of(text, Map.of("channels", data));
	}

	@ChatCommand(name = "join", usage = "<channel>",
			description = "Joins a channel (creating a public one if absent) and makes it current.")
	Reply join(CommandContext context, Arguments arguments) {
		String name = this.channels.join(context.requireUser(), arguments.get(0));
		context.setCurrentChannel(name);
		Optional<String> topic = this.topics.of(name);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("channel", name);
		data.put("topic", topic.orElse(null));
		return Reply.of("You are in #" + name + "; plain lines go there now." + topic.map(t -> " Topic: " + t).orElse(""),
				data);
	}

	@ChatCommand(name = "leave", usage = "(channel)", description = "Leaves the named or the current channel.")
	Reply leave(CommandContext context, Arguments arguments) {
		String name = this.channels.leave(context.requireUser(),
				arguments.optional(0).orElseGet(context::requireCurrentChannel));
		return Reply.of("You left #" + name + ".", Map.of("channel", name));
	}

	@ChatCommand(name = "create-channel", usage = "<name> (private)",
			description = "Creates a channel that you own, and joins it; add 'private' for invitation only.")
	Reply create(CommandContext context, Arguments arguments) {
		boolean isPrivate = arguments.optional(1).map(flag -> {
			if (!flag.equalsIgnoreCase("private") && !flag.equalsIgnoreCase("public")) {
				throw ChatException.invalid("Usage: //create-channel <name> (private)");
			}
			return flag.equalsIgnoreCase("private");
		}).orElse(false);
		String name = this.channels.createChannel(context.requireUser(), arguments.get(0), isPrivate);
		context.setCurrentChannel(name);
		return Reply.of("Created " + (isPrivate ? "private " : "") + "#" + name + "; you own it.",
				Map.of("channel", name, "private", isPrivate));
	}

	@ChatCommand(name = "delete-channel", usage = "<channel>",
			description = "Deletes a channel and its history, after confirmation (owner or admin).")
	void delete(CommandContext context, Arguments arguments) {
		ChatUser user = context.requireUser();
		ChannelInfo channel = this.channels.requireDeletable(user, arguments.get(0));
		String name = channel.name();
		context.ask(Prompt.open("confirm", "Delete #" + name + " with its " + channel.members()
				+ " member(s) and all its history? Type 'yes' to confirm."), (ctx, answer) -> {
					if (!answer.trim().equalsIgnoreCase("yes")) {
						ctx.reply("delete-channel", Reply.of("Kept #" + name + ".", Map.of("deleted", false)));
						return;
					}
					try {
						this.channels.delete(user, name);
						ctx.reply("delete-channel",
								Reply.of("Deleted #" + name + ".", Map.of("channel", name, "deleted", true)));
					}
					catch (ChatException ex) {
						ctx.error("delete-channel", ex);
					}
				});
	}

	static Map<String, Object> describe(ChannelInfo channel) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", channel.name());
		entry.put("private", channel.isPrivate());
		entry.put("owner", channel.owner());
		entry.put("members", channel.members());
		entry.put("topic", channel.topic());
		return entry;
	}

}
