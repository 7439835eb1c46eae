package io.tcpchat.presence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tcpchat.channel.ChannelMembers;
import io.tcpchat.channel.ChannelNames;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;

/** A channel's members with their presence ({@code //members}), and the online/offline notices ({@code //notify}). */
@CommandHandler
class MemberCommands {

	private final ChannelMembers members;

	private final PresenceService presence;

	private final AwayStatus away;

	private final PresenceNotices notices;

	MemberCommands(ChannelMembers members, PresenceService presence, AwayStatus away, PresenceNotices notices) {
		this.members = members;
		this.presence = presence;
		this.away = away;
		this.notices = notices;
	}

	@ChatCommand(name = "members", usage = "(channel)",
			description = "Lists a channel's members (the current one by default): online or not, owner, moderators, admins, away.",
			reads = true)
	Reply members(CommandContext context, Arguments arguments) {
		String channel = ChannelNames.normalize(arguments.optional(0).orElseGet(context::requireCurrentChannel));
		List<Map<String, Object>> data = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		for (ChannelMembers.Member member : this.members.of(context.requireUser(), channel)) {
			boolean online = this.presence.isOnline(member.id());
			Optional<String> awayText = online ? this.away.textOf(member.name()) : Optional.empty();
			List<String> roles = new ArrayList<>();
			if (member.owner()) {
				roles.add("owner");
			}
			if (member.moderator()) {
				roles.add("moderator");
			}
			if (member.admin()) {
				roles.add("admin");
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("user", member.name());
			entry.put("online", online);
			entry.put("roles", roles);
			entry.put("away", awayText.orElse(null));
			data.add(entry);
			lines.add(member.name() + (roles.isEmpty() ? "" : " (" + String.join(", ", roles) + ")") + " - "
					+ (online ? "online" : "offline") + awayText.map(a -> ", away: " + a).orElse(""));
		}
		long online = data.stream().filter(e -> Boolean.TRUE.equals(e.get("online"))).count();
		String text = "#" + channel + ": " + data.size() + " member" + ((data.size() == 1) ? "" : "s") + ", "
				+ online + " online" + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines));
		return Reply.of(text, Map.of("channel", channel, "members", data));
	}

	@ChatCommand(name = "notify", usage = "(on|off)",
			description = "Turns notices on or off when people you share a channel with come online or go offline (off by default); without an argument, says which.")
	Reply notify(CommandContext context, Arguments arguments) {
		Optional<Boolean> choice = arguments.onOff(0, "//notify (on|off)");
		if (choice.isEmpty()) {
			boolean on = this.notices.wanted(context.requireUser());
			return Reply.of("Online/offline notices are " + (on ? "on" : "off") + ".", Map.of("notify", on));
		}
		boolean on = choice.get();
		this.notices.set(context.requireUser(), on);
		return Reply.of("Online/offline notices are " + (on ? "on" : "off") + " now.", Map.of("notify", on));
	}

}
