package io.tcpchat.channel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;

/** Topics, channel moderators and ownership transfer. */
@CommandHandler
class ChannelRoleCommands {

	private final ChannelTopics topics;

	private final ChannelModerators moderators;

	private final ChannelService channels;

	ChannelRoleCommands(ChannelTopics topics, ChannelModerators moderators, ChannelService channels) {
		this.topics = topics;
		this.moderators = moderators;
		this.channels = channels;
	}

	/**
	 * {@code //topic} shows the current channel's topic, {@code //topic #dev} another's; with text it sets it
	 * ({@code -} clears). A first word with {@code #} names the channel, so a topic never starts with one.
	 */
	@ChatCommand(name = "topic", usage = "(#channel) (text)",
			description = "Shows a channel's topic (the current one by default), or sets it (owner, moderators, admins); '-' clears it.",
			restOfLine = true)
	Reply topic(CommandContext context, Arguments arguments) {
		List<String> values = arguments.values();
		boolean named = !values.isEmpty() && values.get(0).startsWith("#");
		String channel = ChannelNames
			.normalize(named ? values.get(0) : context.requireCurrentChannel());
		List<String> words = named ? values.subList(1, values.size()) : values;
		if (words.isEmpty()) {
			String canonical = this.channels.requireReadable(context.requireUser(), channel);
			Optional<String> topic = this.topics.of(canonical);
			return reply(canonical, topic.orElse(null),
					topic.map(t -> "Topic of #" + canonical + ": " + t).orElse("#" + canonical + " has no topic."));
		}
		Optional<String> topic = this.topics.set(context.requireUser(), channel, String.join(" ", words));
		return reply(channel, topic.orElse(null),
				topic.map(t -> "Topic of #" + channel + " set: " + t).orElse("Cleared the topic of #" + channel + "."));
	}

	private static Reply reply(String channel, String topic, String text) {
		Map<String, Object> data = new HashMap<>();
		data.put("channel", channel);
		data.put("topic", topic);
		return Reply.of(text, data);
	}

	@ChatCommand(name = "op", usage = "<user> (channel)",
			description = "Makes a member a moderator of a channel: they may invite, remove and set the topic (owner or admin).")
	Reply op(CommandContext context, Arguments arguments) {
		String channel = channelOf(context, arguments);
		String user = this.moderators.op(context.requireUser(), arguments.get(0), channel);
		return Reply.of(user + " moderates #" + channel + " now.", Map.of("user", user, "channel", channel));
	}

	@ChatCommand(name = "deop", usage = "<user> (channel)",
			description = "Makes a channel moderator a plain member again (owner or admin).")
	Reply deop(CommandContext context, Arguments arguments) {
		String channel = channelOf(context, arguments);
		String user = this.moderators.deop(context.requireUser(), arguments.get(0), channel);
		return Reply.of(user + " no longer moderates #" + channel + ".", Map.of("user", user, "channel", channel));
	}

	@ChatCommand(name = "give-channel", usage = "<user> (channel)",
			description = "Gives a channel you own to one of its members (owner or admin); you stay a member.")
	Reply give(CommandContext context, Arguments arguments) {
		String channel = channelOf(context, arguments);
		String user = this.moderators.give(context.requireUser(), arguments.get(0), channel);
		return Reply.of(user + " owns #" + channel + " now.", Map.of("owner", user, "channel", channel));
	}

	static String channelOf(CommandContext context, Arguments arguments) {
		return ChannelNames.normalize(arguments.optional(1).orElseGet(context::requireCurrentChannel));
	}

}
